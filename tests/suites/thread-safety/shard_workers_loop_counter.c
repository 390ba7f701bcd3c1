/* Truth: every shard worker is handed &shard, the loop counter, which the loop
 * keeps incrementing: one stack address passed to several spawns (SW203) and
 * main's increment races with the workers' reads of it (SW201). */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define NSHARDS 8

static void *rebuild_shard(void *arg)
{
    int shard = *(const int *)arg;
    unsigned long rows = 0;
    for (int k = 0; k < 1000; k++)
        rows += (unsigned long)(shard * 1000 + k) % 7;
    return (void *)(uintptr_t)rows;
}

int main(void)
{
    pthread_t t[NSHARDS];
    for (int shard = 0; shard < NSHARDS; shard++)
        pthread_create(&t[shard], NULL, rebuild_shard, &shard); // label: SW203
    for (int i = 0; i < NSHARDS; i++) {
        void *rows;
        pthread_join(t[i], &rows);
        printf("shard %d: %lu rows\n", i, (unsigned long)(uintptr_t)rows);
    }
    return 0;
}
