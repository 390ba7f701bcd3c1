/* Truth: clean.  A GLib app loads its state file with
 * g_file_load_contents_async and runs a helper with g_subprocess and
 * g_subprocess_wait_async from a main-loop callback: every wait completes
 * through a callback, the loop never blocks. */
#include <gio/gio.h>

static GMainLoop *loop;

static void on_helper_done(GObject *src, GAsyncResult *res, gpointer data)
{
    GError *err = NULL;
    (void)data;
    if (!g_subprocess_wait_finish(G_SUBPROCESS(src), res, &err)) {
        g_printerr("helper: %s\n", err->message);
        g_error_free(err);
    }
    g_main_loop_quit(loop);
}

static void on_loaded(GObject *src, GAsyncResult *res, gpointer data)
{
    gchar *contents = NULL;
    gsize len = 0;
    GSubprocess *helper;
    (void)data;
    if (g_file_load_contents_finish(G_FILE(src), res, &contents, &len, NULL,
                                    NULL)) {
        g_print("state: %" G_GSIZE_FORMAT " bytes\n", len);
        g_free(contents);
    }
    helper = g_subprocess_new(G_SUBPROCESS_FLAGS_NONE, NULL,
                              "/usr/libexec/notes/reindex", NULL);
    if (helper) {
        g_subprocess_wait_async(helper, NULL, on_helper_done, NULL);
        g_object_unref(helper);
    }
}

static gboolean start(gpointer data)
{
    GFile *f = g_file_new_for_path((const char *)data);
    g_file_load_contents_async(f, NULL, on_loaded, NULL);
    g_object_unref(f);
    return G_SOURCE_REMOVE;
}

int main(void)
{
    loop = g_main_loop_new(NULL, FALSE);
    g_idle_add(start, "/var/lib/notes/state.json");
    g_main_loop_run(loop);
    g_main_loop_unref(loop);
    return 0;
}
