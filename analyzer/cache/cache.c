#include "cache/cache.h"

#include "cache/hash.h"
#include "common/strbuf.h"
#include "common/strmap.h"
#include "common/xalloc.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/*
 * Bumped whenever the layout of an entry changes.  2: the facts in the
 * binary form, with the inputs (they were JSON, the inputs in the header).
 */
#define SW_CACHE_FORMAT 2
/* Entries larger than this are not read (facts of one TU are far smaller). */
#define SW_CACHE_MAX_ENTRY (512u << 20)

struct file_hash {
    char hex[SW_HASH_HEX]; /* content hash; "" when the file is unreadable */
};

struct cache {
    char *dir;           /* the cache directory */
    char *tool;          /* producer string, part of every key */
    pthread_mutex_t mu;  /* guards the fields below */
    struct strmap *seen; /* path -> index into hashes */
    struct file_hash *hashes;
    size_t nhashes, hashes_cap;
    int dir_ready;           /* the directory and its .gitignore exist */
    int warned;              /* a write failure was reported */
    atomic_uint tmp_counter; /* makes temporary names unique */
};

struct cache *cache_new(const char *dir, const char *tool)
{
    struct cache *c = xcalloc(1, sizeof(*c));
    c->dir = xstrdup(dir);
    c->tool = xstrdup(tool ? tool : "");
    pthread_mutex_init(&c->mu, NULL);
    c->seen = strmap_new();
    atomic_init(&c->tmp_counter, 0);
    return c;
}

void cache_free(struct cache *c)
{
    if (!c)
        return;
    strmap_free(c->seen);
    free(c->hashes);
    pthread_mutex_destroy(&c->mu);
    free(c->dir);
    free(c->tool);
    free(c);
}

const char *cache_dir(const struct cache *c)
{
    return c->dir;
}

char *cache_default_dir(const char *dbpath)
{
    const char *slash = dbpath ? strrchr(dbpath, '/') : NULL;
    char *cwd;
    char *r;
    if (slash)
        return xasprintf("%.*s/%s", (int)(slash - dbpath), dbpath,
                         SW_CACHE_DIRNAME);
    if (dbpath)
        return xstrdup(SW_CACHE_DIRNAME);
    cwd = getcwd(NULL, 0);
    r = cwd ? xasprintf("%s/%s", cwd, SW_CACHE_DIRNAME)
            : xstrdup(SW_CACHE_DIRNAME);
    free(cwd);
    return r;
}

/* The entry key (hex) of a TU. */
static void entry_key(const struct cache *c, const char *file,
                      const char *directory, const char *const *args,
                      size_t nargs, char key[SW_HASH_HEX])
{
    struct sw_hasher hs;
    char n[32];
    sw_hasher_init(&hs);
    snprintf(n, sizeof(n), "%d/%d", SW_CACHE_FORMAT, SW_FACTS_VERSION);
    sw_hasher_addstr(&hs, "syncwise-cache");
    sw_hasher_addstr(&hs, n);
    sw_hasher_addstr(&hs, SYNCWISE_VERSION);
    sw_hasher_addstr(&hs, c->tool);
    sw_hasher_addstr(&hs, file);
    sw_hasher_addstr(&hs, directory);
    snprintf(n, sizeof(n), "%zu", nargs);
    sw_hasher_addstr(&hs, n);
    for (size_t i = 0; i < nargs; i++)
        sw_hasher_addstr(&hs, args[i]);
    sw_hasher_hex(&hs, key);
}

static char *entry_path(const struct cache *c, const char *key)
{
    return xasprintf("%s/%.2s/%s.facts", c->dir, key, key + 2);
}

/*
 * The stamp of a directory: "dir:" and a hash of its modification time,
 * which changes whenever an entry is added, removed or renamed in it;
 * "dir:-" when it does not exist.  (Content hashes are hex digits only, so
 * the two never mix.)
 */
#define DIR_STAMP "dir:"

static int is_dir_stamp(const char *s)
{
    return strncmp(s, DIR_STAMP, 4) == 0;
}

static void dir_stamp(const char *path, char out[SW_HASH_HEX])
{
    struct stat st;
    char buf[64];
    if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode)) {
        strcpy(out, DIR_STAMP "-");
        return;
    }
    snprintf(buf, sizeof(buf), "%lld.%ld.%llu", (long long)st.st_mtim.tv_sec,
             st.st_mtim.tv_nsec, (unsigned long long)st.st_ino);
    sw_hash_hex(buf, strlen(buf), out);
    memmove(out + 4, out, SW_HASH_HEX - 5);
    memcpy(out, DIR_STAMP, 4);
    out[SW_HASH_HEX - 1] = '\0';
}

