/*
 * common/: strbuf, strmap, arena, xalloc.
 */
#include "common/arena.h"
#include "common/strbuf.h"
#include "common/strmap.h"
#include "common/xalloc.h"
#include "unit_util.h"

#include <check.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- strbuf ------------------------------------------------------------- */

START_TEST(strbuf_starts_empty_and_grows)
{
    struct strbuf sb = STRBUF_INIT;
    ck_assert_ptr_nonnull(sb.buf);
    ck_assert_str_eq(sb.buf, "");
    ck_assert_uint_eq(sb.len, 0);

    strbuf_addstr(&sb, "hello");
    strbuf_addch(&sb, ',');
    strbuf_add(&sb, " world!!!", 6);
    ck_assert_str_eq(sb.buf, "hello, world");
    ck_assert_uint_eq(sb.len, 12);
    ck_assert_uint_ge(sb.cap, sb.len + 1);

    /* Grow well past any initial capacity, one byte at a time. */
    for (int i = 0; i < 10000; i++)
        strbuf_addch(&sb, (char)('a' + i % 26));
    ck_assert_uint_eq(sb.len, 10012);
    ck_assert_uint_eq(strlen(sb.buf), 10012);
    ck_assert_int_eq(sb.buf[12], 'a');
    ck_assert_int_eq(sb.buf[10011], (char)('a' + 9999 % 26));
    strbuf_release(&sb);
    ck_assert_str_eq(sb.buf, "");
    ck_assert_uint_eq(sb.len, 0);
    ck_assert_uint_eq(sb.cap, 0);
}
END_TEST

START_TEST(strbuf_addf_formats_and_appends)
{
    struct strbuf sb;
    char big[3000];
    strbuf_init(&sb);
    strbuf_addf(&sb, "%s:%d:%d", "net.c", 41, 9);
    ck_assert_str_eq(sb.buf, "net.c:41:9");
    strbuf_addf(&sb, " [%s]", "SW303");
    ck_assert_str_eq(sb.buf, "net.c:41:9 [SW303]");
    ck_assert_uint_eq(sb.len, strlen("net.c:41:9 [SW303]"));

    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    strbuf_reset(&sb);
    ck_assert_str_eq(sb.buf, "");
    strbuf_addf(&sb, "<%s>", big);
    ck_assert_uint_eq(sb.len, sizeof(big) + 1);
    ck_assert_int_eq(sb.buf[0], '<');
    ck_assert_int_eq(sb.buf[sb.len - 1], '>');
    ck_assert_int_eq(sb.buf[sb.len], '\0');
    strbuf_release(&sb);
}
END_TEST

START_TEST(strbuf_detach_hands_over_the_buffer)
{
    struct strbuf sb = STRBUF_INIT;
    char *s;

    /* Detaching an untouched buffer still gives a string the caller frees. */
    s = strbuf_detach(&sb);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, "");
    ck_assert_ptr_ne(s, strbuf_empty);
    free(s);

    strbuf_addstr(&sb, "owned");
    s = strbuf_detach(&sb);
    ck_assert_str_eq(s, "owned");
    ck_assert_uint_eq(sb.len, 0);
    ck_assert_str_eq(sb.buf, "");
    strbuf_addstr(&sb, "again");
    ck_assert_str_eq(sb.buf, "again");
    ck_assert_str_eq(s, "owned");
    free(s);
    strbuf_release(&sb);
}
END_TEST

