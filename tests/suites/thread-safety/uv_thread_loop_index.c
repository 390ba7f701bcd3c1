/* Truth: the prefetch threads started in a loop each receive &i, the loop
 * counter (SW203); the loop's increment races with the threads reading it
 * (SW201). The integration loop passes per-thread elements and is clean. */
#include <stdio.h>
#include <uv.h>

#define NTHREADS 4

static double partial[NTHREADS];

static void prefetch_part(void *arg)
{
    int part = *(int *)arg;
    printf("prefetching rows %d..%d\n", part * 100000, part * 100000 + 99999);
}

static void integrate(void *arg)
{
    int part = *(int *)arg;
    double sum = 0;
    for (int k = 0; k < 100000; k++) {
        double x = (part * 100000 + k) / 400000.0;
        sum += 4.0 / (1.0 + x * x);
    }
    partial[part % NTHREADS] = sum / 400000.0;
}

int main(void)
{
    uv_thread_t threads[NTHREADS];
    int ids[NTHREADS];
    for (int i = 0; i < NTHREADS; i++)
        uv_thread_create(&threads[i], prefetch_part, &i); // label: SW203
    for (int i = 0; i < NTHREADS; i++)
        uv_thread_join(&threads[i]);
    for (int i = 0; i < NTHREADS; i++) {
        ids[i] = i;
        uv_thread_create(&threads[i], integrate, &ids[i]);
    }
    double pi = 0;
    for (int i = 0; i < NTHREADS; i++) {
        uv_thread_join(&threads[i]);
        pi += partial[i];
    }
    printf("pi ~ %.6f\n", pi);
    return 0;
}
