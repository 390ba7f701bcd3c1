/* Truth: clean. pool_checkout takes the lock and leaves through a single
 * 'goto out' that unlocks; every early exit still has the lock held for the
 * writes it made. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_CONNS 8
#define NTHREADS 4

struct conn {
    int id;
    int in_use;
};

struct pool {
    pthread_mutex_t mu;
    struct conn slots[MAX_CONNS];
    int available;
    unsigned long waits;
    unsigned long failures;
};

static struct pool g_pool = {.mu = PTHREAD_MUTEX_INITIALIZER,
                             .available = MAX_CONNS};

static int pool_checkout(struct conn **out)
{
    int rc = 0;
    pthread_mutex_lock(&g_pool.mu);
    if (g_pool.available == 0) {
        g_pool.waits++;
        rc = EAGAIN;
        goto out;
    }
    for (int i = 0; i < MAX_CONNS; i++) {
        if (!g_pool.slots[i].in_use) {
            g_pool.slots[i].in_use = 1;
            g_pool.available--;
            *out = &g_pool.slots[i];
            goto out;
        }
    }
    g_pool.failures++;
    rc = ENOENT;
out:
    pthread_mutex_unlock(&g_pool.mu);
    return rc;
}

static void pool_checkin(struct conn *c)
{
    pthread_mutex_lock(&g_pool.mu);
    c->in_use = 0;
    g_pool.available++;
    pthread_mutex_unlock(&g_pool.mu);
}

static void *session(void *arg)
{
    (void)arg;
    for (int i = 0; i < 50; i++) {
        struct conn *c = NULL;
        if (pool_checkout(&c) == 0)
            pool_checkin(c);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[NTHREADS];
    for (int i = 0; i < MAX_CONNS; i++)
        g_pool.slots[i].id = i;
    for (int i = 0; i < NTHREADS; i++)
        if (pthread_create(&t[i], NULL, session, NULL) != 0)
            exit(1);
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(t[i], NULL);
    printf("waits=%lu failures=%lu\n", g_pool.waits, g_pool.failures);
    return 0;
}
