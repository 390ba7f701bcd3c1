/* Truth: a C11 program waits for the indexer thread by polling a static
 * counter with thrd_sleep until all shards are indexed: SW305 at the
 * thrd_sleep call. */
#include <stdio.h>
#include <threads.h>
#include <time.h>

#define SHARDS 8

static volatile int shards_done;

static int indexer(void *arg)
{
    (void)arg;
    for (int s = 0; s < SHARDS; s++) {
        volatile unsigned long h = 0;
        for (unsigned long i = 0; i < 1000000UL; i++)
            h = h * 131 + i;
        shards_done++;
    }
    return 0;
}

int main(void)
{
    thrd_t t;
    struct timespec wait = {.tv_sec = 0, .tv_nsec = 50 * 1000 * 1000};
    thrd_create(&t, indexer, NULL);
    while (shards_done < SHARDS) {
        printf("\rindexed %d/%d", shards_done, SHARDS);
        fflush(stdout);
        thrd_sleep(&wait, NULL); // label: SW305
    }
    thrd_join(t, NULL);
    printf("\ndone\n");
    return 0;
}
