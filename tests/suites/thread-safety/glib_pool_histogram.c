/* Truth: the GThreadPool function records each file's size class in a
 * function-static histogram without a lock while up to four pool threads run
 * it (SW204; the static is shared: SW201). The pool's user_data total is
 * updated atomically and is clean. */
#include <glib.h>
#include <stdio.h>

#define NCLASSES 8

static void record_size(gsize size)
{
    static guint histogram[NCLASSES];
    guint cls = 0;
    while (size > 1024 && cls < NCLASSES - 1) {
        size /= 8;
        cls++;
    }
    histogram[cls]++; // label: SW204
}

static void stat_file(gpointer data, gpointer user_data)
{
    gint *files = user_data;
    gsize size = GPOINTER_TO_SIZE(data);
    record_size(size);
    g_atomic_int_inc(files);
}

int main(void)
{
    static gint files_seen;
    GThreadPool *pool =
        g_thread_pool_new(stat_file, &files_seen, 4, FALSE, NULL);
    for (gsize i = 1; i <= 1000; i++)
        g_thread_pool_push(pool, GSIZE_TO_POINTER(i * 977), NULL);
    g_thread_pool_free(pool, FALSE, TRUE);
    printf("%d files\n", g_atomic_int_get(&files_seen));
    return 0;
}
