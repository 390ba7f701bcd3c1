/* Truth: a GLib worker pool refreshes the printer list by running lpstat
 * with g_spawn_command_line_sync while holding the printers GMutex; every
 * thread that wants the list waits for the child process: SW304 at the
 * g_spawn_command_line_sync call. */
#include <glib.h>

static GMutex printers_mu;
static gchar *printers;
static gint64 refreshed_at;

const gchar *printer_list(void)
{
    const gchar *list;
    g_mutex_lock(&printers_mu);
    if (g_get_monotonic_time() - refreshed_at > 60 * G_USEC_PER_SEC) {
        gchar *out = NULL;
        if (g_spawn_command_line_sync("lpstat -a", &out, NULL, // label: SW304
                                      NULL, NULL)) {
            g_free(printers);
            printers = out;
            refreshed_at = g_get_monotonic_time();
        }
    }
    list = printers;
    g_mutex_unlock(&printers_mu);
    return list;
}

static void print_job(gpointer job, gpointer user_data)
{
    (void)user_data;
    g_print("job %s -> %s\n", (const gchar *)job, printer_list());
}

int main(void)
{
    GThreadPool *pool = g_thread_pool_new(print_job, NULL, 4, FALSE, NULL);
    g_thread_pool_push(pool, "invoice-17.pdf", NULL);
    g_thread_pool_push(pool, "label-3.pdf", NULL);
    g_thread_pool_push(pool, "report-q3.pdf", NULL);
    g_thread_pool_free(pool, FALSE, TRUE);
    return 0;
}
