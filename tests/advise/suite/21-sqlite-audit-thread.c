/* Writes an audit row to sqlite on a detached thread. */
#include <pthread.h>
#include <stdlib.h>

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

struct audit { sqlite3 *db; char *sql; };

static void *write_audit(void *arg)
{
    struct audit *a = arg;
    sqlite3_exec(a->db, a->sql, NULL, NULL, NULL);
    free(a->sql);
    free(a);
    return NULL;
}

void audit_async(sqlite3 *db, char *sql)
{
    pthread_t t;
    struct audit *a = malloc(sizeof *a);
    a->db = db;
    a->sql = sql;
    pthread_create(&t, NULL, write_audit, a); // label: SW103
    pthread_detach(t);
}
