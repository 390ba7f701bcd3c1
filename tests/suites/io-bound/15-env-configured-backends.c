/* Truth: clean.  Where the database and the cache live comes from the
 * environment, so their locality is unknown; unknown is never counted as
 * remote for SW301 (only APIs remote by nature, HTTP and DNS, are). */
#include <stdio.h>
#include <stdlib.h>

#include "include/hiredis/hiredis.h"
#include "include/libpq-fe.h"

int main(void)
{
    const char *dsn = getenv("DATABASE_URL");
    const char *cache_host = getenv("CACHE_HOST");
    PGconn *db;
    redisContext *cache;

    if (!dsn || !cache_host) {
        fprintf(stderr, "DATABASE_URL and CACHE_HOST must be set\n");
        return 2;
    }
    db = PQconnectdb(dsn);
    cache = redisConnect(cache_host, 6379);
    if (PQstatus(db) != CONNECTION_OK || !cache || cache->err) {
        fprintf(stderr, "backend unavailable\n");
        return 1;
    }
    printf("ready\n");
    PQfinish(db);
    redisFree(cache);
    return 0;
}