/*
 * 1 when the current state of path matches want, computed once per cache
 * (per run): a header included by every TU is read once.  want is a
 * content hash, or a directory stamp (dir_stamp()).
 */
static int file_matches(struct cache *c, const char *path, const char *want)
{
    long idx;
    char hex[SW_HASH_HEX];
    char *key = xasprintf("%c%s", is_dir_stamp(want) ? 'd' : 'f', path);
    int ok;

    pthread_mutex_lock(&c->mu);
    idx = strmap_get(c->seen, key);
    if (idx >= 0) {
        ok = strcmp(c->hashes[idx].hex, want) == 0;
        pthread_mutex_unlock(&c->mu);
        free(key);
        return ok;
    }
    pthread_mutex_unlock(&c->mu);

    /* Hash outside the lock; two workers may both hash a file, harmlessly. */
    if (is_dir_stamp(want))
        dir_stamp(path, hex);
    else if (sw_hash_file(path, hex) < 0)
        hex[0] = '\0';
    pthread_mutex_lock(&c->mu);
    if (strmap_get(c->seen, key) < 0) {
        if (c->nhashes == c->hashes_cap)
            xgrow((void **)&c->hashes, &c->hashes_cap, c->nhashes + 1,
                  sizeof(*c->hashes));
        memcpy(c->hashes[c->nhashes].hex, hex, sizeof(hex));
        strmap_put(c->seen, key, (long)c->nhashes++);
    }
    pthread_mutex_unlock(&c->mu);
    free(key);
    return hex[0] && strcmp(hex, want) == 0;
}

static const char *json_str(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/*
 * Checks an entry's header line against the key and returns the size of
 * the facts that follow it, or -1 when the header is foreign or
 * malformed.  When the entry is for a TU with errors, *dirs is set to its
 * directory stamps (caller deletes *dirs).
 */
static long long header_ok(const char *text, size_t len, const char *key,
                           const char *file, cJSON **dirs)
{
    cJSON *h = cJSON_ParseWithLength(text, len);
    const cJSON *ver =
        h ? cJSON_GetObjectItemCaseSensitive(h, "cache_version") : NULL;
    const cJSON *size = h ? cJSON_GetObjectItemCaseSensitive(h, "size") : NULL;
    const char *fmt = json_str(h, "format"), *k = json_str(h, "key"),
               *f = json_str(h, "file");
    long long n = -1;

    *dirs = NULL;
    if (h && cJSON_IsObject(h) && fmt && strcmp(fmt, "syncwise-cache") == 0 &&
        cJSON_IsNumber(ver) && ver->valuedouble == SW_CACHE_FORMAT && k &&
        strcmp(k, key) == 0 && f && strcmp(f, file) == 0 &&
        cJSON_IsNumber(size) && size->valuedouble >= 0 &&
        size->valuedouble <= SW_CACHE_MAX_ENTRY) {
        n = (long long)size->valuedouble;
        *dirs = cJSON_DetachItemFromObjectCaseSensitive(h, "dirs");
    }
    cJSON_Delete(h);
    return n;
}

/*
 * 1 when every file tu read and every directory stamp of dirs (an array
 * of [path, stamp] pairs, or NULL) is as it was: the facts are current.
 */
static int inputs_current(struct cache *c, const struct fact_tu *tu,
                          const cJSON *dirs)
{
    const cJSON *d;
    if (!tu->ninputs)
        return 0; /* nothing to validate against (never stored) */
    for (size_t i = 0; i < tu->ninputs; i++)
        if (!file_matches(c, tu->inputs[i].path, tu->inputs[i].hash))
            return 0;
    if (dirs && !cJSON_IsArray(dirs))
        return 0;
    cJSON_ArrayForEach(d, dirs)
    {
        const cJSON *p = cJSON_GetArrayItem(d, 0),
                    *x = cJSON_GetArrayItem(d, 1);
        if (!cJSON_IsArray(d) || !cJSON_IsString(p) || !cJSON_IsString(x) ||
            !is_dir_stamp(x->valuestring) ||
            !file_matches(c, p->valuestring, x->valuestring))
            return 0;
    }
    return 1;
}

struct fact_tu *cache_get(struct cache *c, const char *file,
                          const char *directory, const char *const *args,
                          size_t nargs)
{
    char key[SW_HASH_HEX];
    char *path;
    struct strbuf sb = STRBUF_INIT;
    const char *nl, *err = NULL;
    struct fact_tu *tu = NULL;
    cJSON *dirs = NULL;
    long long size;
    size_t off;

    entry_key(c, file, directory, args, nargs, key);
    path = entry_path(c, key);
    if (strbuf_read_file(&sb, path, SW_CACHE_MAX_ENTRY) < 0)
        goto out;
    nl = memchr(sb.buf, '\n', sb.len);
    if (!nl)
        goto out;
    off = (size_t)(nl + 1 - sb.buf);
    size = header_ok(sb.buf, off - 1, key, file, &dirs);
    /* A short or long entry is a damaged one. */
    if (size < 0 || (size_t)size != sb.len - off)
        goto out;
    tu = facts_from_bin(sb.buf + off, sb.len - off, &err);
    if (tu && (strcmp(tu->file, file) != 0 || !inputs_current(c, tu, dirs))) {
        facts_tu_free(tu);
        tu = NULL;
    }
out:
    cJSON_Delete(dirs);
    strbuf_release(&sb);
    free(path);
    return tu;
}

static int make_dir(const char *path)
{
    if (mkdir(path, 0777) == 0 || errno == EEXIST)
        return 0;
    return -1;
}

/* Writes len bytes of data to path, whole or not at all (via rename). */
static int write_atomic(struct cache *c, const char *path, const char *data,
                        size_t len)
{
    char *tmp = xasprintf("%s.tmp.%ld.%u", path, (long)getpid(),
                          atomic_fetch_add(&c->tmp_counter, 1));
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    size_t off = 0;
    int e;
    if (fd < 0) {
        free(tmp);
        return -1;
    }
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            goto fail;
        }
        off += (size_t)w;
    }
    if (close(fd) < 0) {
        fd = -1;
        goto fail;
    }
    fd = -1;
    if (rename(tmp, path) < 0)
        goto fail;
    free(tmp);
    return 0;
