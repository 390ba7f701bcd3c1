/* Truth: shutdown joins every worker while holding the registry lock; a
 * worker that needs the registry to finish (it unregisters itself) waits
 * on the lock held by the joiner: SW304 at pthread_join. */
#include <pthread.h>
#include <stdio.h>

#define NWORKERS 4

static pthread_mutex_t registry_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_t workers[NWORKERS];
static int active[NWORKERS];
static unsigned long checksums[NWORKERS];

static void *worker(void *arg)
{
    long id = (long)arg;
    unsigned long sum = 0;
    for (unsigned long i = 0; i < 50000000UL; i++)
        sum = sum * 31 + i;
    checksums[id] = sum;
    pthread_mutex_lock(&registry_mu);
    active[id] = 0;
    pthread_mutex_unlock(&registry_mu);
    return NULL;
}

void start_workers(void)
{
    pthread_mutex_lock(&registry_mu);
    for (long i = 0; i < NWORKERS; i++) {
        pthread_create(&workers[i], NULL, worker, (void *)i);
        active[i] = 1;
    }
    pthread_mutex_unlock(&registry_mu);
}

void stop_workers(void)
{
    pthread_mutex_lock(&registry_mu);
    for (int i = 0; i < NWORKERS; i++)
        if (active[i])
            pthread_join(workers[i], NULL); // label: SW304
    pthread_mutex_unlock(&registry_mu);
}

int main(void)
{
    start_workers();
    stop_workers();
    printf("%lu\n", checksums[0]);
    return 0;
}
