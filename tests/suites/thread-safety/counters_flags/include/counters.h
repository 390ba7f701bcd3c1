#ifndef COUNTERS_H
#define COUNTERS_H

#ifdef STATS_THREADSAFE
#include <pthread.h>
extern pthread_mutex_t counters_mu;
#define COUNTERS_LOCK() pthread_mutex_lock(&counters_mu)
#define COUNTERS_UNLOCK() pthread_mutex_unlock(&counters_mu)
#else
#define COUNTERS_LOCK() ((void)0)
#define COUNTERS_UNLOCK() ((void)0)
#endif

void counters_hit(const char *cache);
void counters_dump(void);

#endif
