/* Truth: clean.  The transfer runs BEGIN, two UPDATEs and COMMIT on one
 * connection to a remote database: calls on the same connection are
 * dependent (SPEC 2), they cannot overlap. */
#include <stdio.h>

#include "include/libpq-fe.h"

static int exec_ok(PGconn *c, const char *sql)
{
    PGresult *r = PQexec(c, sql);
    int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    return ok;
}

int transfer(PGconn *c, const char *from, const char *to, const char *cents)
{
    const char *debit[2] = {cents, from};
    const char *credit[2] = {cents, to};
    PGresult *r;

    if (!exec_ok(c, "BEGIN"))
        return -1;
    r = PQexecParams(c,
                     "UPDATE accounts SET balance = balance - $1 "
                     "WHERE id = $2",
                     2, NULL, debit, NULL, NULL, 0);
    PQclear(r);
    r = PQexecParams(c,
                     "UPDATE accounts SET balance = balance + $1 "
                     "WHERE id = $2",
                     2, NULL, credit, NULL, NULL, 0);
    PQclear(r);
    return exec_ok(c, "COMMIT") ? 0 : -1;
}

int main(void)
{
    PGconn *c = PQconnectdb("host=ledger.db.example.com dbname=ledger");
    int rc;
    if (PQstatus(c) != CONNECTION_OK) {
        fprintf(stderr, "%s", PQerrorMessage(c));
        return 1;
    }
    rc = transfer(c, "acct-17", "acct-42", "2500");
    PQfinish(c);
    return rc == 0 ? 0 : 1;
}
