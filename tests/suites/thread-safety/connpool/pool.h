#ifndef CONNPOOL_POOL_H
#define CONNPOOL_POOL_H

struct pg_conn;

struct conn_pool;

struct conn_pool *pool_create(int size);
struct pg_conn *pool_get(struct conn_pool *p);
void pool_put(struct conn_pool *p, struct pg_conn *c);
void pool_lock(struct conn_pool *p);
void pool_unlock(struct conn_pool *p);
void pool_mark_broken_locked(struct conn_pool *p, struct pg_conn *c);
int pool_idle(struct conn_pool *p);
void pool_destroy(struct conn_pool *p);

#endif
