/* A metrics module that bumps a counter on a detached thread. */
#include <pthread.h>
#include <stdatomic.h>

static atomic_long requests;

static void *count_request(void *arg)
{
    (void)arg;
    atomic_fetch_add(&requests, 1);
    return NULL;
}

void metrics_on_request(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, count_request, NULL) == 0) // label: SW102
        pthread_detach(t);
}
