/* A GLib thread that only copies a string into a buffer. */
#include <glib.h>
#include <string.h>

struct msg { char text[64]; const char *src; };

static gpointer copy_msg(gpointer data)
{
    struct msg *m = data;
    g_strlcpy(m->text, m->src, sizeof m->text);
    return NULL;
}

void msg_prepare(struct msg *m)
{
    g_thread_unref(g_thread_new("copy", copy_msg, m)); // label: SW102
}