START_TEST(strbuf_read_file_reads_whole_file)
{
    char *dir = ut_tmpdir();
    char *path;
    struct strbuf sb = STRBUF_INIT;
    char text[70000];

    /* Larger than one read chunk. */
    for (size_t i = 0; i < sizeof(text) - 1; i++)
        text[i] = (char)('0' + i % 10);
    text[sizeof(text) - 1] = '\0';
    path = ut_write(dir, "f.txt", text);
    ck_assert_int_eq(strbuf_read_file(&sb, path, 1u << 20), 0);
    ck_assert_uint_eq(sb.len, sizeof(text) - 1);
    ck_assert_str_eq(sb.buf, text);
    strbuf_release(&sb);

    /* Exactly at the cap is fine. */
    ck_assert_int_eq(strbuf_read_file(&sb, path, sizeof(text) - 1), 0);
    ck_assert_uint_eq(sb.len, sizeof(text) - 1);
    strbuf_release(&sb);

    /* An empty file reads as an empty string. */
    free(path);
    path = ut_write(dir, "empty.txt", "");
    ck_assert_int_eq(strbuf_read_file(&sb, path, 10), 0);
    ck_assert_uint_eq(sb.len, 0);
    ck_assert_str_eq(sb.buf, "");
    strbuf_release(&sb);

    free(path);
    ut_rmtree(dir);
    free(dir);
}
END_TEST

START_TEST(strbuf_read_file_missing_file)
{
    char *dir = ut_tmpdir();
    char path[4096];
    struct strbuf sb = STRBUF_INIT;
    snprintf(path, sizeof(path), "%s/does-not-exist.c", dir);
    errno = 0;
    ck_assert_int_eq(strbuf_read_file(&sb, path, 1000), -1);
    ck_assert_int_eq(errno, ENOENT);
    ck_assert_uint_eq(sb.len, 0);
    strbuf_release(&sb);
    ut_rmtree(dir);
    free(dir);
}
END_TEST

START_TEST(strbuf_read_file_directory)
{
    char *dir = ut_tmpdir();
    struct strbuf sb = STRBUF_INIT;
    errno = 0;
    ck_assert_int_eq(strbuf_read_file(&sb, dir, 1000), -1);
    ck_assert_int_eq(errno, EISDIR);
    ck_assert_uint_eq(sb.len, 0);
    strbuf_release(&sb);
    ut_rmtree(dir);
    free(dir);
}
END_TEST

START_TEST(strbuf_read_file_size_cap)
{
    char *dir = ut_tmpdir();
    char *path = ut_write(dir, "big.txt", "0123456789abcdefghij");
    struct strbuf sb = STRBUF_INIT;
    errno = 0;
    ck_assert_int_eq(strbuf_read_file(&sb, path, 19), -1);
    ck_assert_int_eq(errno, EFBIG);
    strbuf_release(&sb);
    errno = 0;
    ck_assert_int_eq(strbuf_read_file(&sb, path, 0), -1);
    ck_assert_int_eq(errno, EFBIG);
    strbuf_release(&sb);
    ck_assert_int_eq(strbuf_read_file(&sb, path, 20), 0);
    ck_assert_str_eq(sb.buf, "0123456789abcdefghij");
    strbuf_release(&sb);
    free(path);
    ut_rmtree(dir);
    free(dir);
}
END_TEST

/* ---- strmap ------------------------------------------------------------- */

START_TEST(strmap_put_get)
{
    struct strmap *m = strmap_new();
    char key[] = "pthread_create";
    const char *own;

    ck_assert_int_eq(strmap_get(m, "absent"), -1);
    ck_assert_uint_eq(strmap_count(m), 0);
    own = strmap_put(m, key, 7);
    ck_assert_str_eq(own, "pthread_create");
    ck_assert_ptr_ne(own, key); /* copied */
    key[0] = 'X';               /* the map does not see the caller's buffer */
    ck_assert_int_eq(strmap_get(m, "pthread_create"), 7);
    ck_assert_int_eq(strmap_get(m, key), -1);

    /* Overwriting keeps the same key storage and one entry. */
    ck_assert_ptr_eq(strmap_put(m, "pthread_create", 0), own);
    ck_assert_int_eq(strmap_get(m, "pthread_create"), 0);
    ck_assert_uint_eq(strmap_count(m), 1);

    /* The empty string is a key like any other. */
    strmap_put(m, "", 3);
    ck_assert_int_eq(strmap_get(m, ""), 3);
    ck_assert_uint_eq(strmap_count(m), 2);
    strmap_free(m);
    strmap_free(NULL);
}
END_TEST

