/* Queries run after pool_acquire returned, outside the pool lock
 * (clean). */
#include <pthread.h>
#include <stdio.h>

#include "pool.h"

static void *worker(void *arg)
{
    const char *sql = arg;
    for (int i = 0; i < 10; i++) {
        PGconn *c = pool_acquire();
        PGresult *r;
        if (!c)
            continue;
        r = PQexec(c, sql);
        PQclear(r);
        pool_release(c);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[8];
    pool_init("host=pg.internal.example.com dbname=app", 4);
    for (int i = 0; i < 8; i++)
        pthread_create(&t[i], NULL, worker, "SELECT 1");
    for (int i = 0; i < 8; i++)
        pthread_join(t[i], NULL);
    return 0;
}
