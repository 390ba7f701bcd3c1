/* Truth: the GApplication "activate" handler runs on the main loop and
 * waits for "git rev-parse" with g_spawn_command_line_sync: SW303 at that
 * call.  The "shutdown" handler only frees memory (clean). */
#include <gio/gio.h>

#define GIT_REV "git rev-parse --short HEAD"

struct state {
    gchar *revision;
};

static void on_activate(GApplication *app, gpointer data)
{
    struct state *st = data;
    gchar *out = NULL;
    gint status = 0;
    gboolean ran;
    (void)app;
    ran = g_spawn_command_line_sync(GIT_REV, &out, // label: SW303
                                    NULL, &status, NULL);
    if (ran && status == 0) {
        g_strstrip(out);
        g_free(st->revision);
        st->revision = out;
        g_print("workspace at %s\n", st->revision);
    } else {
        g_free(out);
    }
}

static void on_shutdown(GApplication *app, gpointer data)
{
    struct state *st = data;
    (void)app;
    g_free(st->revision);
    st->revision = NULL;
}

int main(int argc, char **argv)
{
    struct state st = {NULL};
    GApplication *app =
        g_application_new("org.example.RevTool", G_APPLICATION_DEFAULT_FLAGS);
    int rc;
    g_signal_connect(app, "activate", G_CALLBACK(on_activate), &st);
    g_signal_connect(app, "shutdown", G_CALLBACK(on_shutdown), &st);
    rc = g_application_run(app, argc, argv);
    g_object_unref(app);
    return rc;
}
