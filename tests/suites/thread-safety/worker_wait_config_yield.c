/* Truth: the workers wait for main to publish the config with
 * while (!config_ready) sched_yield(); on a plain int (SW205), and main's store
 * races with those reads (SW201). */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

#define NWORKERS 4

struct app_config {
    int max_conns;
    int idle_timeout_s;
};

static struct app_config config;
static int config_ready;

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    while (!config_ready) // label: SW205
        sched_yield();
    printf("worker %d: max_conns=%d\n", id, config.max_conns);
    return NULL;
}

static void load_config(struct app_config *c)
{
    c->max_conns = 512;
    c->idle_timeout_s = 30;
}

int main(void)
{
    pthread_t t[NWORKERS];
    load_config(&config);
    for (long i = 0; i < NWORKERS; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    config_ready = 1;
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(t[i], NULL);
    return 0;
}
