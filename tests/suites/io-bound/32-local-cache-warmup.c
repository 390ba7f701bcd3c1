/* Truth: clean.  The warm-up walks the rows of a local SQLite file and
 * copies each into Redis on 127.0.0.1: every wait in the loop is local. */
#include <sqlite3.h>
#include <stdio.h>

#include "include/hiredis/hiredis.h"

int main(void)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    redisContext *cache = redisConnect("127.0.0.1", 6379);
    int copied = 0;

    if (!cache || cache->err)
        return 1;
    if (sqlite3_open("/var/lib/catalog/catalog.db", &db) != SQLITE_OK)
        return 1;
    sqlite3_prepare_v2(db, "SELECT sku, price_cents FROM products", -1, &st,
                       NULL);
    while (sqlite3_step(st) == SQLITE_ROW) {
        redisReply *r =
            redisCommand(cache, "SET price:%s %d", sqlite3_column_text(st, 0),
                         sqlite3_column_int(st, 1));
        if (r) {
            freeReplyObject(r);
            copied++;
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    redisFree(cache);
    printf("%d prices cached\n", copied);
    return 0;
}
