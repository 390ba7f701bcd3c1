/* Queues a flag update on a GLib pool for every event. */
#include <glib.h>

struct session { int dirty; gint64 touched; };

static void mark_dirty(gpointer data, gpointer user)
{
    struct session *s = data;
    (void)user;
    s->dirty = 1;
    s->touched = g_get_monotonic_time();
}

static GThreadPool *pool;

void sessions_init(void)
{
    pool = g_thread_pool_new(mark_dirty, NULL, 2, FALSE, NULL); // label: SW102
}

void session_touch(struct session *s)
{
    g_thread_pool_push(pool, s, NULL);
}
