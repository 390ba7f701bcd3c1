/* Truth: clean.  One query per order line, but all on the same connection:
 * calls on the same connection are dependent (SPEC 2) and could not
 * overlap on it anyway. */
#include <stdio.h>

#include "include/libpq-fe.h"

struct line {
    char sku[32];
    int qty;
};

int reserve_lines(PGconn *db, const struct line *lines, int n)
{
    char qty[16];
    int ok = 0;
    for (int i = 0; i < n; i++) {
        const char *params[2] = {qty, lines[i].sku};
        PGresult *r;
        snprintf(qty, sizeof qty, "%d", lines[i].qty);
        r = PQexecParams(db,
                         "UPDATE stock SET reserved = reserved + $1 "
                         "WHERE sku = $2",
                         2, NULL, params, NULL, NULL, 0);
        if (PQresultStatus(r) == PGRES_COMMAND_OK)
            ok++;
        PQclear(r);
    }
    return ok;
}

int main(void)
{
    struct line lines[] = {{"SKU-1", 2}, {"SKU-7", 1}, {"SKU-9", 5}};
    PGconn *db = PQconnectdb("host=orders.db.example.com dbname=shop");
    int ok;
    if (PQstatus(db) != CONNECTION_OK)
        return 1;
    ok = reserve_lines(db, lines, 3);
    PQfinish(db);
    return ok == 3 ? 0 : 1;
}
