/* The spawner computes its half while the thread computes the other. */
#include <pthread.h>

struct half { const double *v; int n; double sum; };

static void *sum_half(void *arg)
{
    struct half *h = arg;
    for (int i = 0; i < h->n; i++)
        h->sum += h->v[i];
    return NULL;
}

double sum_two_halves(const double *v, int n)
{
    pthread_t t;
    struct half a = {v, n / 2, 0}, b = {v + n / 2, n - n / 2, 0};
    pthread_create(&t, NULL, sum_half, &a);
    sum_half(&b);
    pthread_join(t, NULL);
    return a.sum + b.sum;
}
