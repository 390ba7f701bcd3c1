/* Truth (program): clean as built. compile_flags.txt defines
 * STATS_THREADSAFE, so COUNTERS_LOCK() takes counters_mu around every update
 * the cache threads make. (Built without it, the writes would race.) */
#include "counters.h"

#include <stdio.h>
#include <string.h>

#ifdef STATS_THREADSAFE
pthread_mutex_t counters_mu = PTHREAD_MUTEX_INITIALIZER;
#endif

static unsigned long page_hits, object_hits;

void counters_hit(const char *cache)
{
    COUNTERS_LOCK();
    if (strcmp(cache, "page") == 0)
        page_hits++;
    else
        object_hits++;
    COUNTERS_UNLOCK();
}

void counters_dump(void)
{
    COUNTERS_LOCK();
    printf("page=%lu object=%lu\n", page_hits, object_hits);
    COUNTERS_UNLOCK();
}
