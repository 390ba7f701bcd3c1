/* Truth (program): clean. Every write of the pool's state happens with
 * p->mu held: directly, in helpers that are only called with the lock held
 * (take_idle_locked), or between pool_lock/pool_unlock, which return with
 * the lock held / released. */
#include "pool.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

struct pg_conn {
    int fd;
    bool idle;
    bool broken;
};

struct conn_pool {
    pthread_mutex_t mu;
    pthread_cond_t available;
    struct pg_conn *conns;
    int size;
    int idle_count;
    unsigned long reconnects;
};

struct conn_pool *pool_create(int size)
{
    struct conn_pool *p = calloc(1, sizeof(*p));
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->available, NULL);
    p->conns = calloc((size_t)size, sizeof(*p->conns));
    p->size = size;
    for (int i = 0; i < size; i++) {
        p->conns[i].fd = 10 + i;
        p->conns[i].idle = true;
    }
    p->idle_count = size;
    return p;
}

static struct pg_conn *take_idle_locked(struct conn_pool *p)
{
    for (int i = 0; i < p->size; i++) {
        struct pg_conn *c = &p->conns[i];
        if (c->idle) {
            c->idle = false;
            p->idle_count--;
            if (c->broken) {
                c->broken = false;
                p->reconnects++;
            }
            return c;
        }
    }
    return NULL;
}

struct pg_conn *pool_get(struct conn_pool *p)
{
    pthread_mutex_lock(&p->mu);
    while (p->idle_count == 0)
        pthread_cond_wait(&p->available, &p->mu);
    struct pg_conn *c = take_idle_locked(p);
    pthread_mutex_unlock(&p->mu);
    return c;
}

void pool_put(struct conn_pool *p, struct pg_conn *c)
{
    pthread_mutex_lock(&p->mu);
    c->idle = true;
    p->idle_count++;
    pthread_cond_signal(&p->available);
    pthread_mutex_unlock(&p->mu);
}

void pool_lock(struct conn_pool *p)
{
    pthread_mutex_lock(&p->mu);
}

void pool_unlock(struct conn_pool *p)
{
    pthread_mutex_unlock(&p->mu);
}

void pool_mark_broken_locked(struct conn_pool *p, struct pg_conn *c)
{
    (void)p;
    c->broken = true;
}

int pool_idle(struct conn_pool *p)
{
    pthread_mutex_lock(&p->mu);
    int n = p->idle_count;
    pthread_mutex_unlock(&p->mu);
    return n;
}

void pool_destroy(struct conn_pool *p)
{
    pthread_cond_destroy(&p->available);
    pthread_mutex_destroy(&p->mu);
    free(p->conns);
    free(p);
}
