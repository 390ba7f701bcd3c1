/* Truth: clean. The poller threads copy the 'stopping' flag under the
 * service lock on every round and the config generation is waited for with a
 * condition variable under the same lock. */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

#define NPOLLERS 3

struct service {
    pthread_mutex_t mu;
    pthread_cond_t changed;
    bool stopping;
    int config_gen;
};

static struct service svc = {PTHREAD_MUTEX_INITIALIZER,
                             PTHREAD_COND_INITIALIZER, false, 0};

static void *poller(void *arg)
{
    int id = (int)(long)arg;
    pthread_mutex_lock(&svc.mu);
    while (svc.config_gen == 0)
        pthread_cond_wait(&svc.changed, &svc.mu);
    pthread_mutex_unlock(&svc.mu);
    for (;;) {
        pthread_mutex_lock(&svc.mu);
        bool stop = svc.stopping;
        int gen = svc.config_gen;
        pthread_mutex_unlock(&svc.mu);
        if (stop)
            break;
        printf("poller %d polling with config %d\n", id, gen);
        usleep(50000);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[NPOLLERS];
    for (long i = 0; i < NPOLLERS; i++)
        pthread_create(&t[i], NULL, poller, (void *)i);
    pthread_mutex_lock(&svc.mu);
    svc.config_gen = 1;
    pthread_cond_broadcast(&svc.changed);
    pthread_mutex_unlock(&svc.mu);
    sleep(1);
    pthread_mutex_lock(&svc.mu);
    svc.stopping = true;
    pthread_mutex_unlock(&svc.mu);
    for (int i = 0; i < NPOLLERS; i++)
        pthread_join(t[i], NULL);
    return 0;
}
