/* One query on its own connection: connect and query are on the same
 * handle, so they are dependent (clean). */
#include <stdio.h>
#include <stdlib.h>

#include "../include/libpq-fe.h"
#include "report.h"

long count_rows(const char *conninfo, const char *sql)
{
    PGconn *conn = PQconnectdb(conninfo);
    PGresult *res;
    long n = -1;

    if (PQstatus(conn) != CONNECTION_OK) {
        fprintf(stderr, "connect: %s", PQerrorMessage(conn));
        PQfinish(conn);
        return -1;
    }
    res = PQexec(conn, sql);
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
        n = strtol(PQgetvalue(res, 0, 0), NULL, 10);
    PQclear(res);
    PQfinish(conn);
    return n;
}
