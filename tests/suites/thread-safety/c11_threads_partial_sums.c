/* Truth: C11 threads each sum a slice of the samples and add the partial sum
 * to the global 'total' with no mtx held: several writers race. */
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

static int sum_slice(void *arg)
{
    const struct slice *s = arg;
    double partial = 0;
    for (int i = s->begin; i < s->end; i++)
        partial += s->data[i];
    total += partial; // label: SW201
    return 0;
}

int main(void)
{
    thrd_t t[NTHREADS];
    struct slice slices[NTHREADS];
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
    return 0;
}
