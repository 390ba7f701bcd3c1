/*
 * An open-addressing hash map from strings to non-negative integers (the
 * index of something in a vector).  Keys are copied into the map's own
 * storage (interned): strmap_intern() returns a stable pointer that lives
 * until strmap_free().
 */
#ifndef SW_STRMAP_H
#define SW_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct strmap;

struct strmap *strmap_new(void);
void strmap_free(struct strmap *m);

/* Returns the value for key, or -1 when absent. */
long strmap_get(const struct strmap *m, const char *key);
/* Sets key to value (value >= 0); returns the map's own copy of the key. */
const char *strmap_put(struct strmap *m, const char *key, long value);
/* Returns the map's own copy of key, adding it with value -1 when absent. */
const char *strmap_intern(struct strmap *m, const char *key);
size_t strmap_count(const struct strmap *m);

/* Iteration: for (i = 0; strmap_next(m, &i, &k, &v);) ... */
int strmap_next(const struct strmap *m, size_t *iter, const char **key,
                long *value);

uint64_t sw_hash(const char *s, size_t n);

#endif