START_TEST(strmap_intern_is_stable)
{
    struct strmap *m = strmap_new();
    char a[32], b[32];
    const char *p, *q;
    strcpy(a, "c:@F@main");
    strcpy(b, "c:@F@main");
    p = strmap_intern(m, a);
    q = strmap_intern(m, b);
    ck_assert_ptr_eq(p, q);
    ck_assert_ptr_ne(p, a);
    ck_assert_str_eq(p, "c:@F@main");
    ck_assert_uint_eq(strmap_count(m), 1);
    /* Interned only: the value says "no value". */
    ck_assert_int_eq(strmap_get(m, "c:@F@main"), -1);
    /* A later put on an interned key keeps the pointer. */
    ck_assert_ptr_eq(strmap_put(m, "c:@F@main", 5), p);
    ck_assert_int_eq(strmap_get(m, "c:@F@main"), 5);
    /* Interning an existing key does not reset its value. */
    ck_assert_ptr_eq(strmap_intern(m, "c:@F@main"), p);
    ck_assert_int_eq(strmap_get(m, "c:@F@main"), 5);
    strmap_free(m);
}
END_TEST

START_TEST(strmap_thousands_of_keys_rehash)
{
    enum { N = 20000 };
    struct strmap *m = strmap_new();
    const char **interned = calloc(N, sizeof(*interned));
    unsigned char *seen = calloc(N, 1);
    char key[64];
    size_t iter = 0, visited = 0;
    const char *k;
    long v;

    ck_assert_ptr_nonnull(interned);
    for (int i = 0; i < N; i++) {
        snprintf(key, sizeof(key), "c:@F@function_%d", i);
        interned[i] = strmap_put(m, key, i);
        /* Keys interned early must survive every later rehash. */
        if (i % 1000 == 999) {
            for (int j = 0; j <= i; j += 97) {
                snprintf(key, sizeof(key), "c:@F@function_%d", j);
                ck_assert_int_eq(strmap_get(m, key), j);
            }
        }
    }
    ck_assert_uint_eq(strmap_count(m), N);
    for (int i = 0; i < N; i++) {
        snprintf(key, sizeof(key), "c:@F@function_%d", i);
        ck_assert_int_eq(strmap_get(m, key), i);
        ck_assert_ptr_eq(strmap_intern(m, key), interned[i]);
        ck_assert_str_eq(interned[i], key);
    }
    ck_assert_int_eq(strmap_get(m, "c:@F@function_20000"), -1);
    ck_assert_uint_eq(strmap_count(m), N);

    /* Iteration visits every entry exactly once, with its value. */
    while (strmap_next(m, &iter, &k, &v)) {
        ck_assert_int_ge(v, 0);
        ck_assert_int_lt(v, N);
        ck_assert_int_eq(seen[v], 0);
        seen[v] = 1;
        ck_assert_ptr_eq(k, interned[v]);
        visited++;
    }
    ck_assert_uint_eq(visited, N);
    /* And stays finished. */
    ck_assert_int_eq(strmap_next(m, &iter, &k, &v), 0);
    free(seen);
    free(interned);
    strmap_free(m);
}
END_TEST

START_TEST(strmap_iterate_empty)
{
    struct strmap *m = strmap_new();
    size_t iter = 0;
    const char *k = NULL;
    long v = 0;
    ck_assert_int_eq(strmap_next(m, &iter, &k, &v), 0);
    strmap_free(m);
}
END_TEST