fail:
    e = errno;
    if (fd >= 0)
        close(fd);
    unlink(tmp);
    free(tmp);
    errno = e;
    return -1;
}

/* Creates the cache directory with its .gitignore and CACHEDIR.TAG. */
static int prepare_dir(struct cache *c)
{
    int rc = 0;
    pthread_mutex_lock(&c->mu);
    if (!c->dir_ready) {
        char *p;
        rc = make_dir(c->dir);
        if (rc == 0) {
            p = xasprintf("%s/.gitignore", c->dir);
            if (access(p, F_OK) != 0)
                rc = write_atomic(c, p, "# made by syncwise\n*\n", 20);
            free(p);
        }
        if (rc == 0) {
            static const char tag[] =
                "Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This directory is a cache made by syncwise.\n";
            p = xasprintf("%s/CACHEDIR.TAG", c->dir);
            if (access(p, F_OK) != 0)
                rc = write_atomic(c, p, tag, sizeof(tag) - 1);
            free(p);
        }
        c->dir_ready = rc == 0;
    }
    pthread_mutex_unlock(&c->mu);
    return rc;
}

static void warn_once(struct cache *c, const char *path)
{
    int e = errno;
    char eb[SW_ERRBUF];
    pthread_mutex_lock(&c->mu);
    if (!c->warned)
        fprintf(stderr,
                "syncwise: warning: cannot write cache entry '%s': %s\n", path,
                sw_strerror(e, eb, sizeof(eb)));
    c->warned = 1;
    pthread_mutex_unlock(&c->mu);
}

static void add_dir(cJSON *dirs, const char *path, const char *stamp)
{
    cJSON *pair = cJSON_CreateArray();
    cJSON_AddItemToArray(pair, cJSON_CreateString(path));
    cJSON_AddItemToArray(pair, cJSON_CreateString(stamp));
    cJSON_AddItemToArray(dirs, pair);
}

/*
 * For a TU with errors: stamps of the directories a missing header could
 * appear in (the source's own, those of -I, -iquote, -isystem and
 * -idirafter, and the usual system ones), so that creating the header
 * invalidates the entry.
 */
