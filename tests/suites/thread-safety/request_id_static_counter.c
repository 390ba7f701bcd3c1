/* Truth: next_request_id keeps its counter in an unprotected function-static
 * and every proxy worker (several instances) calls it: increments are lost and
 * ids repeat (SW204; the static is a shared object: SW201). */
#include <pthread.h>
#include <stdio.h>

#define NPROXIES 4

static unsigned long next_request_id(void)
{
    static unsigned long last_id;
    return ++last_id; // label: SW204
}

static void forward(unsigned long id, const char *upstream)
{
    printf("req %lu -> %s\n", id, upstream);
}

static void *proxy_worker(void *arg)
{
    const char *upstream = arg;
    for (int i = 0; i < 100; i++)
        forward(next_request_id(), upstream);
    return NULL;
}

int main(void)
{
    pthread_t t[NPROXIES];
    for (int i = 0; i < NPROXIES; i++)
        pthread_create(&t[i], NULL, proxy_worker,
                       i % 2 ? "10.0.0.1:80" : "10.0.0.2:80");
    for (int i = 0; i < NPROXIES; i++)
        pthread_join(t[i], NULL);
    return 0;
}
