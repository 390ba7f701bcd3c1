/* Truth: clean.  The service opens its stores one after the other, but all
 * of them are on this machine: PostgreSQL over the unix socket directory,
 * Redis on 127.0.0.1, MySQL at "localhost" (its unix socket).  Local waits
 * are not remote calls for SW301. */
#include <stdio.h>
#include <stdlib.h>

#include "include/hiredis/hiredis.h"
#include "include/libpq-fe.h"
#include "include/mysql/mysql.h"

struct stores {
    PGconn *pg;
    redisContext *cache;
    MYSQL *legacy;
};

static int open_stores(struct stores *s)
{
    s->pg = PQconnectdb("host=/var/run/postgresql dbname=inventory");
    if (PQstatus(s->pg) != CONNECTION_OK)
        return -1;
    s->cache = redisConnect("127.0.0.1", 6379);
    if (!s->cache || s->cache->err)
        return -1;
    s->legacy = mysql_init(NULL);
    if (!mysql_real_connect(s->legacy, "localhost", "inv", NULL, "legacy", 0,
                            NULL, 0))
        return -1;
    return 0;
}

static long stock_level(struct stores *s, const char *sku)
{
    const char *params[1] = {sku};
    PGresult *res = PQexecParams(s->pg, "SELECT qty FROM stock WHERE sku = $1",
                                 1, NULL, params, NULL, NULL, 0);
    long qty = -1;
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) > 0)
        qty = atol(PQgetvalue(res, 0, 0));
    PQclear(res);
    return qty;
}

int main(int argc, char **argv)
{
    struct stores s = {0};
    redisReply *r;
    long qty;

    if (open_stores(&s) != 0) {
        fprintf(stderr, "cannot open stores\n");
        return 1;
    }
    qty = stock_level(&s, argc > 1 ? argv[1] : "SKU-1");
    r = redisCommand(s.cache, "SET stock:%s %ld", argc > 1 ? argv[1] : "SKU-1",
                     qty);
    if (r)
        freeReplyObject(r);
    mysql_query(s.legacy, "UPDATE sync_state SET last_run = NOW()");
    PQfinish(s.pg);
    redisFree(s.cache);
    mysql_close(s.legacy);
    return 0;
}
