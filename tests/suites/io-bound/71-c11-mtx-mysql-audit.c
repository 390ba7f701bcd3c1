/* Truth: C11 threads record audit rows in a remote MySQL server (literal
 * host) through one shared connection, holding an mtx_t across
 * mysql_query: each insert's round trip blocks every other thread, SW304
 * at the mysql_query call.  Formatting the statement happens before the
 * lock (clean). */
#include <stdio.h>
#include <stdlib.h>
#include <threads.h>

#include "include/mysql/mysql.h"

static mtx_t db_mu;
static MYSQL *db;

static void record(const char *who, const char *what)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "INSERT INTO audit(who, what, at) VALUES ('%s', '%s', NOW())", who,
             what);
    mtx_lock(&db_mu);
    if (mysql_query(db, sql) != 0) // label: SW304
        fprintf(stderr, "audit: %s\n", mysql_error(db));
    mtx_unlock(&db_mu);
}

static int session(void *arg)
{
    record((const char *)arg, "login");
    record((const char *)arg, "download");
    return 0;
}

int main(void)
{
    thrd_t a, b;
    mtx_init(&db_mu, mtx_plain);
    db = mysql_init(NULL);
    if (!mysql_real_connect(db, "audit-db.example.com", "audit",
                            getenv("AUDIT_PW"), "audit", 3306, NULL, 0))
        return 1;
    thrd_create(&a, session, "alice");
    thrd_create(&b, session, "bob");
    thrd_join(a, NULL);
    thrd_join(b, NULL);
    mysql_close(db);
    mtx_destroy(&db_mu);
    return 0;
}
