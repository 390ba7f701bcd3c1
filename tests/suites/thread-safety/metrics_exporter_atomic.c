/* Truth: clean. Workers count with stdatomic read-modify-writes and the
 * exporter thread reads with atomic_load; nothing plain is shared. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

#define NWORKERS 4

struct metrics {
    atomic_ulong requests;
    atomic_ulong errors;
    atomic_ullong latency_us_sum;
};

static struct metrics g_metrics;
static atomic_bool exporter_stop;

static void *worker(void *arg)
{
    unsigned seed = (unsigned)(long)arg;
    for (int i = 0; i < 10000; i++) {
        seed = seed * 1103515245u + 12345u;
        atomic_fetch_add_explicit(&g_metrics.requests, 1, memory_order_relaxed);
        if (seed % 97 == 0)
            atomic_fetch_add_explicit(&g_metrics.errors, 1,
                                      memory_order_relaxed);
        atomic_fetch_add_explicit(&g_metrics.latency_us_sum, seed % 500,
                                  memory_order_relaxed);
    }
    return NULL;
}

static void *exporter(void *arg)
{
    FILE *out = arg;
    while (!atomic_load(&exporter_stop)) {
        fprintf(
            out, "requests_total %lu\nerrors_total %lu\nlatency_us_sum %llu\n",
            atomic_load(&g_metrics.requests), atomic_load(&g_metrics.errors),
            atomic_load(&g_metrics.latency_us_sum));
        usleep(100000);
    }
    return NULL;
}

int main(void)
{
    pthread_t w[NWORKERS], exp;
    pthread_create(&exp, NULL, exporter, stdout);
    for (long i = 0; i < NWORKERS; i++)
        pthread_create(&w[i], NULL, worker, (void *)i);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(w[i], NULL);
    atomic_store(&exporter_stop, true);
    pthread_join(exp, NULL);
    return 0;
}
