/* Sends a report to a Postgres server on another host, on a thread. */
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

static void *push_report(void *arg)
{
    PGconn *c = PQconnectdb("host=reports.db.example.net port=5432 dbname=ops");
    if (PQstatus(c) == CONNECTION_OK)
        PQclear(PQexec(c, arg));
    PQfinish(c);
    return NULL;
}

void report_async(char *sql)
{
    pthread_t t;
    pthread_create(&t, NULL, push_report, sql);
    pthread_detach(t);
}
