/* Truth: clean. The same partial-sum program with the global total updated
 * under a C11 mtx_t, and the samples written before the first thrd_create. */
#include <stdio.h>
#include <threads.h>

#define NSAMPLES 4096
#define NTHREADS 4

struct slice {
    const double *data;
    int begin, end;
};

static double samples[NSAMPLES];
static double total;
static mtx_t total_mu;

static int sum_slice(void *arg)
{
    const struct slice *s = arg;
    double partial = 0;
    for (int i = s->begin; i < s->end; i++)
        partial += s->data[i];
    mtx_lock(&total_mu);
    total += partial;
    mtx_unlock(&total_mu);
    return 0;
}

int main(void)
{
    thrd_t t[NTHREADS];
    struct slice slices[NTHREADS];
    mtx_init(&total_mu, mtx_plain);
    for (int i = 0; i < NSAMPLES; i++)
        samples[i] = i * 0.5;
    for (int i = 0; i < NTHREADS; i++) {
        slices[i] = (struct slice){samples, i * (NSAMPLES / NTHREADS),
                                   (i + 1) * (NSAMPLES / NTHREADS)};
        thrd_create(&t[i], sum_slice, &slices[i]);
    }
    for (int i = 0; i < NTHREADS; i++)
        thrd_join(t[i], NULL);
    printf("total %.1f\n", total);
    mtx_destroy(&total_mu);
    return 0;
}
