/* Truth: clean.  The GLib converter thread waits for work with g_cond_wait
 * on the mutex it holds (released while waiting), takes the file name,
 * unlocks, and runs the external converter with g_spawn_sync without any
 * lock held. */
#include <glib.h>

static GMutex jobs_mu;
static GCond jobs_cv;
static GQueue jobs = G_QUEUE_INIT;
static gboolean shutting_down;

static gpointer converter(gpointer data)
{
    (void)data;
    for (;;) {
        gchar *path;
        gchar *argv[] = {"/usr/bin/convert", NULL, "-resize",
                         "256x256",          NULL, NULL};
        g_mutex_lock(&jobs_mu);
        while (g_queue_is_empty(&jobs) && !shutting_down)
            g_cond_wait(&jobs_cv, &jobs_mu);
        path = g_queue_pop_head(&jobs);
        g_mutex_unlock(&jobs_mu);
        if (!path)
            return NULL;
        argv[1] = path;
        argv[4] = g_strconcat(path, ".thumb.png", NULL);
        g_spawn_sync(NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                     NULL, NULL);
        g_free(argv[4]);
        g_free(path);
    }
}

void submit(const gchar *path)
{
    g_mutex_lock(&jobs_mu);
    g_queue_push_tail(&jobs, g_strdup(path));
    g_cond_signal(&jobs_cv);
    g_mutex_unlock(&jobs_mu);
}

int main(void)
{
    GThread *t = g_thread_new("converter", converter, NULL);
    submit("/srv/photos/a.jpg");
    submit("/srv/photos/b.jpg");
    g_mutex_lock(&jobs_mu);
    shutting_down = TRUE;
    g_cond_broadcast(&jobs_cv);
    g_mutex_unlock(&jobs_mu);
    g_thread_join(t);
    return 0;
}
