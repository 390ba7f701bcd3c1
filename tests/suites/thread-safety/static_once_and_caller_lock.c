/* Truth: clean. The function-static table is written only by the
 * pthread_once initialiser, and the statics of bump_generation are written
 * only from cache_invalidate, which always calls it with cache_mu held. */
#include <pthread.h>
#include <stdio.h>

#define NTHREADS 4

static pthread_mutex_t cache_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t table_once = PTHREAD_ONCE_INIT;
static const unsigned *table_ptr;

static void build_table(void)
{
    static unsigned table[256];
    for (unsigned i = 0; i < 256; i++)
        table[i] = i * i % 251;
    table_ptr = table;
}

static unsigned bump_generation(void)
{
    static unsigned generation;
    generation++;
    return generation;
}

static void cache_invalidate(const char *why)
{
    pthread_mutex_lock(&cache_mu);
    unsigned gen = bump_generation();
    pthread_mutex_unlock(&cache_mu);
    printf("invalidated (%s): generation %u\n", why, gen);
}

static void *cache_client(void *arg)
{
    unsigned key = (unsigned)(long)arg;
    pthread_once(&table_once, build_table);
    if (table_ptr[key & 255] % 3 == 0)
        cache_invalidate("stale entry");
    return NULL;
}

int main(void)
{
    pthread_t t[NTHREADS];
    for (long i = 0; i < NTHREADS; i++)
        pthread_create(&t[i], NULL, cache_client, (void *)(i * 37));
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(t[i], NULL);
    return 0;
}
