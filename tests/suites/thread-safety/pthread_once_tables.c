/* Truth: clean. The CRC table is filled by a pthread_once initialiser, which
 * runs once before any caller proceeds; workers only read it afterwards and
 * return their result through the join. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define NWORKERS 4

static pthread_once_t crc_once = PTHREAD_ONCE_INIT;
static uint32_t crc_table[256];
static int crc_ready;

static void crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
    crc_ready = 1;
}

static uint32_t crc32_buf(const unsigned char *p, size_t n)
{
    pthread_once(&crc_once, crc_init);
    uint32_t c = 0xFFFFFFFFu;
    while (n--)
        c = crc_table[(c ^ *p++) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

static void *verify_chunk(void *arg)
{
    const char *chunk = arg;
    uint32_t crc = crc32_buf((const unsigned char *)chunk, 16);
    return (void *)(uintptr_t)crc;
}

int main(void)
{
    static const char data[NWORKERS][17] = {
        "0123456789abcdef", "fedcba9876543210", "aaaaaaaaaaaaaaaa",
        "0000111122223333"};
    pthread_t t[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&t[i], NULL, verify_chunk, (void *)data[i]);
    for (int i = 0; i < NWORKERS; i++) {
        void *res;
        pthread_join(t[i], &res);
        printf("chunk %d crc %08x\n", i, (unsigned)(uintptr_t)res);
    }
    printf("table ready: %d\n", crc_ready);
    return 0;
}
