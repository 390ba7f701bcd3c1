#include "pool.h"

#include <pthread.h>
#include <stdio.h>

#define NCLIENTS 6

static void *client(void *arg)
{
    struct conn_pool *p = arg;
    for (int i = 0; i < 200; i++) {
        struct pg_conn *c = pool_get(p);
        if (i % 50 == 49) {
            pool_lock(p);
            pool_mark_broken_locked(p, c);
            pool_unlock(p);
        }
        pool_put(p, c);
    }
    return NULL;
}

int main(void)
{
    struct conn_pool *p = pool_create(4);
    pthread_t t[NCLIENTS];
    for (int i = 0; i < NCLIENTS; i++)
        pthread_create(&t[i], NULL, client, p);
    for (int i = 0; i < NCLIENTS; i++)
        pthread_join(t[i], NULL);
    printf("idle at exit: %d\n", pool_idle(p));
    pool_destroy(p);
    return 0;
}
