/* Talks to a Postgres on the unix socket (no host=), on a worker thread. */
#include <pthread.h>

/* libpq-fe.h, the parts used here */
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef enum { CONNECTION_OK, CONNECTION_BAD } ConnStatusType;
PGconn *PQconnectdb(const char *conninfo);
ConnStatusType PQstatus(const PGconn *conn);
PGresult *PQexec(PGconn *conn, const char *query);
void PQclear(PGresult *res);
void PQfinish(PGconn *conn);

static void *store_event(void *arg)
{
    PGconn *c = PQconnectdb("dbname=events user=app");
    PQclear(PQexec(c, arg));
    PQfinish(c);
    return NULL;
}

void event_async(char *sql)
{
    pthread_t t;
    pthread_create(&t, NULL, store_event, sql); // label: SW103
    pthread_detach(t);
}