static void add_search_dirs(cJSON *dirs, const char *file,
                            const char *const *args, size_t nargs)
{
    static const char *const opts[] = {"-I", "-iquote", "-isystem",
                                       "-idirafter", NULL};
    static const char *const sys[] = {"/usr/include", "/usr/local/include",
                                      NULL};
    const char *slash = strrchr(file, '/');
    char stamp[SW_HASH_HEX];
    if (slash) {
        char *dir = xstrndup(file, (size_t)(slash - file));
        dir_stamp(dir[0] ? dir : "/", stamp);
        add_dir(dirs, dir[0] ? dir : "/", stamp);
        free(dir);
    }
    for (size_t i = 0; i < nargs; i++) {
        for (const char *const *o = opts; *o; o++) {
            size_t n = strlen(*o);
            const char *dir = NULL;
            if (strcmp(args[i], *o) == 0 && i + 1 < nargs)
                dir = args[i + 1];
            else if (strncmp(args[i], *o, n) == 0 && args[i][n])
                dir = args[i] + n;
            if (dir) {
                dir_stamp(dir, stamp);
                add_dir(dirs, dir, stamp);
                break;
            }
        }
    }
    for (const char *const *d = sys; *d; d++) {
        dir_stamp(*d, stamp);
        add_dir(dirs, *d, stamp);
    }
}

int cache_put(struct cache *c, const char *file, const char *directory,
              const char *const *args, size_t nargs, const struct fact_tu *tu)
{
    return cache_put_bin(c, file, directory, args, nargs, tu, NULL, 0);
}

int cache_put_bin(struct cache *c, const char *file, const char *directory,
                  const char *const *args, size_t nargs,
                  const struct fact_tu *tu, const void *bin, size_t len)
{
    char key[SW_HASH_HEX];
    char *path, *sub, *head;
    void *facts = NULL;
    cJSON *h;
    struct strbuf sb = STRBUF_INIT;
    int rc;

    if (!tu->ninputs)
        return 0; /* nothing to validate against: not cacheable */
    entry_key(c, file, directory, args, nargs, key);
    path = entry_path(c, key);
    if (prepare_dir(c) < 0) {
        warn_once(c, c->dir);
        free(path);
        return -1;
    }
    sub = xasprintf("%s/%.2s", c->dir, key);
    if (make_dir(sub) < 0) {
        warn_once(c, sub);
        free(sub);
        free(path);
        return -1;
    }
    free(sub);

    h = cJSON_CreateObject();
    cJSON_AddStringToObject(h, "format", "syncwise-cache");
    cJSON_AddNumberToObject(h, "cache_version", SW_CACHE_FORMAT);
    cJSON_AddStringToObject(h, "key", key);
    cJSON_AddStringToObject(h, "syncwise", SYNCWISE_VERSION);
    cJSON_AddStringToObject(h, "tool", c->tool);
    cJSON_AddStringToObject(h, "file", file);
    if (tu->nerrors)
        add_search_dirs(cJSON_AddArrayToObject(h, "dirs"), file, args, nargs);
    if (!bin)
        bin = facts = facts_to_bin(tu, &len);
    cJSON_AddNumberToObject(h, "size", (double)len);
    head = cJSON_PrintUnformatted(h);
    cJSON_Delete(h);
    if (!head)
        BUG("cJSON could not print a cache header");
    strbuf_addstr(&sb, head);
    strbuf_addch(&sb, '\n');
    strbuf_add(&sb, bin, len);
    free(head);
    free(facts);
    rc = write_atomic(c, path, sb.buf, sb.len);
    if (rc < 0)
        warn_once(c, path);
    strbuf_release(&sb);
    free(path);
    return rc;
}

/* The hint file of cache_expect_parse(). */
static char *last_run_path(const struct cache *c)
{
    return xasprintf("%s/last-run", c->dir);
}

int cache_expect_parse(const struct cache *c, const char *const *files,
                       size_t n, unsigned char *newer)
{
    char *path = last_run_path(c);
    struct stat last, st;
    int found = stat(path, &last) == 0, any = !found;
    free(path);
    for (size_t i = 0; i < n; i++) {
        newer[i] = !found || (stat(files[i], &st) == 0 &&
                              (st.st_mtim.tv_sec > last.st_mtim.tv_sec ||
                               (st.st_mtim.tv_sec == last.st_mtim.tv_sec &&
                                st.st_mtim.tv_nsec >= last.st_mtim.tv_nsec)));
        any |= newer[i];
    }
    return any;
}

void cache_note_run(const struct cache *c, const struct timespec *started)
{
    char *path = last_run_path(c);
    int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
    struct timespec t[2];
    free(path);
    if (fd < 0)
        return; /* no directory (nothing stored), or read-only */
    t[0] = t[1] = *started;
    futimens(fd, t);
    close(fd);
}
