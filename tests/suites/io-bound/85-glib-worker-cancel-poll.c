/* Truth: the GLib export thread waits until the user either confirms or
 * cancels in the UI (main-loop callbacks set the flags), polling them with
 * g_usleep every 100 ms: SW305 at the g_usleep call. */
#include <glib.h>

static volatile gint confirmed;
static volatile gint cancelled;
static GMainLoop *loop;

static gpointer export_thread(gpointer data)
{
    while (!g_atomic_int_get(&confirmed) && !g_atomic_int_get(&cancelled))
        g_usleep(100 * 1000); // label: SW305
    if (g_atomic_int_get(&confirmed))
        g_print("exporting %s\n", (const gchar *)data);
    g_main_loop_quit(loop);
    return NULL;
}

static gboolean on_confirm_timeout(gpointer data)
{
    (void)data;
    g_atomic_int_set(&confirmed, 1);
    return G_SOURCE_REMOVE;
}

static gboolean on_cancel_key(GIOChannel *ch, GIOCondition cond, gpointer data)
{
    (void)ch;
    (void)cond;
    (void)data;
    g_atomic_int_set(&cancelled, 1);
    return G_SOURCE_REMOVE;
}

int main(void)
{
    GIOChannel *in = g_io_channel_unix_new(0);
    GThread *t;
    loop = g_main_loop_new(NULL, FALSE);
    g_io_add_watch(in, G_IO_IN, on_cancel_key, NULL);
    g_timeout_add_seconds(5, on_confirm_timeout, NULL);
    t = g_thread_new("export", export_thread, "album-2024.zip");
    g_main_loop_run(loop);
    g_thread_join(t);
    g_io_channel_unref(in);
    g_main_loop_unref(loop);
    return 0;
}
