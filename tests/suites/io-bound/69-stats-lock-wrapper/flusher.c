/* Truth: the flusher takes the stats lock through the module's wrapper
 * (stats_lock) and pushes to the remote collector before releasing it, so
 * every stats_add in the request threads waits for the HTTPS round trip:
 * SW304 at the stats_push call. */
#include <pthread.h>

#include "stats.h"

static void *flusher(void *arg)
{
    const char *url = arg;
    stats_lock();
    stats_push(url); // label: SW304
    stats_unlock();
    return NULL;
}

static void *requests(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100000; i++)
        stats_add(i % 10 ? "http.ok" : "http.error", 1);
    return NULL;
}

int main(void)
{
    pthread_t f, r;
    pthread_create(&r, NULL, requests, NULL);
    pthread_create(&f, NULL, flusher, "https://collector.example.com/ingest");
    pthread_join(r, NULL);
    pthread_join(f, NULL);
    return 0;
}
