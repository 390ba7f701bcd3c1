/* Truth: clean.  A migration tool runs several statements one after the
 * other on a local SQLite file: local waits, nothing remote to overlap. */
#include <sqlite3.h>
#include <stdio.h>

static int run(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "migration failed: %s\n", err);
        sqlite3_free(err);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    sqlite3 *db;
    int rc = 0;
    if (sqlite3_open(argc > 1 ? argv[1] : "app.db", &db) != SQLITE_OK)
        return 1;
    rc |= run(db, "BEGIN");
    rc |= run(db, "ALTER TABLE users ADD COLUMN last_seen INTEGER");
    rc |= run(db, "CREATE INDEX IF NOT EXISTS users_last_seen ON "
                  "users(last_seen)");
    rc |= run(db, rc ? "ROLLBACK" : "COMMIT");
    sqlite3_close(db);
    return rc ? 1 : 0;
}
