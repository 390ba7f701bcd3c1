/* Truth: clean.  The listener thread reconnects to PostgreSQL until it
 * succeeds, sleeping between attempts: each round is a real attempt
 * (PQconnectdb) and the loop ends on its result (a retry loop: not SW305,
 * not SW302).  After connecting it subscribes with PQexec on its own
 * connection, with no lock held. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#include "include/libpq-fe.h"

static PGconn *connect_until_up(const char *dsn)
{
    PGconn *c;
    for (;;) {
        c = PQconnectdb(dsn);
        if (PQstatus(c) == CONNECTION_OK)
            return c;
        fprintf(stderr, "listen: %s", PQerrorMessage(c));
        PQfinish(c);
        sleep(2);
    }
}

static void *listener(void *arg)
{
    PGconn *c = connect_until_up((const char *)arg);
    PGresult *r = PQexec(c, "LISTEN cache_invalidation");
    PQclear(r);
    PQfinish(c);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, listener,
                   "host=pg-primary.example.com dbname=app");
    pthread_join(t, NULL);
    return 0;
}
