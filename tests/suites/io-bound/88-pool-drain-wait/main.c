#include <stdio.h>

#include "pool.h"

static double results[64];

static void square_root(void *arg)
{
    double *x = arg, r = *x;
    for (int i = 0; i < 30; i++)
        r = 0.5 * (r + *x / r);
    *x = r;
}

int main(void)
{
    pool_start(4);
    for (int i = 0; i < 64; i++) {
        results[i] = i + 1;
        pool_submit(square_root, &results[i]);
    }
    pool_wait_idle();
    printf("sqrt(64) = %f\n", results[63]);
    return 0;
}
