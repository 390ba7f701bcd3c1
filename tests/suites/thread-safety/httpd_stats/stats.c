/* Truth (program): stats_count_request bumps the global request and error
 * counters without the stats lock while every connection worker calls it
 * (SW201 on each write); stats_add_bytes is locked and clean. */
#include "stats.h"

#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t stats_mu = PTHREAD_MUTEX_INITIALIZER;
static unsigned long requests_total;
static unsigned long errors_total;
static unsigned long long bytes_total;

void stats_count_request(int status)
{
    requests_total++; // label: SW201
    if (status >= 500)
        errors_total++; // label: SW201
}

void stats_add_bytes(size_t n)
{
    pthread_mutex_lock(&stats_mu);
    bytes_total += n;
    pthread_mutex_unlock(&stats_mu);
}

void stats_print(void)
{
    pthread_mutex_lock(&stats_mu);
    printf("requests=%lu errors=%lu bytes=%llu\n", requests_total, errors_total,
           bytes_total);
    pthread_mutex_unlock(&stats_mu);
}
