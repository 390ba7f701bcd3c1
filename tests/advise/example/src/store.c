#include "dash.h"

/* sqlite3.h, the parts used here */
typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;
#define SQLITE_OK 0
#define SQLITE_STATIC ((void (*)(void *))0)
int sqlite3_open(const char *filename, sqlite3 **db);
int sqlite3_close(sqlite3 *db);
int sqlite3_exec(sqlite3 *db, const char *sql, int (*cb)(void *, int, char **, char **), void *arg, char **errmsg);
int sqlite3_prepare_v2(sqlite3 *db, const char *sql, int n, sqlite3_stmt **st, const char **tail);
int sqlite3_bind_text(sqlite3_stmt *st, int i, const char *v, int n, void (*d)(void *));
int sqlite3_bind_int64(sqlite3_stmt *st, int i, long long v);
int sqlite3_step(sqlite3_stmt *st);
int sqlite3_finalize(sqlite3_stmt *st);


/* Writes the counters to the local sqlite file. */
void *save_snapshot(void *arg)
{
    struct stats *s = arg;
    sqlite3 *db;
    sqlite3_stmt *st;
    if (sqlite3_open("dash.db", &db) != SQLITE_OK)
        return NULL;
    sqlite3_prepare_v2(db, "INSERT INTO snap VALUES (?, ?)", -1, &st, NULL);
    sqlite3_bind_int64(st, 1, s->fetches);
    sqlite3_bind_int64(st, 2, s->errors);
    sqlite3_step(st);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return NULL;
}
