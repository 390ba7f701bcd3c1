#ifndef POOL_H
#define POOL_H

#include "../include/libpq-fe.h"

void pool_init(const char *conninfo, int max);
PGconn *pool_acquire(void);
void pool_release(PGconn *c);

#endif
