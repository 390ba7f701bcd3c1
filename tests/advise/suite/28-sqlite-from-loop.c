/* A GLib app that moves a sqlite write off the main loop: right. */
#include <glib.h>

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

static sqlite3 *db;

static gpointer save_state(gpointer data)
{
    sqlite3_exec(db, data, NULL, NULL, NULL);
    return NULL;
}

static gboolean on_autosave(gpointer data)
{
    GThread *t = g_thread_new("autosave", save_state, data);
    g_thread_unref(t);
    return G_SOURCE_CONTINUE;
}

int main(void)
{
    GMainLoop *loop = g_main_loop_new(NULL, FALSE);
    sqlite3_open("state.db", &db);
    g_timeout_add_seconds(30, on_autosave, "UPDATE state SET t = 1");
    g_main_loop_run(loop);
    return 0;
}
