#ifndef POOL_H
#define POOL_H

void pool_start(int nthreads);
void pool_submit(void (*fn)(void *), void *arg);
void pool_wait_idle(void);

#endif
