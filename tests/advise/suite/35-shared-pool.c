/* A long-lived pool created at start-up and given tasks from many places. */
#include <glib.h>

static GThreadPool *workers;

static void handle(gpointer data, gpointer user)
{
    int *n = data;
    (void)user;
    for (int i = 0; i < 1000; i++)
        *n += i;
}

void workers_start(void)
{
    workers = g_thread_pool_new(handle, NULL, 8, FALSE, NULL);
}

void workers_submit(int *job)
{
    g_thread_pool_push(workers, job, NULL);
}

void workers_stop(void)
{
    g_thread_pool_free(workers, FALSE, TRUE);
}
