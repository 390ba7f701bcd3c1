#include "matmul.h"

#include <pthread.h>
#include <stdio.h>

#define NTHREADS 4

int main(void)
{
    struct block_task tasks[NTHREADS];
    pthread_t t[NTHREADS];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            A[i][j] = i + j;
            B[i][j] = i == j;
        }
    for (int b = 0; b < NTHREADS; b++) {
        tasks[b] = (struct block_task){b * (N / NTHREADS),
                                       (b + 1) * (N / NTHREADS), 0};
        pthread_create(&t[b], NULL, multiply_rows, &tasks[b]);
    }
    double total = 0;
    for (int b = 0; b < NTHREADS; b++) {
        pthread_join(t[b], NULL);
        total += tasks[b].checksum;
    }
    printf("checksum %.3f, C[5][5]=%.3f\n", total, C[5][5]);
    return 0;
}
