#include "stats.h"

#include <pthread.h>

#define NWORKERS 8

void *connection_worker(void *arg);

int main(void)
{
    pthread_t workers[NWORKERS];
    for (long i = 0; i < NWORKERS; i++)
        pthread_create(&workers[i], NULL, connection_worker,
                       (void *)(i * 1000));
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(workers[i], NULL);
    stats_print();
    return 0;
}
