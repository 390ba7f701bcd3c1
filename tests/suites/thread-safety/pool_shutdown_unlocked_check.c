/* Truth: the pool workers test pool->shutdown in their loop condition without
 * the pool lock, while main sets it under the lock: an unlocked flag wait
 * (SW205), and main's locked write has no lock in common with that read
 * (SW201). The queue itself is handled under the lock. */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define NWORKERS 3

struct pool {
    pthread_mutex_t mu;
    int queued;
    bool shutdown;
};

static void *pool_worker(void *arg)
{
    struct pool *p = arg;
    unsigned ran = 0;
    while (!p->shutdown) { // label: SW205
        pthread_mutex_lock(&p->mu);
        int have = p->queued > 0;
        if (have)
            p->queued--;
        pthread_mutex_unlock(&p->mu);
        if (have)
            ran++;
        else
            usleep(1000);
    }
    printf("worker ran %u jobs\n", ran);
    return NULL;
}

int main(void)
{
    struct pool *p = calloc(1, sizeof(*p));
    pthread_t t[NWORKERS];
    pthread_mutex_init(&p->mu, NULL);
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&t[i], NULL, pool_worker, p);
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&p->mu);
        p->queued++;
        pthread_mutex_unlock(&p->mu);
    }
    sleep(1);
    pthread_mutex_lock(&p->mu);
    p->shutdown = true;
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(t[i], NULL);
    pthread_mutex_destroy(&p->mu);
    free(p);
    return 0;
}
