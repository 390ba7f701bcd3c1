/* A GLib daemon that loads its config asynchronously and reloads it on
 * SIGHUP: the loop also waits for signals. */
// advise: on_hup sync-is-fine
#include <gio/gio.h>
#include <glib-unix.h>
#include <stdio.h>

static GFile *config_file;

static void on_loaded(GObject *source, GAsyncResult *res, gpointer data)
{
    char *text = NULL;
    gsize len = 0;
    (void)data;
    if (g_file_load_contents_finish(G_FILE(source), res, &text, &len, NULL,
                                    NULL)) {
        printf("config: %lu bytes\n", (unsigned long)len);
        g_free(text);
    }
}

static gboolean on_hup(gpointer data)
{
    (void)data;
    g_file_load_contents_async(config_file, NULL, on_loaded, NULL);
    return G_SOURCE_CONTINUE;
}

int main(void)
{
    GMainLoop *loop = g_main_loop_new(NULL, FALSE);
    config_file = g_file_new_for_path("/etc/exampled.conf");
    g_file_load_contents_async(config_file, NULL, on_loaded, NULL);
    g_unix_signal_add(SIGHUP, on_hup, NULL);
    g_main_loop_run(loop);
    return 0;
}
