/* GLib: a checksum thread joined at once. */
#include <glib.h>

static gpointer checksum(gpointer data)
{
    const char *s = data;
    guint sum = 0;
    while (*s)
        sum = sum * 31 + (guchar)*s++;
    return GUINT_TO_POINTER(sum);
}

guint checksum_sync(const char *text)
{
    GThread *t = g_thread_new("checksum", checksum, (gpointer)text); // label: SW101
    return GPOINTER_TO_UINT(g_thread_join(t));
}
