/* Truth: clean. Lookups read the DNS cache under the read lock, the refresher
 * thread replaces entries under the write lock, and the hit counter is an
 * atomic. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define CACHE_SLOTS 64
#define NREADERS 4

struct dns_entry {
    char name[64];
    unsigned addr;
    unsigned ttl;
};

struct dns_cache {
    pthread_rwlock_t rw;
    struct dns_entry slots[CACHE_SLOTS];
    atomic_ulong hits;
};

static struct dns_cache cache = {.rw = PTHREAD_RWLOCK_INITIALIZER};

static unsigned slot_of(const char *name)
{
    unsigned h = 5381;
    while (*name)
        h = h * 33 + (unsigned char)*name++;
    return h % CACHE_SLOTS;
}

static int cache_lookup(const char *name, unsigned *addr)
{
    int found = 0;
    pthread_rwlock_rdlock(&cache.rw);
    const struct dns_entry *e = &cache.slots[slot_of(name)];
    if (strcmp(e->name, name) == 0) {
        *addr = e->addr;
        found = 1;
    }
    pthread_rwlock_unlock(&cache.rw);
    if (found)
        atomic_fetch_add(&cache.hits, 1);
    return found;
}

static void cache_store(const char *name, unsigned addr, unsigned ttl)
{
    pthread_rwlock_wrlock(&cache.rw);
    struct dns_entry *e = &cache.slots[slot_of(name)];
    snprintf(e->name, sizeof e->name, "%s", name);
    e->addr = addr;
    e->ttl = ttl;
    pthread_rwlock_unlock(&cache.rw);
}

static void *resolver_client(void *arg)
{
    const char *host = arg;
    unsigned addr;
    for (int i = 0; i < 1000; i++)
        cache_lookup(host, &addr);
    return NULL;
}

static void *refresher(void *arg)
{
    (void)arg;
    for (int round = 0; round < 10; round++) {
        cache_store("api.internal", 0x0a000001u + round, 60);
        usleep(1000);
    }
    return NULL;
}

int main(void)
{
    static const char *hosts[NREADERS] = {"api.internal", "db.internal",
                                          "cache.internal", "api.internal"};
    pthread_t readers[NREADERS], writer;
    pthread_create(&writer, NULL, refresher, NULL);
    for (int i = 0; i < NREADERS; i++)
        pthread_create(&readers[i], NULL, resolver_client, (void *)hosts[i]);
    for (int i = 0; i < NREADERS; i++)
        pthread_join(readers[i], NULL);
    pthread_join(writer, NULL);
    printf("hits %lu\n", atomic_load(&cache.hits));
    return 0;
}
