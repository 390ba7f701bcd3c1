/*
 * Content hashes for the facts cache: MurmurHash3 x64 128-bit, printed as
 * 32 lowercase hex digits.  Not cryptographic: it detects edits, not
 * attacks (a cache directory is as trusted as the source tree beside it).
 */
#ifndef SW_HASH_H
#define SW_HASH_H

#include <stddef.h>
#include <stdint.h>

#define SW_HASH_HEX 33 /* 32 hex digits and a NUL */

/* Hashes n bytes of data with seed into out[0], out[1]. */
void sw_hash128(const void *data, size_t n, uint64_t seed, uint64_t out[2]);

/* Hashes n bytes of data into hex (SW_HASH_HEX bytes). */
void sw_hash_hex(const void *data, size_t n, char hex[SW_HASH_HEX]);

/*
 * An incremental hash over several pieces (each piece's length is mixed
 * in, so ("ab","c") and ("a","bc") differ).  Init, add, then finish.
 */
struct sw_hasher {
    uint64_t h[2]; /* running state */
};

void sw_hasher_init(struct sw_hasher *hs);
void sw_hasher_add(struct sw_hasher *hs, const void *data, size_t n);
void sw_hasher_addstr(struct sw_hasher *hs, const char *s); /* NULL ok */
void sw_hasher_hex(const struct sw_hasher *hs, char hex[SW_HASH_HEX]);

/*
 * Hashes the current contents of the file at path into hex.  Returns 0, or
 * -1 when it cannot be read (errno set).
 */
int sw_hash_file(const char *path, char hex[SW_HASH_HEX]);

#endif
