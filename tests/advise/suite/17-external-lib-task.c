/* Compresses blocks with zlib on threads: an external, costly call. */
#include <pthread.h>
#include <stddef.h>

int compress2(unsigned char *dest, unsigned long *destLen,
              const unsigned char *source, unsigned long sourceLen, int level);

struct blk { unsigned char in[65536], out[70000]; unsigned long outlen; };

static void *deflate_block(void *arg)
{
    struct blk *b = arg;
    b->outlen = sizeof b->out;
    compress2(b->out, &b->outlen, b->in, sizeof b->in, 6);
    return NULL;
}

void compress_blocks(struct blk *b, int n)
{
    pthread_t t[4];
    for (int i = 0; i < n && i < 4; i++)
        pthread_create(&t[i], NULL, deflate_block, &b[i]);
    for (int i = 0; i < n && i < 4; i++)
        pthread_join(t[i], NULL);
}
