/* Truth: main busy-waits for the cache warm-up thread on a plain int it sets
 * (SW205); the thread's write of the flag races with main's reads (SW201). */
#include <pthread.h>
#include <stdio.h>

#define NKEYS 4096

static int warm_keys[NKEYS];
static int warmup_done;

static void *warm_cache(void *arg)
{
    (void)arg;
    for (int i = 0; i < NKEYS; i++)
        warm_keys[i] = i * 2654435761u % 1000;
    warmup_done = 1;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, warm_cache, NULL);
    while (!warmup_done) // label: SW205
        ;
    printf("cache warm, serving\n");
    pthread_join(t, NULL);
    printf("key 7 -> %d\n", warm_keys[7]);
    return 0;
}
