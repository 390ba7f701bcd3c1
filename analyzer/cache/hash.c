#include "cache/hash.h"

#include "common/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static uint64_t rotl64(uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}

static uint64_t fmix64(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return k;
}

/* Little-endian load, whatever the host, so hashes are portable. */
static uint64_t load64(const unsigned char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t v;
    memcpy(&v, p, sizeof(v)); /* one load */
    return v;
#else
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
#endif
}

void sw_hash128(const void *data, size_t n, uint64_t seed, uint64_t out[2])
{
    const unsigned char *p = data;
    const size_t nblocks = n / 16;
    const uint64_t c1 = 0x87c37b91114253d5ULL, c2 = 0x4cf5ad432745937fULL;
    uint64_t h1 = seed, h2 = seed, k1, k2;
    const unsigned char *tail;

    for (size_t i = 0; i < nblocks; i++) {
        k1 = load64(p + i * 16);
        k2 = load64(p + i * 16 + 8);
        k1 *= c1;
        k1 = rotl64(k1, 31);
        k1 *= c2;
        h1 ^= k1;
        h1 = rotl64(h1, 27);
        h1 += h2;
        h1 = h1 * 5 + 0x52dce729;
        k2 *= c2;
        k2 = rotl64(k2, 33);
        k2 *= c1;
        h2 ^= k2;
        h2 = rotl64(h2, 31);
        h2 += h1;
        h2 = h2 * 5 + 0x38495ab5;
    }
    tail = p + nblocks * 16;
    k1 = k2 = 0;
    switch (n & 15) {
    case 15:
        k2 ^= (uint64_t)tail[14] << 48; /* fall through */
    case 14:
        k2 ^= (uint64_t)tail[13] << 40; /* fall through */
    case 13:
        k2 ^= (uint64_t)tail[12] << 32; /* fall through */
    case 12:
        k2 ^= (uint64_t)tail[11] << 24; /* fall through */
    case 11:
        k2 ^= (uint64_t)tail[10] << 16; /* fall through */
    case 10:
        k2 ^= (uint64_t)tail[9] << 8; /* fall through */
    case 9:
        k2 ^= (uint64_t)tail[8];
        k2 *= c2;
        k2 = rotl64(k2, 33);
        k2 *= c1;
        h2 ^= k2; /* fall through */
    case 8:
        k1 ^= (uint64_t)tail[7] << 56; /* fall through */
    case 7:
        k1 ^= (uint64_t)tail[6] << 48; /* fall through */
    case 6:
        k1 ^= (uint64_t)tail[5] << 40; /* fall through */
    case 5:
        k1 ^= (uint64_t)tail[4] << 32; /* fall through */
    case 4:
        k1 ^= (uint64_t)tail[3] << 24; /* fall through */
    case 3:
        k1 ^= (uint64_t)tail[2] << 16; /* fall through */
    case 2:
        k1 ^= (uint64_t)tail[1] << 8; /* fall through */
    case 1:
        k1 ^= (uint64_t)tail[0];
        k1 *= c1;
        k1 = rotl64(k1, 31);
        k1 *= c2;
        h1 ^= k1;
        break;
    default:
        break;
    }
    h1 ^= (uint64_t)n;
    h2 ^= (uint64_t)n;
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 += h2;
    h2 += h1;
    out[0] = h1;
    out[1] = h2;
}

static void to_hex(const uint64_t h[2], char hex[SW_HASH_HEX])
{
    snprintf(hex, SW_HASH_HEX, "%016llx%016llx", (unsigned long long)h[0],
             (unsigned long long)h[1]);
}

void sw_hash_hex(const void *data, size_t n, char hex[SW_HASH_HEX])
{
    uint64_t h[2];
    sw_hash128(data, n, 0, h);
    to_hex(h, hex);
}

void sw_hasher_init(struct sw_hasher *hs)
{
    hs->h[0] = 0x736f6d6570736575ULL;
    hs->h[1] = 0x646f72616e646f6dULL;
}

void sw_hasher_add(struct sw_hasher *hs, const void *data, size_t n)
{
    uint64_t piece[2];
    unsigned char buf[32];
    sw_hash128(data, n, hs->h[0] ^ (uint64_t)n, piece);
    /* Chain: the new state hashes the old state and the piece's hash. */
    for (int i = 0; i < 8; i++) {
        buf[i] = (unsigned char)(hs->h[0] >> (8 * i));
        buf[8 + i] = (unsigned char)(hs->h[1] >> (8 * i));
        buf[16 + i] = (unsigned char)(piece[0] >> (8 * i));
        buf[24 + i] = (unsigned char)(piece[1] >> (8 * i));
    }
    sw_hash128(buf, sizeof(buf), 0x9e3779b97f4a7c15ULL, hs->h);
}

void sw_hasher_addstr(struct sw_hasher *hs, const char *s)
{
    if (s)
        sw_hasher_add(hs, s, strlen(s) + 1); /* the NUL marks a string */
    else
        sw_hasher_add(hs, "", 0); /* NULL differs from "" */
}

void sw_hasher_hex(const struct sw_hasher *hs, char hex[SW_HASH_HEX])
{
    to_hex(hs->h, hex);
}

int sw_hash_file(const char *path, char hex[SW_HASH_HEX])
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    char *buf;
    size_t len = 0, cap;
    if (fd < 0)
        return -1;
    if (fstat(fd, &st) < 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        errno = EISDIR;
        return -1;
    }
    cap = (size_t)st.st_size + 1;
    buf = xmalloc(cap);
    for (;;) {
        ssize_t r;
        if (len == cap)
            buf = xrealloc(buf, cap *= 2);
        r = read(fd, buf + len, cap - len);
        if (r < 0) {
            int e = errno;
            if (e == EINTR)
                continue;
            free(buf);
            close(fd);
            errno = e;
            return -1;
        }
        if (r == 0)
            break;
        len += (size_t)r;
    }
    close(fd);
    sw_hash_hex(buf, len, hex);
    free(buf);
    return 0;
}
