/* Truth: clean. The write-behind flusher is the only thread that runs
 * flush_batch; its function-static batch counter is private to that one
 * thread (main never calls it), and the queue depth is read atomically. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

static atomic_int pending_writes;
static atomic_bool stop_flusher;

static void flush_batch(int n)
{
    static unsigned batches;
    static unsigned long flushed;
    batches++;
    flushed += (unsigned long)n;
    if (batches % 100 == 0)
        fprintf(stderr, "flusher: %u batches, %lu writes\n", batches, flushed);
}

static void *flusher(void *arg)
{
    (void)arg;
    while (!atomic_load(&stop_flusher)) {
        int n = atomic_exchange(&pending_writes, 0);
        if (n > 0)
            flush_batch(n);
        usleep(1000);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, flusher, NULL);
    for (int i = 0; i < 10000; i++)
        atomic_fetch_add(&pending_writes, 1);
    atomic_store(&stop_flusher, true);
    pthread_join(t, NULL);
    return 0;
}
