/* Truth: the GLib applet checks every 30 s whether the sync server is
 * reachable with the synchronous g_socket_client_connect_to_host (name
 * lookup and TCP handshake) in a g_timeout_add_seconds callback: SW303 at
 * that call.  The "activate" handler only prints (clean). */
#include <gio/gio.h>

#define SYNC_HOST "sync.example.com"

struct applet {
    GSocketClient *client;
    gboolean online;
};

static gboolean check_server(gpointer data)
{
    struct applet *a = data;
    GError *err = NULL;
    GSocketConnection *conn;

    conn = g_socket_client_connect_to_host(a->client, SYNC_HOST, // label: SW303
                                           443, NULL, &err);
    a->online = conn != NULL;
    if (conn)
        g_object_unref(conn);
    else
        g_clear_error(&err);
    g_print("sync server %s\n", a->online ? "reachable" : "unreachable");
    return G_SOURCE_CONTINUE;
}

static void on_activate(GApplication *app, gpointer data)
{
    struct applet *a = data;
    (void)app;
    g_print("applet started (%s)\n", a->online ? "online" : "offline");
}

int main(int argc, char **argv)
{
    struct applet a = {g_socket_client_new(), FALSE};
    GApplication *app = g_application_new("org.example.SyncApplet",
                                          G_APPLICATION_DEFAULT_FLAGS);
    int rc;
    g_socket_client_set_timeout(a.client, 5);
    g_signal_connect(app, "activate", G_CALLBACK(on_activate), &a);
    g_timeout_add_seconds(30, check_server, &a);
    g_application_hold(app);
    rc = g_application_run(app, argc, argv);
    g_object_unref(a.client);
    g_object_unref(app);
    return rc;
}
