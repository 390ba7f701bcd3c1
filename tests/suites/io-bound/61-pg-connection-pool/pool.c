/* Truth: pool_acquire opens a new connection with PQconnectdb while
 * holding the pool mutex, so every thread that wants a connection waits
 * for the handshake: SW304 at PQconnectdb.  Waiting for a free connection
 * with pthread_cond_wait on the pool mutex releases it (clean). */
#include <pthread.h>
#include <stdio.h>

#include "pool.h"

#define POOL_MAX 32

static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pool_cv = PTHREAD_COND_INITIALIZER;
static PGconn *idle[POOL_MAX];
static int nidle, nopen, maxopen;
static char dsn[256];

void pool_init(const char *conninfo, int max)
{
    snprintf(dsn, sizeof dsn, "%s", conninfo);
    maxopen = max < POOL_MAX ? max : POOL_MAX;
}

PGconn *pool_acquire(void)
{
    PGconn *c = NULL;
    pthread_mutex_lock(&pool_mu);
    while (nidle == 0 && nopen >= maxopen)
        pthread_cond_wait(&pool_cv, &pool_mu);
    if (nidle > 0) {
        c = idle[--nidle];
    } else {
        c = PQconnectdb(dsn); // label: SW304
        if (PQstatus(c) == CONNECTION_OK) {
            nopen++;
        } else {
            PQfinish(c);
            c = NULL;
        }
    }
    pthread_mutex_unlock(&pool_mu);
    return c;
}

void pool_release(PGconn *c)
{
    pthread_mutex_lock(&pool_mu);
    idle[nidle++] = c;
    pthread_cond_signal(&pool_cv);
    pthread_mutex_unlock(&pool_mu);
}
