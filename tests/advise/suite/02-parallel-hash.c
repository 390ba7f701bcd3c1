/* Hashes file chunks on all threads, joined after every thread started. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define NWORKERS 8
struct chunk { const uint8_t *p; size_t n; uint32_t h; };

static void *hash_chunk(void *arg)
{
    struct chunk *c = arg;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < c->n; i++)
        h = (h ^ c->p[i]) * 16777619u;
    c->h = h;
    return NULL;
}

uint32_t hash_parallel(const uint8_t *buf, size_t len)
{
    pthread_t t[NWORKERS];
    struct chunk c[NWORKERS];
    uint32_t h = 0;
    for (int i = 0; i < NWORKERS; i++) {
        c[i].p = buf + i * (len / NWORKERS);
        c[i].n = len / NWORKERS;
        pthread_create(&t[i], NULL, hash_chunk, &c[i]);
    }
    for (int i = 0; i < NWORKERS; i++) {
        pthread_join(t[i], NULL);
        h ^= c[i].h;
    }
    return h;
}
