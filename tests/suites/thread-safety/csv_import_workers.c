/* Truth: every import worker (several instances) splits its lines with
 * strtok, whose hidden position pointer all threads share. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NWORKERS 4

struct import_shard {
    char **lines;
    int nlines;
    long amount_cents;
};

static void *import_shard(void *arg)
{
    struct import_shard *s = arg;
    for (int i = 0; i < s->nlines; i++) {
        char *id = strtok(s->lines[i], ","); // label: SW202
        char *amount = strtok(NULL, ",");    // label: SW202
        if (id && amount)
            s->amount_cents += strtol(amount, NULL, 10);
    }
    return NULL;
}

int main(void)
{
    static char rows[NWORKERS][2][32] = {{"1,250", "2,100"},
                                         {"3,999", "4,1"},
                                         {"5,42", "6,7"},
                                         {"7,300", "8,12"}};
    char *ptrs[NWORKERS][2];
    struct import_shard shards[NWORKERS];
    pthread_t t[NWORKERS];
    for (int i = 0; i < NWORKERS; i++) {
        ptrs[i][0] = rows[i][0];
        ptrs[i][1] = rows[i][1];
        shards[i] = (struct import_shard){ptrs[i], 2, 0};
    }
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&t[i], NULL, import_shard, &shards[i]);
    long total = 0;
    for (int i = 0; i < NWORKERS; i++) {
        pthread_join(t[i], NULL);
        total += shards[i].amount_cents;
    }
    printf("total %ld cents\n", total);
    return 0;
}
