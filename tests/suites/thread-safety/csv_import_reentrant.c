/* Truth: clean. The same import workers use the reentrant strtok_r,
 * localtime_r and rand_r with per-thread state. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NWORKERS 4

struct import_shard {
    char *batch;
    unsigned seed;
    long amount_cents;
    int sampled;
};

static void *import_shard(void *arg)
{
    struct import_shard *s = arg;
    char *save = NULL;
    for (char *line = strtok_r(s->batch, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        char *field_save = NULL;
        char *id = strtok_r(line, ",", &field_save);
        char *amount = strtok_r(NULL, ",", &field_save);
        if (id && amount)
            s->amount_cents += strtol(amount, NULL, 10);
        if (rand_r(&s->seed) % 10 == 0)
            s->sampled++;
    }
    time_t now = time(NULL);
    struct tm tm;
    char stamp[32];
    localtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%H:%M:%S", &tm);
    printf("[%s] shard done: %ld cents\n", stamp, s->amount_cents);
    return NULL;
}

int main(void)
{
    static char batches[NWORKERS][40] = {"1,250\n2,100\n", "3,999\n4,1\n",
                                         "5,42\n6,7\n", "7,300\n8,12\n"};
    struct import_shard shards[NWORKERS];
    pthread_t t[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        shards[i] =
            (struct import_shard){batches[i], (unsigned)i * 7919u, 0, 0};
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&t[i], NULL, import_shard, &shards[i]);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(t[i], NULL);
    return 0;
}
