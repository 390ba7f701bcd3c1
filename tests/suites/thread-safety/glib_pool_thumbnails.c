/* Truth: the GThreadPool task adds to the global byte count without a lock
 * (SW201) and stamps each thumbnail with localtime, which is not thread-safe
 * while several pool threads run it (SW202). */
#include <glib.h>
#include <stdio.h>
#include <time.h>

static guint64 thumb_bytes_total;

struct thumb_job {
    char *path;
    time_t mtime;
    gsize size;
};

static void make_thumbnail(gpointer data, gpointer user_data)
{
    struct thumb_job *job = data;
    FILE *log = user_data;
    char stamp[32];
    struct tm *tm = localtime(&job->mtime); // label: SW202
    strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M", tm);
    gsize thumb = job->size / 16;
    thumb_bytes_total += thumb; // label: SW201
    fprintf(log, "%s (%s): %zu bytes\n", job->path, stamp, (size_t)thumb);
    g_free(job->path);
    g_free(job);
}

int main(int argc, char **argv)
{
    GError *err = NULL;
    GThreadPool *pool =
        g_thread_pool_new(make_thumbnail, stderr, 4, FALSE, &err);
    if (!pool) {
        fprintf(stderr, "pool: %s\n", err->message);
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        struct thumb_job *job = g_new0(struct thumb_job, 1);
        job->path = g_strdup(argv[i]);
        job->mtime = time(NULL) - i * 3600;
        job->size = 4096u * (gsize)i;
        g_thread_pool_push(pool, job, NULL);
    }
    g_thread_pool_free(pool, FALSE, TRUE);
    printf("thumbnails: %llu bytes\n", (unsigned long long)thumb_bytes_total);
    return 0;
}
