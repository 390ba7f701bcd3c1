/* Truth: clean. Every update of the shared counters happens under the stats
 * lock, and main reads them only after joining the workers. */
#include <pthread.h>
#include <stdio.h>
#include <stddef.h>

#define NWORKERS 8

struct http_stats {
    pthread_mutex_t mu;
    unsigned long requests;
    unsigned long errors;
    unsigned long long bytes;
};

static struct http_stats g_stats = {PTHREAD_MUTEX_INITIALIZER, 0, 0, 0};

static int serve_request(int id, size_t *len)
{
    *len = 512 + (size_t)id * 3;
    return id % 17 == 0 ? -1 : 0;
}

static void stats_record(int rc, size_t n)
{
    pthread_mutex_lock(&g_stats.mu);
    g_stats.requests++;
    if (rc < 0)
        g_stats.errors++;
    else
        g_stats.bytes += n;
    pthread_mutex_unlock(&g_stats.mu);
}

static void *request_worker(void *arg)
{
    int id = (int)(long)arg;
    for (int i = 0; i < 1000; i++) {
        size_t n = 0;
        int rc = serve_request(id + i, &n);
        stats_record(rc, n);
    }
    return NULL;
}

int main(void)
{
    pthread_t workers[NWORKERS];
    for (long i = 0; i < NWORKERS; i++)
        pthread_create(&workers[i], NULL, request_worker, (void *)i);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(workers[i], NULL);
    printf("%lu requests (%lu errors), %llu bytes\n", g_stats.requests,
           g_stats.errors, g_stats.bytes);
    return 0;
}
