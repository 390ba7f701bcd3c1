/* Truth: clean. run_stage passes the same local stage context (with its
 * barrier) to every thread on purpose; the loop does not change it, and
 * join_all waits for all threads before run_stage returns. */
#include <pthread.h>
#include <stdio.h>

#define NTHREADS 4

struct stage_ctx {
    pthread_barrier_t barrier;
    const double *input;
    int n;
};

static void *stage_thread(void *arg)
{
    struct stage_ctx *ctx = arg;
    double local = 0;
    for (int i = 0; i < ctx->n; i++)
        local += ctx->input[i];
    pthread_barrier_wait(&ctx->barrier);
    printf("partial %.1f\n", local);
    return NULL;
}

static void join_all(pthread_t *t, int n)
{
    for (int i = 0; i < n; i++)
        pthread_join(t[i], NULL);
}

static int run_stage(const double *input, int n)
{
    struct stage_ctx ctx;
    pthread_t t[NTHREADS];
    ctx.input = input;
    ctx.n = n;
    pthread_barrier_init(&ctx.barrier, NULL, NTHREADS);
    for (int i = 0; i < NTHREADS; i++)
        pthread_create(&t[i], NULL, stage_thread, &ctx);
    join_all(t, NTHREADS);
    pthread_barrier_destroy(&ctx.barrier);
    return 0;
}

int main(void)
{
    static const double data[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    return run_stage(data, 8);
}
