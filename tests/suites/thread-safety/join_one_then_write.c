/* Truth: main joins only the indexer thread before rewriting the shared
 * search settings, but the query thread is still running and reads them: the
 * write after the first join is not ordered with the query thread (SW201).
 * The settings written before the spawns and read after both joins are clean.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

struct search_settings {
    int max_results;
    int fuzzy;
};

static struct search_settings settings = {10, 0};

static void *indexer(void *arg)
{
    (void)arg;
    usleep(1000);
    return NULL;
}

static void *query_loop(void *arg)
{
    (void)arg;
    int served = 0;
    for (int i = 0; i < 100; i++) {
        served += settings.max_results + settings.fuzzy;
        usleep(100);
    }
    return (void *)(long)served;
}

int main(void)
{
    pthread_t idx, q;
    settings.max_results = 20;
    pthread_create(&idx, NULL, indexer, NULL);
    pthread_create(&q, NULL, query_loop, NULL);
    pthread_join(idx, NULL);
    settings.fuzzy = 1; // label: SW201
    pthread_join(q, NULL);
    printf("max %d fuzzy %d\n", settings.max_results, settings.fuzzy);
    return 0;
}
