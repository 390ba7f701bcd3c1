/* Truth: request workers (several instances) bump g_stats.requests without the
 * stats lock; g_stats.bytes is always updated under it and is clean. */
#include <pthread.h>
#include <stdio.h>
#include <stddef.h>

#define NWORKERS 8

struct http_stats {
    pthread_mutex_t mu;
    unsigned long requests;
    unsigned long long bytes;
};

static struct http_stats g_stats = {PTHREAD_MUTEX_INITIALIZER, 0, 0};

static size_t serve_request(int id)
{
    return 512 + (size_t)id * 3;
}

static void *request_worker(void *arg)
{
    int id = (int)(long)arg;
    for (int i = 0; i < 1000; i++) {
        size_t n = serve_request(id);
        g_stats.requests++; // label: SW201
        pthread_mutex_lock(&g_stats.mu);
        g_stats.bytes += n;
        pthread_mutex_unlock(&g_stats.mu);
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
    printf("%lu requests, %llu bytes\n", g_stats.requests, g_stats.bytes);
    return 0;
}
