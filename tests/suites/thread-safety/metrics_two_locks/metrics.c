/* Truth (program): request handlers update the endpoint counters under the
 * endpoint's own lock m->mu, but the exporter snapshots them holding only
 * export_mu, a different lock: the handlers' writes race with the exporter's
 * reads (SW201 on each write). Handler against handler is clean. */
#include "metrics.h"

#include <stdio.h>
#include <unistd.h>

struct endpoint_metrics api_metrics = {PTHREAD_MUTEX_INITIALIZER, 0, 0};
pthread_mutex_t export_mu = PTHREAD_MUTEX_INITIALIZER;

void metrics_observe(struct endpoint_metrics *m, unsigned latency_ms)
{
    pthread_mutex_lock(&m->mu);
    m->requests++; // label: SW201
    if (latency_ms > 250)
        m->slow++; // label: SW201
    pthread_mutex_unlock(&m->mu);
}

void *metrics_exporter(void *arg)
{
    FILE *out = arg;
    for (int round = 0; round < 10; round++) {
        sleep(1);
        pthread_mutex_lock(&export_mu);
        unsigned long requests = api_metrics.requests;
        unsigned long slow = api_metrics.slow;
        pthread_mutex_unlock(&export_mu);
        fprintf(out, "api_requests %lu\napi_slow %lu\n", requests, slow);
    }
    return NULL;
}
