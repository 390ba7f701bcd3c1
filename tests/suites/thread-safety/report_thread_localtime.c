/* Truth: one report thread runs while main keeps compacting the database, so
 * it runs concurrently with another context; its localtime call is not
 * thread-safe. main's own strftime on a localtime_r result is clean. */
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

struct report_ctx {
    FILE *out;
    time_t started;
};

static void *report_progress(void *arg)
{
    struct report_ctx *ctx = arg;
    for (int i = 0; i < 3; i++) {
        char stamp[32];
        struct tm *tm = localtime(&ctx->started); // label: SW202
        strftime(stamp, sizeof stamp, "%H:%M:%S", tm);
        fprintf(ctx->out, "compaction running since %s\n", stamp);
        sleep(1);
    }
    return NULL;
}

static void compact_segment(int seg)
{
    usleep(20000 + seg);
}

int main(void)
{
    static struct report_ctx ctx;
    pthread_t reporter;
    ctx.out = stderr;
    ctx.started = time(NULL);
    pthread_create(&reporter, NULL, report_progress, &ctx);
    for (int seg = 0; seg < 100; seg++)
        compact_segment(seg);
    pthread_join(reporter, NULL);
    struct tm tm;
    char done[32];
    time_t end = time(NULL);
    localtime_r(&end, &tm);
    strftime(done, sizeof done, "%H:%M:%S", &tm);
    printf("compaction finished at %s\n", done);
    return 0;
}
