/* Truth: the tray applet's g_timeout_add_seconds callback asks UPower for
 * the battery level with a synchronous D-Bus call: a round trip to another
 * process on the GLib main loop, SW303 at g_dbus_connection_call_sync.
 * Getting the bus in main before the loop runs is not loop code. */
#include <gio/gio.h>

static GDBusConnection *system_bus;

static gboolean refresh_battery(gpointer label)
{
    GError *err = NULL;
    GVariant *reply, *value;

    reply = g_dbus_connection_call_sync( // label: SW303
        system_bus, "org.freedesktop.UPower",
        "/org/freedesktop/UPower/devices/DisplayDevice",
        "org.freedesktop.DBus.Properties", "Get",
        g_variant_new("(ss)", "org.freedesktop.UPower.Device", "Percentage"),
        G_VARIANT_TYPE("(v)"), G_DBUS_CALL_FLAGS_NONE, 500, NULL, &err);
    if (!reply) {
        g_printerr("battery: %s\n", err->message);
        g_error_free(err);
        return G_SOURCE_CONTINUE;
    }
    g_variant_get(reply, "(v)", &value);
    g_print("%s: %.0f%%\n", (const char *)label, g_variant_get_double(value));
    g_variant_unref(value);
    g_variant_unref(reply);
    return G_SOURCE_CONTINUE;
}

int main(void)
{
    GMainLoop *loop = g_main_loop_new(NULL, FALSE);
    system_bus = g_bus_get_sync(G_BUS_TYPE_SYSTEM, NULL, NULL);
    if (!system_bus)
        return 1;
    g_timeout_add_seconds(30, refresh_battery, "battery");
    g_main_loop_run(loop);
    g_object_unref(system_bus);
    g_main_loop_unref(loop);
    return 0;
}
