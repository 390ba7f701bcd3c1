/* Truth: the monitor checks replication lag on each regional replica (a
 * fixed table of literal remote hosts), opening one connection per replica
 * in turn; the checks are independent: SW302 at the replica_lag call in
 * the loop.  Inside replica_lag, connect and query share one connection
 * (dependent, clean). */
#include <stdio.h>
#include <stdlib.h>

#include "include/libpq-fe.h"

static const char *const replicas[] = {
    "host=pg-replica.eu-west.example.com dbname=app connect_timeout=3",
    "host=pg-replica.us-east.example.com dbname=app connect_timeout=3",
    "host=pg-replica.ap-south.example.com dbname=app connect_timeout=3",
};

static double replica_lag(const char *conninfo)
{
    PGconn *c = PQconnectdb(conninfo);
    PGresult *r;
    double lag = -1;
    if (PQstatus(c) == CONNECTION_OK) {
        r = PQexec(c, "SELECT extract(epoch FROM now() - "
                      "pg_last_xact_replay_timestamp())");
        if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
            lag = atof(PQgetvalue(r, 0, 0));
        PQclear(r);
    }
    PQfinish(c);
    return lag;
}

int main(void)
{
    int alert = 0;
    for (int i = 0; i < 3; i++) {
        double lag = replica_lag(replicas[i]); // label: SW302
        if (lag < 0 || lag > 30.0) {
            printf("replica %d lagging: %.1fs\n", i, lag);
            alert = 1;
        }
    }
    return alert;
}
