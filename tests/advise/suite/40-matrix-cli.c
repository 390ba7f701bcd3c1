/* Multiplies matrices: CPU-bound, no waits. */
#include <stdlib.h>

static void matmul(const double *a, const double *b, double *c, int n)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < n; k++)
                s += a[i * n + k] * b[k * n + j];
            c[i * n + j] = s;
        }
}

int main(void)
{
    int n = 512;
    double *a = calloc((size_t)n * n, sizeof *a);
    double *b = calloc((size_t)n * n, sizeof *b);
    double *c = calloc((size_t)n * n, sizeof *c);
    matmul(a, b, c, n);
    free(a);
    free(b);
    free(c);
    return 0;
}
// advise: main cpu-bound
