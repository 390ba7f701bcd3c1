/* Truth: the totals tool asks two remote MySQL shards (literal host names)
 * the same question, one after the other, each on its own connection: the
 * two shard_total calls are independent, SW301 at the second. */
#include <stdio.h>
#include <stdlib.h>

#include "include/mysql/mysql.h"

static long long shard_total(const char *host)
{
    MYSQL *db = mysql_init(NULL);
    MYSQL_RES *res;
    MYSQL_ROW row;
    long long total = -1;

    if (!db)
        return -1;
    if (!mysql_real_connect(db, host, "stats", getenv("STATS_PW"), "shop", 3306,
                            NULL, 0)) {
        fprintf(stderr, "%s: %s\n", host, mysql_error(db));
        mysql_close(db);
        return -1;
    }
    if (mysql_query(db, "SELECT SUM(amount_cents) FROM payments") == 0 &&
        (res = mysql_store_result(db)) != NULL) {
        if ((row = mysql_fetch_row(res)) != NULL && row[0])
            total = strtoll(row[0], NULL, 10);
        mysql_free_result(res);
    }
    mysql_close(db);
    return total;
}

int main(void)
{
    long long a = shard_total("shard-a.mysql.example.com");
    long long b = shard_total("shard-b.mysql.example.com"); // label: SW301
    if (a < 0 || b < 0)
        return 1;
    printf("total: %lld cents\n", a + b);
    return 0;
}
