#ifndef MATMUL_H
#define MATMUL_H

#define N 64

struct block_task {
    int row_begin, row_end;
    double checksum;
};

extern double A[N][N], B[N][N], C[N][N];

void *multiply_rows(void *arg);

#endif
