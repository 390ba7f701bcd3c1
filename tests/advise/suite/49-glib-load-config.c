/* A GLib command-line tool that reads its key file with async GIO. */
#include <gio/gio.h>
#include <stdio.h>

// advise: on_config_loaded async-adds-nothing

struct app {
    GMainLoop *loop;
    GKeyFile *config;
    int status;
};

static void on_config_loaded(GObject *source, GAsyncResult *res, gpointer data)
{
    struct app *app = data;
    char *text = NULL;
    gsize len = 0;
    GError *err = NULL;
    if (!g_file_load_contents_finish(G_FILE(source), res, &text, &len, NULL,
                                     &err) ||
        !g_key_file_load_from_data(app->config, text, len, G_KEY_FILE_NONE,
                                   &err)) {
        fprintf(stderr, "config: %s\n", err->message);
        g_error_free(err);
        app->status = 1;
    } else {
        char *name = g_key_file_get_string(app->config, "user", "name", NULL);
        printf("hello, %s\n", name ? name : "stranger");
        g_free(name);
    }
    g_free(text);
    g_main_loop_quit(app->loop);
}

int main(int argc, char **argv)
{
    struct app app = {NULL, g_key_file_new(), 0};
    GFile *file = g_file_new_for_path(argc > 1 ? argv[1] : "greeter.ini");
    app.loop = g_main_loop_new(NULL, FALSE);
    g_file_load_contents_async(file, NULL, on_config_loaded, &app);
    g_main_loop_run(app.loop); // label: SW103
    g_main_loop_unref(app.loop);
    g_key_file_free(app.config);
    g_object_unref(file);
    return app.status;
}
