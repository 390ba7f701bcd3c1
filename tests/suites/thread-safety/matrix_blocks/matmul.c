/* Truth (program): clean. Each thread writes only its own rows of C and its
 * own task's checksum; A and B are filled before the first spawn and C is
 * read after the joins. The scale table comes from a pthread_once init. */
#include "matmul.h"

#include <pthread.h>

double A[N][N], B[N][N], C[N][N];

static pthread_once_t scale_once = PTHREAD_ONCE_INIT;
static double scale[N];

static void init_scale(void)
{
    for (int i = 0; i < N; i++)
        scale[i] = 1.0 / (i + 1);
}

void *multiply_rows(void *arg)
{
    struct block_task *t = arg;
    pthread_once(&scale_once, init_scale);
    for (int i = t->row_begin; i < t->row_end; i++) {
        for (int j = 0; j < N; j++) {
            double s = 0;
            for (int k = 0; k < N; k++)
                s += A[i][k] * B[k][j];
            C[i][j] = s * scale[j];
            t->checksum += C[i][j];
        }
    }
    return NULL;
}
