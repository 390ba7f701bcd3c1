#ifndef STATS_H
#define STATS_H

void stats_lock(void);
void stats_unlock(void);
void stats_add(const char *name, long delta);
int stats_push(const char *collector_url);

#endif
