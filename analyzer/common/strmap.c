#include "strmap.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

struct slot {
    char *key;     /* owned; NULL when empty */
    uint64_t hash; /* hash of key */
    long value;    /* mapped value, -1 for "interned only" */
};

struct strmap {
    struct slot *slots; /* power-of-two sized table */
    size_t cap;         /* number of slots */
    size_t count;       /* occupied slots */
};

uint64_t sw_hash(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037ULL; /* FNV-1a 64 */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

struct strmap *strmap_new(void)
{
    struct strmap *m = xcalloc(1, sizeof(*m));
    m->cap = 64;
    m->slots = xcalloc(m->cap, sizeof(*m->slots));
    return m;
}

void strmap_free(struct strmap *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
    free(m);
}

static struct slot *find(const struct strmap *m, const char *key, uint64_t h)
{
    size_t mask = m->cap - 1;
    size_t i = (size_t)h & mask;
    for (;;) {
        struct slot *s = &m->slots[i];
        if (!s->key || (s->hash == h && strcmp(s->key, key) == 0))
            return s;
        i = (i + 1) & mask;
    }
}

static void rehash(struct strmap *m)
{
    struct slot *old = m->slots;
    size_t oldcap = m->cap;
    m->cap *= 2;
    m->slots = xcalloc(m->cap, sizeof(*m->slots));
    for (size_t i = 0; i < oldcap; i++) {
        if (old[i].key)
            *find(m, old[i].key, old[i].hash) = old[i];
    }
    free(old);
}

long strmap_get(const struct strmap *m, const char *key)
{
    struct slot *s = find(m, key, sw_hash(key, strlen(key)));
    return s->key ? s->value : -1;
}

static struct slot *upsert(struct strmap *m, const char *key)
{
    uint64_t h = sw_hash(key, strlen(key));
    struct slot *s;
    if ((m->count + 1) * 4 > m->cap * 3)
        rehash(m);
    s = find(m, key, h);
    if (!s->key) {
        s->key = xstrdup(key);
        s->hash = h;
        s->value = -1;
        m->count++;
    }
    return s;
}

const char *strmap_put(struct strmap *m, const char *key, long value)
{
    struct slot *s = upsert(m, key);
    s->value = value;
    return s->key;
}

const char *strmap_intern(struct strmap *m, const char *key)
{
    return upsert(m, key)->key;
}

size_t strmap_count(const struct strmap *m)
{
    return m->count;
}

int strmap_next(const struct strmap *m, size_t *iter, const char **key,
                long *value)
{
    while (*iter < m->cap) {
        struct slot *s = &m->slots[(*iter)++];
        if (s->key) {
            *key = s->key;
            *value = s->value;
            return 1;
        }
    }
    return 0;
}