START_TEST(hash_properties)
{
    /* Deterministic, length-bounded, and different for near-identical keys. */
    ck_assert_uint_eq(sw_hash("c:@F@main", 9), sw_hash("c:@F@main", 9));
    ck_assert_uint_eq(sw_hash("foobarXYZ", 6), sw_hash("foobar", 6));
    ck_assert_uint_ne(sw_hash("foobar", 6), sw_hash("foobaz", 6));
    ck_assert_uint_ne(sw_hash("ab", 2), sw_hash("ba", 2));
    ck_assert_uint_ne(sw_hash("", 0), sw_hash("\0", 1));
}
END_TEST

/*
 * BUG (common/strmap.c, sw_hash): documented as FNV-1a 64, but the offset
 * basis is 1469598103934665603 (a digit short of FNV's
 * 14695981039346656037), so it is not FNV-1a and the published test
 * vectors fail.  Fingerprints (baselines) are built on this hash, so it
 * should be fixed before they are published, or the comment changed.
 */
START_TEST(hash_is_fnv1a)
{
    /* Published FNV-1a 64-bit test vectors. */
    ck_assert_uint_eq(sw_hash("", 0), 0xcbf29ce484222325ULL);
    ck_assert_uint_eq(sw_hash("a", 1), 0xaf63dc4c8601ec8cULL);
    ck_assert_uint_eq(sw_hash("foobar", 6), 0x85944171f73967e8ULL);
}
END_TEST

/* ---- arena -------------------------------------------------------------- */

START_TEST(arena_alloc_zeroed_and_aligned)
{
    struct arena a;
    unsigned char *prev = NULL;
    arena_init(&a);
    ck_assert_ptr_null(a.head);
    ck_assert_uint_eq(a.used, 0);
    for (size_t n = 1; n < 3000; n += 37) {
        unsigned char *p = arena_alloc(&a, n);
        ck_assert_ptr_nonnull(p);
        ck_assert_uint_eq((uintptr_t)p % 16, 0);
        for (size_t i = 0; i < n; i++)
            ck_assert_int_eq(p[i], 0);
        memset(p, 0xAB, n); /* must not clobber earlier allocations */
        if (prev)
            ck_assert_int_eq(prev[0], 0xAB);
        prev = p;
    }
    ck_assert_uint_gt(a.used, 0);
    ck_assert_uint_eq(a.used % 16, 0);
    arena_release(&a);
    ck_assert_ptr_null(a.head);
    ck_assert_uint_eq(a.used, 0);
}
END_TEST

START_TEST(arena_many_blocks_and_big_allocations)
{
    struct arena a;
    char **strs = calloc(5000, sizeof(char *));
    char buf[64];
    char *big;
    arena_init(&a);
    /* Far more than one block's worth of strings. */
    for (int i = 0; i < 5000; i++) {
        snprintf(buf, sizeof(buf), "string number %d with some padding", i);
        strs[i] = arena_strdup(&a, buf);
    }
    for (int i = 0; i < 5000; i++) {
        snprintf(buf, sizeof(buf), "string number %d with some padding", i);
        ck_assert_str_eq(strs[i], buf);
    }
    /* Larger than a block. */
    big = arena_alloc(&a, 100000);
    ck_assert_ptr_nonnull(big);
    ck_assert_uint_eq((uintptr_t)big % 16, 0);
    ck_assert_int_eq(big[0], 0);
    ck_assert_int_eq(big[99999], 0);
    memset(big, 'z', 100000);
    ck_assert_str_eq(strs[4999], "string number 4999 with some padding");
    ck_assert_uint_ge(a.used, 100000 + 5000 * 16);
    arena_release(&a);
    free(strs);
}
END_TEST

START_TEST(arena_strdup_and_strndup)
{
    struct arena a;
    char *s;
    arena_init(&a);
    ck_assert_ptr_null(arena_strdup(&a, NULL));
    s = arena_strdup(&a, "uv_read_start");
    ck_assert_str_eq(s, "uv_read_start");
    s = arena_strndup(&a, "uv_read_start", 2);
    ck_assert_str_eq(s, "uv");
    s = arena_strndup(&a, "abc", 0);
    ck_assert_str_eq(s, "");
    s = arena_strdup(&a, "");
    ck_assert_str_eq(s, "");
    arena_release(&a);
    /* Usable again after release. */
    s = arena_strdup(&a, "again");
    ck_assert_str_eq(s, "again");
    arena_release(&a);
}
END_TEST

