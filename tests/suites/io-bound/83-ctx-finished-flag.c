/* Truth: the scanner's context struct is passed to the thread, which sets
 * ctx->finished when done; main polls that field with sleep(1): the same
 * sleep-polling through a pointer, SW305 at the sleep call. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

struct scan_ctx {
    const char *root;
    volatile int finished;
    unsigned long files;
};

static void *scan(void *arg)
{
    struct scan_ctx *ctx = arg;
    for (const char *p = ctx->root; *p; p++)
        if (*p == '/')
            ctx->files++;
    ctx->finished = 1;
    return NULL;
}

int main(void)
{
    struct scan_ctx ctx = {"/srv/data/a/b/c", 0, 0};
    pthread_t t;
    pthread_create(&t, NULL, scan, &ctx);
    while (!ctx.finished) {
        fprintf(stderr, ".");
        sleep(1); // label: SW305
    }
    pthread_join(t, NULL);
    printf("\n%lu entries\n", ctx.files);
    return 0;
}
