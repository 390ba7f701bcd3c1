/* Truth: clean. The formatting helper's buffer and the per-thread error count
 * are thread-local, the unit table is const, and the shared total is updated
 * with a __sync builtin. */
#include <pthread.h>
#include <stdio.h>

#define NTHREADS 4

static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
static __thread unsigned errors_this_thread;
static unsigned long long bytes_total;

static const char *human_size(unsigned long long n)
{
    static _Thread_local char buf[32];
    int u = 0;
    double v = (double)n;
    while (v >= 1024 && u < 4) {
        v /= 1024;
        u++;
    }
    snprintf(buf, sizeof buf, "%.1f %s", v, units[u]);
    return buf;
}

static void *transfer(void *arg)
{
    unsigned long long size = (unsigned long long)(long)arg * 1048576ull;
    for (int i = 0; i < 4; i++) {
        if ((size >> i) % 3 == 0)
            errors_this_thread++;
        __sync_fetch_and_add(&bytes_total, size >> i);
        printf("chunk %s\n", human_size(size >> i));
    }
    printf("%u errors in this thread\n", errors_this_thread);
    return NULL;
}

int main(void)
{
    pthread_t t[NTHREADS];
    for (long i = 0; i < NTHREADS; i++)
        pthread_create(&t[i], NULL, transfer, (void *)(i + 1));
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(t[i], NULL);
    printf("total %s\n", human_size(bytes_total));
    return 0;
}
