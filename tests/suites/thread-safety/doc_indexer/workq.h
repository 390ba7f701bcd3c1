#ifndef INDEXER_WORKQ_H
#define INDEXER_WORKQ_H

typedef void (*work_fn)(void *arg);

struct workq;

struct workq *workq_start(int nthreads);
void workq_add(struct workq *q, work_fn fn, void *arg);
void workq_finish(struct workq *q);

#endif
