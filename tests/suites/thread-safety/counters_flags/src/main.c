#include "counters.h"

#include <pthread.h>

#define NTHREADS 4

static void *cache_user(void *arg)
{
    const char *cache = arg;
    for (int i = 0; i < 1000; i++)
        counters_hit(cache);
    return NULL;
}

int main(void)
{
    pthread_t t[NTHREADS];
    for (int i = 0; i < NTHREADS; i++)
        pthread_create(&t[i], NULL, cache_user, i % 2 ? "page" : "object");
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(t[i], NULL);
    counters_dump();
    return 0;
}
