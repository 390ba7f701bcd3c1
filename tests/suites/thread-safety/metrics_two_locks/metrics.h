#ifndef METRICS_H
#define METRICS_H

#include <pthread.h>

struct endpoint_metrics {
    pthread_mutex_t mu;
    unsigned long requests;
    unsigned long slow;
};

extern struct endpoint_metrics api_metrics;
extern pthread_mutex_t export_mu;

void metrics_observe(struct endpoint_metrics *m, unsigned latency_ms);
void *metrics_exporter(void *arg);

#endif
