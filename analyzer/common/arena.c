#include "arena.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

struct arena_block {
    struct arena_block *next; /* older block */
    size_t size;              /* usable bytes in data */
    size_t off;               /* first free byte */
    _Alignas(16) unsigned char data[];
};

void arena_init(struct arena *a)
{
    a->head = NULL;
    a->used = 0;
}

void arena_release(struct arena *a)
{
    struct arena_block *b = a->head;
    while (b) {
        struct arena_block *next = b->next;
        free(b);
        b = next;
    }
    arena_init(a);
}

void *arena_alloc(struct arena *a, size_t n)
{
    struct arena_block *b = a->head;
    void *p;
    n = (n + 15) & ~(size_t)15;
    if (!b || b->size - b->off < n) {
        size_t size = n > 32768 ? n : 32768;
        b = xmalloc(sizeof(*b) + size);
        b->size = size;
        b->off = 0;
        b->next = a->head;
        a->head = b;
    }
    p = b->data + b->off;
    b->off += n;
    a->used += n;
    memset(p, 0, n);
    return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}
