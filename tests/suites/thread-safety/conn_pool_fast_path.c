/* Truth: the cache-hit fast path of pool_acquire bumps pool.hits before taking
 * the pool lock; all other pool fields are only touched with the lock held. */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

#define POOL_SIZE 16
#define NCLIENTS 6

struct db_conn {
    int fd;
    bool busy;
};

struct conn_pool {
    pthread_mutex_t lock;
    struct db_conn conns[POOL_SIZE];
    struct db_conn *last_released;
    unsigned hits;
    unsigned misses;
};

static struct conn_pool pool = {.lock = PTHREAD_MUTEX_INITIALIZER};

static struct db_conn *pool_acquire(void)
{
    struct db_conn *c =
        __atomic_exchange_n(&pool.last_released, NULL, __ATOMIC_ACQ_REL);
    if (c) {
        pool.hits++; // label: SW201
        return c;
    }
    pthread_mutex_lock(&pool.lock);
    pool.misses++;
    for (int i = 0; i < POOL_SIZE; i++) {
        if (!pool.conns[i].busy) {
            pool.conns[i].busy = true;
            c = &pool.conns[i];
            break;
        }
    }
    pthread_mutex_unlock(&pool.lock);
    return c;
}

static void pool_release(struct db_conn *c)
{
    pthread_mutex_lock(&pool.lock);
    c->busy = false;
    pthread_mutex_unlock(&pool.lock);
}

static void *client(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++) {
        struct db_conn *c = pool_acquire();
        if (c)
            pool_release(c);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[NCLIENTS];
    for (int i = 0; i < POOL_SIZE; i++)
        pool.conns[i].fd = 100 + i;
    for (int i = 0; i < NCLIENTS; i++)
        pthread_create(&t[i], NULL, client, NULL);
    for (int i = 0; i < NCLIENTS; i++)
        pthread_join(t[i], NULL);
    printf("hits %u misses %u\n", pool.hits, pool.misses);
    return 0;
}
