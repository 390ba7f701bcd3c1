/* Truth: workers add to the histogram under hist_mu, but the exporter thread
 * resets the bucket counts after printing them without taking the lock: its
 * write races with the workers' locked updates. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define NBUCKETS 8
#define NWORKERS 3

static pthread_mutex_t hist_mu = PTHREAD_MUTEX_INITIALIZER;
static unsigned long latency_hist[NBUCKETS];

static int bucket_of(unsigned us)
{
    int b = 0;
    while (us > 1 && b < NBUCKETS - 1) {
        us >>= 2;
        b++;
    }
    return b;
}

static void *worker(void *arg)
{
    unsigned us = (unsigned)(long)arg * 37u;
    for (int i = 0; i < 100000; i++) {
        us = (us * 7u + 11u) % 100000u;
        int b = bucket_of(us);
        pthread_mutex_lock(&hist_mu);
        latency_hist[b]++;
        pthread_mutex_unlock(&hist_mu);
    }
    return NULL;
}

static void *exporter(void *arg)
{
    (void)arg;
    for (int round = 0; round < 5; round++) {
        unsigned long snap[NBUCKETS];
        pthread_mutex_lock(&hist_mu);
        memcpy(snap, latency_hist, sizeof snap);
        pthread_mutex_unlock(&hist_mu);
        for (int b = 0; b < NBUCKETS; b++)
            printf("latency_bucket{le=\"%d\"} %lu\n", b, snap[b]);
        memset(latency_hist, 0, sizeof latency_hist); // label: SW201
        sleep(1);
    }
    return NULL;
}

int main(void)
{
    pthread_t w[NWORKERS], e;
    pthread_create(&e, NULL, exporter, NULL);
    for (long i = 0; i < NWORKERS; i++)
        pthread_create(&w[i], NULL, worker, (void *)i);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(w[i], NULL);
    pthread_join(e, NULL);
    return 0;
}
