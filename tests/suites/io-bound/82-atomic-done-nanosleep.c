/* Truth: the uploader waits for the compressor thread by polling an atomic
 * flag with nanosleep: the flag is synchronised (no data race) but the
 * wait is still sleep-polling, SW305 at the nanosleep call. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>

static atomic_int compressed;
static size_t compressed_size;

static void *compressor(void *arg)
{
    size_t n = 0;
    for (const char *p = arg; *p; p++)
        n += (size_t)(*p != ' ');
    compressed_size = n;
    atomic_store(&compressed, 1);
    return NULL;
}

int main(void)
{
    pthread_t t;
    struct timespec tick = {0, 2 * 1000 * 1000};
    pthread_create(&t, NULL, compressor, "a b c d e f g");
    while (!atomic_load(&compressed))
        nanosleep(&tick, NULL); // label: SW305
    printf("ready to upload %zu bytes\n", compressed_size);
    pthread_join(t, NULL);
    return 0;
}