/* ---- xalloc ------------------------------------------------------------- */

START_TEST(xasprintf_formats)
{
    char *s = xasprintf("%s: entry %zu: '%s'", "db.json", (size_t)3, "file");
    char *big;
    char *pad = malloc(20001);
    ck_assert_str_eq(s, "db.json: entry 3: 'file'");
    free(s);
    s = xasprintf("%s", "");
    ck_assert_str_eq(s, "");
    free(s);
    s = xasprintf("%d%%", 100);
    ck_assert_str_eq(s, "100%");
    free(s);
    memset(pad, 'p', 20000);
    pad[20000] = '\0';
    big = xasprintf("[%s]%d", pad, -1);
    ck_assert_uint_eq(strlen(big), 20004);
    ck_assert_int_eq(big[0], '[');
    ck_assert_str_eq(big + 20001, "]-1");
    free(big);
    free(pad);
}
END_TEST

START_TEST(xalloc_helpers)
{
    struct {
        int *items;
        size_t n, cap;
    } v = {0};
    char *s = xstrndup("abcdef", 3);
    char *t = xstrdup("xyz");
    ck_assert_str_eq(s, "abc");
    ck_assert_str_eq(t, "xyz");
    free(s);
    free(t);
    for (int i = 0; i < 1000; i++)
        VEC_PUSH(v, i * 3);
    ck_assert_uint_eq(v.n, 1000);
    ck_assert_uint_ge(v.cap, 1000);
    for (int i = 0; i < 1000; i++)
        ck_assert_int_eq(v.items[i], i * 3);
    {
        int *e = VEC_ADD(v);
        ck_assert_int_eq(*e, 0);
        ck_assert_uint_eq(v.n, 1001);
        ck_assert_ptr_eq(e, &v.items[1000]);
    }
    free(v.items);
    /* Zero-sized requests still give a pointer that can be freed. */
    s = xmalloc(0);
    ck_assert_ptr_nonnull(s);
    free(s);
    s = xcalloc(0, 0);
    ck_assert_ptr_nonnull(s);
    free(s);
}
END_TEST

static Suite *common_suite(void)
{
    Suite *s = suite_create("common");
    TCase *tc = tcase_create("strbuf");
    tcase_add_test(tc, strbuf_starts_empty_and_grows);
    tcase_add_test(tc, strbuf_addf_formats_and_appends);
    tcase_add_test(tc, strbuf_detach_hands_over_the_buffer);
    tcase_add_test(tc, strbuf_read_file_reads_whole_file);
    tcase_add_test(tc, strbuf_read_file_missing_file);
    tcase_add_test(tc, strbuf_read_file_directory);
    tcase_add_test(tc, strbuf_read_file_size_cap);
    suite_add_tcase(s, tc);

    tc = tcase_create("strmap");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, strmap_put_get);
    tcase_add_test(tc, strmap_intern_is_stable);
    tcase_add_test(tc, strmap_thousands_of_keys_rehash);
    tcase_add_test(tc, strmap_iterate_empty);
    tcase_add_test(tc, hash_properties);
    tcase_add_test(tc, hash_is_fnv1a);
    suite_add_tcase(s, tc);

    tc = tcase_create("arena");
    tcase_add_test(tc, arena_alloc_zeroed_and_aligned);
    tcase_add_test(tc, arena_many_blocks_and_big_allocations);
    tcase_add_test(tc, arena_strdup_and_strndup);
    suite_add_tcase(s, tc);

    tc = tcase_create("xalloc");
    tcase_add_test(tc, xasprintf_formats);
    tcase_add_test(tc, xalloc_helpers);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ut_run(common_suite());
}
