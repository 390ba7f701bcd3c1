/* Truth: clean.  A GLib app starts both lookups with the asynchronous
 * GResolver API from a main-loop callback; they overlap and the loop is
 * never blocked. */
#include <gio/gio.h>

static int pending;
static GMainLoop *loop;

static void on_resolved(GObject *src, GAsyncResult *res, gpointer name)
{
    GError *err = NULL;
    GList *addrs = g_resolver_lookup_by_name_finish(G_RESOLVER(src), res, &err);
    if (addrs) {
        g_print("%s: %u addresses\n", (const char *)name, g_list_length(addrs));
        g_resolver_free_addresses(addrs);
    } else {
        g_printerr("%s: %s\n", (const char *)name, err->message);
        g_error_free(err);
    }
    if (--pending == 0)
        g_main_loop_quit(loop);
}

static gboolean start_lookups(gpointer data)
{
    GResolver *r = g_resolver_get_default();
    (void)data;
    pending = 2;
    g_resolver_lookup_by_name_async(r, "updates.example.org", NULL, on_resolved,
                                    "updates.example.org");
    g_resolver_lookup_by_name_async(r, "telemetry.example.org", NULL,
                                    on_resolved, "telemetry.example.org");
    g_object_unref(r);
    return G_SOURCE_REMOVE;
}

int main(void)
{
    loop = g_main_loop_new(NULL, FALSE);
    g_idle_add(start_lookups, NULL);
    g_main_loop_run(loop);
    g_main_loop_unref(loop);
    return 0;
}
