/* Truth: clean.  The libevent service queries PostgreSQL with libpq's
 * asynchronous API: PQsendQuery from the timer callback, then
 * PQconsumeInput/PQisBusy when the connection's socket is readable, and
 * PQgetResult only once PQisBusy says the result is complete, so no call
 * on the loop waits.  The blocking PQconnectdb runs in main before the
 * loop. */
#include <event2/event.h>
#include <stdio.h>

#include "include/libpq-fe.h"

static PGconn *db;
static struct event *readable;

static void on_db_readable(evutil_socket_t fd, short what, void *arg)
{
    PGresult *r;
    (void)fd;
    (void)what;
    (void)arg;
    if (!PQconsumeInput(db)) {
        fprintf(stderr, "db: %s", PQerrorMessage(db));
        return;
    }
    while (!PQisBusy(db) && (r = PQgetResult(db)) != NULL) {
        if (PQresultStatus(r) == PGRES_TUPLES_OK)
            printf("queue depth: %s\n", PQgetvalue(r, 0, 0));
        PQclear(r);
    }
}

static void poll_queue(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    (void)arg;
    if (PQsendQuery(db, "SELECT count(*) FROM jobs WHERE state = 'queued'"))
        event_add(readable, NULL);
}

int main(void)
{
    struct event_base *base = event_base_new();
    struct timeval every = {2, 0};
    struct event *tick;

    db = PQconnectdb("host=jobs.db.example.com dbname=jobs");
    if (PQstatus(db) != CONNECTION_OK || PQsetnonblocking(db, 1) != 0)
        return 1;
    readable = event_new(base, PQsocket(db), EV_READ, on_db_readable, NULL);
    tick = event_new(base, -1, EV_PERSIST, poll_queue, NULL);
    event_add(tick, &every);
    event_base_dispatch(base);
    PQfinish(db);
    return 0;
}
