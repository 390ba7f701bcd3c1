#include "catalog/catalog.h"

#include "common/arena.h"
#include "common/embedded.h"
#include "common/strmap.h"
#include "common/xalloc.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SECTION(type)                                                          \
    struct {                                                                   \
        type *items;          /* entries */                                    \
        size_t n, cap;        /* count and capacity */                         \
        struct strmap *index; /* name -> entry index */                        \
    }

struct catalog {
    struct arena arena; /* owns every string and array of the entries */
    SECTION(struct cat_blocking) blocking;
    SECTION(struct cat_spawn) spawn;
    SECTION(struct cat_wait) waits;
    SECTION(struct cat_callback) callbacks;
    SECTION(struct cat_event_wait) event_waits;
    SECTION(struct cat_loop_run) loop_runs;
    SECTION(struct cat_mt_unsafe) mt_unsafe;
    SECTION(struct cat_lock) locks;
    struct {
        struct cat_field_callback *items;
        size_t n, cap;
    } fields;
    struct {
        const char **items; /* atomic function name prefixes */
        size_t n, cap;
    } atomic_prefixes;
    unsigned char atomic_first[256]; /* first bytes of the prefixes */
    struct strmap *atomic_names;     /* atomic functions by full name */
    struct strmap *apis;  /* names in any section catalog_is_api() covers */
    struct strmap *forks; /* functions that start a child process */
    SECTION(struct cat_pool) pools;
    struct strmap *pool_roles; /* function -> pool index * 8 + role */
    SECTION(struct cat_endpoint) endpoints;
    struct strmap *cheap; /* bounded, non-waiting library functions */
    SECTION(struct cat_descriptor) descriptors;
    /* signal handlers: registrar -> handler argument; "::field" -> 0 */
    struct strmap *signals;
    struct strmap *writes; /* function -> arguments it writes through */
};

static const char *const category_names[] = {
#define X(id, str, desc) str,
    SW_CATEGORIES(X)
#undef X
};
static const char *const category_descs[] = {
#define X(id, str, desc) desc,
    SW_CATEGORIES(X)
#undef X
};
static const char *const locality_names[] = {
#define X(id, str) str,
    SW_LOCALITIES(X)
#undef X
};
static const char *const spawn_kind_names[] = {
#define X(id, str) str,
    SW_SPAWN_KINDS(X)
#undef X
};
static const char *const lock_op_names[] = {
#define X(id, str) str,
    SW_LOCK_OPS(X)
#undef X
};

const char *sw_category_name(enum sw_category c)
{
    return (unsigned)c < SW_CAT_COUNT ? category_names[c] : "?";
}

const char *sw_category_desc(enum sw_category c)
{
    return (unsigned)c < SW_CAT_COUNT ? category_descs[c] : "?";
}

const char *sw_locality_name(enum sw_locality l)
{
    return (unsigned)l < SW_LOC_COUNT ? locality_names[l] : "?";
}

const char *sw_spawn_kind_name(enum sw_spawn_kind k)
{
    return (unsigned)k < SW_SPAWN_KIND_COUNT ? spawn_kind_names[k] : "?";
}

struct catalog *catalog_new(void)
{
    struct catalog *c = xcalloc(1, sizeof(*c));
    arena_init(&c->arena);
    c->blocking.index = strmap_new();
    c->spawn.index = strmap_new();
    c->waits.index = strmap_new();
    c->callbacks.index = strmap_new();
    c->event_waits.index = strmap_new();
    c->loop_runs.index = strmap_new();
    c->mt_unsafe.index = strmap_new();
    c->locks.index = strmap_new();
    c->atomic_names = strmap_new();
    c->apis = strmap_new();
    c->forks = strmap_new();
    c->pools.index = strmap_new();
    c->pool_roles = strmap_new();
    c->endpoints.index = strmap_new();
    c->cheap = strmap_new();
    c->descriptors.index = strmap_new();
    c->signals = strmap_new();
    c->writes = strmap_new();
    return c;
}

void catalog_free(struct catalog *c)
{
    if (!c)
        return;
    free(c->blocking.items);
    free(c->spawn.items);
    free(c->waits.items);
    free(c->callbacks.items);
    free(c->event_waits.items);
    free(c->loop_runs.items);
    free(c->mt_unsafe.items);
    free(c->locks.items);
    free(c->fields.items);
    free(c->atomic_prefixes.items);
    strmap_free(c->blocking.index);
    strmap_free(c->spawn.index);
    strmap_free(c->waits.index);
    strmap_free(c->callbacks.index);
    strmap_free(c->event_waits.index);
    strmap_free(c->loop_runs.index);
    strmap_free(c->mt_unsafe.index);
    strmap_free(c->locks.index);
    strmap_free(c->atomic_names);
    strmap_free(c->apis);
    strmap_free(c->forks);
    free(c->pools.items);
    strmap_free(c->pools.index);
    strmap_free(c->pool_roles);
    free(c->endpoints.items);
    strmap_free(c->endpoints.index);
    strmap_free(c->cheap);
    free(c->descriptors.items);
    strmap_free(c->descriptors.index);
    strmap_free(c->signals);
    strmap_free(c->writes);
    arena_release(&c->arena);
    free(c);
}

/* ---- loading ---------------------------------------------------------- */

struct loader {
    struct catalog *cat; /* being filled */
    const char *origin;  /* file name for messages */
    const char *section; /* current section */
    const char *entry;   /* current entry name */
    char ***errs;        /* where messages go */
    size_t *nerrs;
    int failed;     /* the current entry has a problem */
    int any_failed; /* some entry had a problem */
};

static void fail(struct loader *l, const char *fmt, const char *a)
{
    char *msg = xasprintf(fmt, a ? a : "");
    char *full;
    if (l->entry)
        full =
            xasprintf("%s: %s '%s': %s", l->origin, l->section, l->entry, msg);
    else if (l->section)
        full = xasprintf("%s: '%s': %s", l->origin, l->section, msg);
    else
        full = xasprintf("%s: %s", l->origin, msg);
    free(msg);
    *l->errs = xrealloc(*l->errs, (*l->nerrs + 1) * sizeof(char *));
    (*l->errs)[(*l->nerrs)++] = full;
    l->failed = 1;
    l->any_failed = 1;
}

/* Checks that every key of o is in the NULL-terminated list allowed. */
static void check_keys(struct loader *l, const cJSON *o,
                       const char *const *allowed)
{
    const cJSON *k;
    cJSON_ArrayForEach(k, o)
    {
        int ok = 0;
        for (const char *const *a = allowed; *a; a++)
            if (strcmp(*a, k->string) == 0)
                ok = 1;
        if (!ok)
            fail(l, "unknown key '%s'", k->string);
    }
}

static const char *opt_str(struct loader *l, const cJSON *o, const char *key,
                           int required)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v) {
        if (required)
            fail(l, "missing key '%s'", key);
        return NULL;
    }
    if (!cJSON_IsString(v) || !v->valuestring[0]) {
        fail(l, "'%s' must be a non-empty string", key);
        return NULL;
    }
    return arena_strdup(&l->cat->arena, v->valuestring);
}

/* An argument index: a number 0..63 (or -1 when allow_last). */
static int opt_index(struct loader *l, const cJSON *o, const char *key,
                     int required, int allow_last)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    double d;
    if (!v) {
        if (required)
            fail(l, "missing key '%s'", key);
        return -1;
    }
    if (cJSON_IsNull(v) && !required)
        return -1;
    d = cJSON_IsNumber(v) ? v->valuedouble : -99;
    /* Range first: converting an out-of-range double to int is undefined. */
    if (d > 63 || d < (allow_last ? -1 : 0) || d != (int)d) {
        fail(l, "'%s' must be an argument index (0 is the first argument)",
             key);
        return -1;
    }
    return (int)d;
}

static int lookup_enum(struct loader *l, const cJSON *o, const char *key,
                       const char *const *names, int count, int dflt)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v) {
        if (dflt < 0)
            fail(l, "missing key '%s'", key);
        return dflt < 0 ? 0 : dflt;
    }
    if (cJSON_IsString(v))
        for (int i = 0; i < count; i++)
            if (strcmp(names[i], v->valuestring) == 0)
                return i;
    {
        char list[512];
        size_t off = 0;
        list[0] = '\0';
        for (int i = 0; i < count && off < sizeof(list) - 40; i++)
            off += (size_t)snprintf(list + off, sizeof(list) - off, "%s%s",
                                    i ? ", " : "", names[i]);
        char *m = xasprintf("'%s' must be one of: %s", key, list);
        fail(l, "%s", m);
        free(m);
    }
    return dflt < 0 ? 0 : dflt;
}

#define ADD_ENTRY(sec, name, entry)                                            \
    do {                                                                       \
        long at_ = strmap_get((sec).index, (name));                            \
        if (at_ >= 0) {                                                        \
            (sec).items[at_] = (entry); /* later catalogs override */          \
        } else {                                                               \
            VEC_PUSH(sec, entry);                                              \
            strmap_put((sec).index, (name), (long)(sec).n - 1);                \
        }                                                                      \
    } while (0)

/* The same for the sections that make a name an API (catalog_is_api()). */
#define ADD_API(sec, name, entry)                                              \
    do {                                                                       \
        ADD_ENTRY(sec, name, entry);                                           \
        strmap_put(l->cat->apis, (name), 1);                                   \
    } while (0)

/*
 * An optional array of function names under key (NULL when absent), in the
 * arena; *n gets the count.  Fails the entry when it is not an array of
 * strings.
 */
static const char **name_list(struct loader *l, const cJSON *o, const char *key,
                              size_t *n)
{
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(o, key), *x;
    const char **out;
    size_t i = 0;
    *n = 0;
    if (!a)
        return NULL;
    if (!cJSON_IsArray(a)) {
        fail(l, "'%s' must be an array of function names", key);
        return NULL;
    }
    out = arena_alloc(&l->cat->arena,
                      ((size_t)cJSON_GetArraySize(a) + 1) * sizeof(char *));
    cJSON_ArrayForEach(x, a)
    {
        if (!cJSON_IsString(x)) {
            fail(l, "'%s' must be an array of function names", key);
            return NULL;
        }
        out[i++] = arena_strdup(&l->cat->arena, x->valuestring);
    }
    *n = i;
    return out;
}

static void load_blocking(struct loader *l, const cJSON *e)
{
    static const char *const keys[] = {
        "category", "locality", "mode", "nonblocking", "async", "note", NULL};
    static const char *const modes[] = {"always", "fd"};
    struct cat_blocking b = {0};
    const cJSON *nb;
    int after;

    check_keys(l, e, keys);
    b.name = arena_strdup(&l->cat->arena, l->entry);
    b.category = (enum sw_category)lookup_enum(l, e, "category", category_names,
                                               SW_CAT_COUNT, -1);
    b.locality = (enum sw_locality)lookup_enum(l, e, "locality", locality_names,
                                               SW_LOC_COUNT, SW_LOC_UNKNOWN);
    b.fd_mode = lookup_enum(l, e, "mode", modes, 2, 0);
    b.async = opt_str(l, e, "async", 0);
    (void)opt_str(l, e, "note", 0);
    b.nb_arg = -1;
    nb = cJSON_GetObjectItemCaseSensitive(e, "nonblocking");
    if (nb) {
        static const char *const nbkeys[] = {"arg",   "mask",   "not_null",
                                             "after", "handle", NULL};
        const cJSON *mask = cJSON_GetObjectItemCaseSensitive(nb, "mask");
        if (!cJSON_IsObject(nb)) {
            fail(l, "'nonblocking' must be an object%s", "");
        } else {
            check_keys(l, nb, nbkeys);
            /* "after" names companion calls; "arg" is for mask/not_null. */
            after = cJSON_GetObjectItemCaseSensitive(nb, "after") != NULL;
            b.nb_after = name_list(l, nb, "after", &b.nb_nafter);
            b.nb_arg = opt_index(l, nb, "arg", !after, 1);
            b.nb_not_null =
                cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(nb, "not_null"));
            if (mask && (!cJSON_IsNumber(mask) || mask->valuedouble <= 0 ||
                         mask->valuedouble >= 0x1p62))
                fail(l, "'mask' must be a positive number%s", "");
            else if (mask)
                b.nb_mask = (long long)mask->valuedouble;
            b.nb_handle = opt_index(l, nb, "handle", 0, 0);
            if (b.nb_handle < 0)
                b.nb_handle = 0;
            if (!mask && !b.nb_not_null && !after)
                fail(l,
                     "'nonblocking' needs 'mask', 'not_null' or "
                     "'after'%s",
                     "");
        }
    }
    if (!l->failed && b.fd_mode) {
        /* The same call on a descriptor seen in blocking mode. */
        struct cat_blocking *always =
            arena_alloc(&l->cat->arena, sizeof(*always));
        *always = b;
        always->fd_mode = 0;
        b.on_blocking_fd = always;
    }
    if (!l->failed)
        ADD_API(l->cat->blocking, b.name, b);
}

static void load_spawn(struct loader *l, const cJSON *e)
{
    static const char *const keys[] = {"kind",  "callback", "context", "handle",
                                       "waits", "note",     NULL};
    struct cat_spawn s = {0};

    check_keys(l, e, keys);
    s.name = arena_strdup(&l->cat->arena, l->entry);
    s.kind = (enum sw_spawn_kind)lookup_enum(l, e, "kind", spawn_kind_names,
                                             SW_SPAWN_KIND_COUNT, -1);
    s.callback = opt_index(l, e, "callback", 1, 0);
    s.context = opt_index(l, e, "context", 0, 0);
    s.handle = opt_index(l, e, "handle", 0, 0);
    s.waits = name_list(l, e, "waits", &s.nwaits);
    if (!l->failed)
        ADD_API(l->cat->spawn, s.name, s);
}

static void load_wait(struct loader *l, const cJSON *e)
{
    static const char *const keys[] = {"handle", "note", NULL};
    struct cat_wait w = {0};
    check_keys(l, e, keys);
    w.name = arena_strdup(&l->cat->arena, l->entry);
    w.handle = opt_index(l, e, "handle", 0, 0);
    if (!l->failed)
        ADD_API(l->cat->waits, w.name, w);
}

static const char *const cb_wait_names[] = {
#define X(id, str) str,
    SW_CB_WAITS(X)
#undef X
};

static void load_callback(struct loader *l, const cJSON *e)
{
    static const char *const keys[] = {"loop", "args", "wait", "note", NULL};
    struct cat_callback c = {0};
    const cJSON *a, *x;

    check_keys(l, e, keys);
    c.name = arena_strdup(&l->cat->arena, l->entry);
    c.loop = opt_str(l, e, "loop", 1);
    c.wait = (enum sw_cb_wait)lookup_enum(l, e, "wait", cb_wait_names,
                                          SW_CB_WAIT_COUNT, SW_CB_WAIT_OTHER);
    a = cJSON_GetObjectItemCaseSensitive(e, "args");
    if (!cJSON_IsArray(a) || cJSON_GetArraySize(a) == 0) {
        fail(l, "'args' must be a non-empty array of argument indexes%s", "");
    } else {
        size_t n = (size_t)cJSON_GetArraySize(a), i = 0;
        c.args = arena_alloc(&l->cat->arena, n * sizeof(int));
        cJSON_ArrayForEach(x, a)
        {
            if (!cJSON_IsNumber(x) || x->valuedouble < -1 ||
                x->valuedouble > 63 || x->valuedouble != (int)x->valuedouble) {
                fail(l, "'args' must hold argument indexes (-1: the last)%s",
                     "");
                break;
            }
            c.args[i++] = (int)x->valuedouble;
        }
        c.nargs = i;
    }
    if (!l->failed)
        ADD_API(l->cat->callbacks, c.name, c);
}

static void load_event_wait(struct loader *l, const cJSON *e)
{
    static const char *const keys[] = {"single_fd_arg", "timeout_arg", "note",
                                       NULL};
    struct cat_event_wait w = {0};
    check_keys(l, e, keys);
    w.name = arena_strdup(&l->cat->arena, l->entry);
    w.single_fd_arg = opt_index(l, e, "single_fd_arg", 0, 0);
    w.timeout_arg = opt_index(l, e, "timeout_arg", 0, 0);
    if (!l->failed)
        ADD_API(l->cat->event_waits, w.name, w);
}

static void load_loop_run(struct loader *l, const cJSON *e)
{
    static const char *const keys[] = {"loop", "note", NULL};
    struct cat_loop_run r = {0};
    check_keys(l, e, keys);
    r.name = arena_strdup(&l->cat->arena, l->entry);
    r.loop = opt_str(l, e, "loop", 1);
    if (!l->failed)
        ADD_ENTRY(l->cat->loop_runs, r.name, r);
}

static void load_mt_unsafe(struct loader *l, const cJSON *e)
{
    static const char *const keys[] = {"replacement", "reason", NULL};
    struct cat_mt_unsafe m = {0};
    check_keys(l, e, keys);
    m.name = arena_strdup(&l->cat->arena, l->entry);
    m.replacement = opt_str(l, e, "replacement", 1);
    m.reason = opt_str(l, e, "reason", 0);
    if (!l->failed)
        ADD_API(l->cat->mt_unsafe, m.name, m);
}

static void load_lock(struct loader *l, const cJSON *e)
{
    static const char *const keys[] = {"op",        "lock", "shared",
                                       "semaphore", "note", NULL};
    struct cat_lock k = {0};
    const cJSON *sh;
    check_keys(l, e, keys);
    k.name = arena_strdup(&l->cat->arena, l->entry);
    k.op = (enum sw_lock_op)lookup_enum(l, e, "op", lock_op_names,
                                        SW_LOCK_OP_COUNT, -1);
    k.lock = opt_index(l, e, "lock", 0, 0);
    sh = cJSON_GetObjectItemCaseSensitive(e, "shared");
    if (sh && !cJSON_IsBool(sh))
        fail(l, "'shared' must be true or false%s", "");
    k.shared = cJSON_IsTrue(sh);
    sh = cJSON_GetObjectItemCaseSensitive(e, "semaphore");
    if (sh && !cJSON_IsBool(sh))
        fail(l, "'semaphore' must be true or false%s", "");
    k.semaphore = cJSON_IsTrue(sh);
    if (!l->failed)
        ADD_API(l->cat->locks, k.name, k);
}

static void load_field(struct loader *l, const cJSON *e)
{
    static const char *const keys[] = {"loop", "note", NULL};
    struct cat_field_callback f = {0};
    const char *sep = strstr(l->entry, "::");
    check_keys(l, e, keys);
    if (!sep || sep == l->entry || !sep[2]) {
        fail(l, "the name must be 'Record::field'%s", "");
        return;
    }
    f.record =
        arena_strndup(&l->cat->arena, l->entry, (size_t)(sep - l->entry));
    f.field = arena_strdup(&l->cat->arena, sep + 2);
    f.loop = opt_str(l, e, "loop", 1);
    if (!l->failed)
        VEC_PUSH(l->cat->fields, f);
}

static void load_fork(struct loader *l, const cJSON *e)
{
    static const char *const keys[] = {"note", NULL};
    check_keys(l, e, keys);
    if (!l->failed)
        strmap_put(l->cat->forks, l->entry, 1);
}

static void load_atomics(struct loader *l, const cJSON *sec)
{
    static const char *const keys[] = {"prefixes", "functions", NULL};
    const cJSON *a, *x;
    l->entry = NULL;
    if (!cJSON_IsObject(sec)) {
        fail(l, "must be an object%s", "");
        return;
    }
    check_keys(l, sec, keys);
    a = cJSON_GetObjectItemCaseSensitive(sec, "prefixes");
    cJSON_ArrayForEach(x, a)
    {
        if (!cJSON_IsString(x)) {
            fail(l, "'prefixes' must hold strings%s", "");
            break;
        }
        VEC_PUSH(l->cat->atomic_prefixes,
                 arena_strdup(&l->cat->arena, x->valuestring));
        if (x->valuestring[0])
            l->cat->atomic_first[(unsigned char)x->valuestring[0]] = 1;
        else /* "" is a prefix of every name */
            memset(l->cat->atomic_first, 1, sizeof(l->cat->atomic_first));
    }
    a = cJSON_GetObjectItemCaseSensitive(sec, "functions");
    cJSON_ArrayForEach(x, a)
    {
        if (!cJSON_IsString(x)) {
            fail(l, "'functions' must hold strings%s", "");
            break;
        }
        strmap_put(l->cat->atomic_names, x->valuestring, 1);
        strmap_put(l->cat->apis, x->valuestring, 1);
    }
}

static const char *const pool_role_names[] = {
#define X(id, str) str,
    SW_POOL_ROLES(X)
#undef X
};

static void load_pool(struct loader *l, const cJSON *e)
{
    static const char *const keys[] = {"create",  "submit", "run",
                                       "destroy", "handle", "create_handle",
                                       "what",    "note",   NULL};
    struct cat_pool pl = {0};
    long at;

    check_keys(l, e, keys);
    pl.name = arena_strdup(&l->cat->arena, l->entry);
    pl.handle = opt_index(l, e, "handle", 0, 1);
    if (!cJSON_GetObjectItemCaseSensitive(e, "handle"))
        pl.handle = 0;
    pl.create_handle = opt_index(l, e, "create_handle", 0, 0);
    pl.what = opt_str(l, e, "what", 1);
    (void)opt_str(l, e, "note", 0);
    if (l->failed)
        return;
    at = strmap_get(l->cat->pools.index, pl.name);
    ADD_ENTRY(l->cat->pools, pl.name, pl);
    if (at < 0)
        at = (long)l->cat->pools.n - 1;
    for (int r = 0; r < SW_POOL_ROLE_COUNT; r++) {
        const cJSON *a =
                        cJSON_GetObjectItemCaseSensitive(e, pool_role_names[r]),
                    *x;
        if (!a)
            continue;
        if (!cJSON_IsArray(a)) {
            fail(l, "'%s' must be an array of function names",
                 pool_role_names[r]);
            continue;
        }
        cJSON_ArrayForEach(x, a)
        {
            if (!cJSON_IsString(x) || !x->valuestring[0]) {
                fail(l, "'%s' must be an array of function names",
                     pool_role_names[r]);
                break;
            }
            strmap_put(l->cat->pool_roles, x->valuestring, at * 8 + r);
        }
    }
}

static void load_endpoint(struct loader *l, const cJSON *e)
{
    static const char *const keys[] = {
        "host", "conninfo", "null_local", "local", "prefix", "note", NULL};
    struct cat_endpoint ep = {0};
    check_keys(l, e, keys);
    ep.name = arena_strdup(&l->cat->arena, l->entry);
    ep.host = opt_index(l, e, "host", 0, 0);
    ep.conninfo = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(e, "conninfo"));
    ep.null_local =
        cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(e, "null_local"));
    ep.local = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(e, "local"));
    ep.prefix = opt_str(l, e, "prefix", 1);
    (void)opt_str(l, e, "note", 0);
    if (ep.host < 0 && !ep.local)
        fail(l, "needs 'host' or 'local'%s", "");
    if (!l->failed)
        ADD_ENTRY(l->cat->endpoints, ep.name, ep);
}

static void load_cheap(struct loader *l, const cJSON *e)
{
    static const char *const keys[] = {"note", NULL};
    check_keys(l, e, keys);
    if (!l->failed)
        strmap_put(l->cat->cheap, l->entry, 1);
}

static void load_descriptor(struct loader *l, const cJSON *e)
{
    static const char *const keys[] = {"creates", "flags", "mask", "note",
                                       NULL};
    struct cat_descriptor d = {0};
    const cJSON *mask = cJSON_GetObjectItemCaseSensitive(e, "mask");
    check_keys(l, e, keys);
    d.name = arena_strdup(&l->cat->arena, l->entry);
    d.creates = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(e, "creates"));
    d.flags = opt_index(l, e, "flags", d.creates, 0);
    if (mask && (!cJSON_IsNumber(mask) || mask->valuedouble <= 0 ||
                 mask->valuedouble >= 0x1p62))
        fail(l, "'mask' must be a positive number%s", "");
    else if (mask)
        d.nb_mask = (long long)mask->valuedouble;
    else if (d.creates)
        fail(l, "missing key 'mask'%s", "");
    (void)opt_str(l, e, "note", 0);
    if (!l->failed)
        ADD_ENTRY(l->cat->descriptors, d.name, d);
}

static void load_signal(struct loader *l, const cJSON *e)
{
    static const char *const keys[] = {"handler", "note", NULL};
    const char *sep = strstr(l->entry, "::");
    int arg;
    check_keys(l, e, keys);
    if (sep) {
        /* "*::sa_handler": a field of any record that holds a handler */
        char *key;
        if (sep != l->entry + 1 || l->entry[0] != '*' || !sep[2]) {
            fail(l, "a field must be named '*::field'%s", "");
            return;
        }
        if (!l->failed) {
            key = xasprintf("::%s", sep + 2);
            strmap_put(l->cat->signals, key, 0);
            free(key);
        }
        return;
    }
    arg = opt_index(l, e, "handler", 1, 0);
    if (!l->failed)
        strmap_put(l->cat->signals, l->entry, arg);
}

static void load_writes(struct loader *l, const cJSON *e)
{
    static const char *const keys[] = {"args", "note", NULL};
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(e, "args"), *x;
    long bits = 0;
    check_keys(l, e, keys);
    (void)opt_str(l, e, "note", 0);
    if (!cJSON_IsArray(a) || cJSON_GetArraySize(a) == 0) {
        fail(l, "'args' must be a non-empty array of argument indexes%s", "");
        return;
    }
    cJSON_ArrayForEach(x, a)
    {
        if (!cJSON_IsNumber(x) || x->valuedouble < 0 || x->valuedouble > 30 ||
            x->valuedouble != (int)x->valuedouble) {
            fail(l, "'args' must hold argument indexes (0 to 30)%s", "");
            return;
        }
        bits |= 1L << (int)x->valuedouble;
    }
    if (!l->failed)
        strmap_put(l->cat->writes, l->entry, bits);
}

struct section_def {
    const char *name;                                   /* JSON key */
    void (*load)(struct loader *l, const cJSON *entry); /* per entry */
};

static const struct section_def sections[] = {
    {"blocking", load_blocking},
    {"spawn", load_spawn},
    {"waits", load_wait},
    {"callbacks", load_callback},
    {"event_waits", load_event_wait},
    {"loop_runs", load_loop_run},
    {"field_callbacks", load_field},
    {"mt_unsafe", load_mt_unsafe},
    {"locks", load_lock},
    {"forks", load_fork},
    {"pools", load_pool},
    {"endpoints", load_endpoint},
    {"cheap", load_cheap},
    {"descriptors", load_descriptor},
    {"signals", load_signal},
    {"writes", load_writes},
};

int catalog_load(struct catalog *cat, const char *json, const char *origin,
                 char ***errs, size_t *nerrs)
{
    struct loader l = {cat, origin, NULL, NULL, errs, nerrs, 0, 0};
    cJSON *root = cJSON_Parse(json);
    const cJSON *sec, *e;

    if (!root || !cJSON_IsObject(root)) {
        fail(&l, "not a JSON object%s", "");
        cJSON_Delete(root);
        return -1;
    }
    cJSON_ArrayForEach(sec, root)
    {
        const struct section_def *def = NULL;
        l.section = sec->string;
        l.entry = NULL;
        if (strcmp(sec->string, "schema") == 0) {
            if (!cJSON_IsNumber(sec) || sec->valuedouble != 1)
                fail(&l, "unsupported catalog schema (expected 1)%s", "");
            continue;
        }
        if (strcmp(sec->string, "description") == 0)
            continue;
        if (strcmp(sec->string, "atomics") == 0) {
            load_atomics(&l, sec);
            continue;
        }
        for (size_t i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
            if (strcmp(sections[i].name, sec->string) == 0)
                def = &sections[i];
        if (!def) {
            l.section = NULL;
            fail(&l, "unknown section '%s'", sec->string);
            continue;
        }
        if (!cJSON_IsObject(sec)) {
            fail(&l, "must be an object of entries%s", "");
            continue;
        }
        cJSON_ArrayForEach(e, sec)
        {
            l.entry = e->string;
            l.failed = 0;
            if (!cJSON_IsObject(e)) {
                fail(&l, "must be an object%s", "");
                continue;
            }
            def->load(&l, e);
        }
    }
    cJSON_Delete(root);
    return l.any_failed ? -1 : 0;
}

int catalog_load_builtin(struct catalog *cat, char ***errs, size_t *nerrs)
{
    int rc = 0;
    for (size_t i = 0; i < sw_embedded_count; i++) {
        const struct sw_embedded_file *f = &sw_embedded_files[i];
        char *origin;
        if (strncmp(f->path, "catalogs/", 9) != 0)
            continue;
        origin = xasprintf("rules/%s", f->path);
        if (catalog_load(cat, (const char *)f->data, origin, errs, nerrs) < 0)
            rc = -1;
        free(origin);
    }
    return rc;
}

/* ---- lookups ---------------------------------------------------------- */

#define LOOKUP(sec, name)                                                      \
    do {                                                                       \
        long i_ = strmap_get((sec).index, (name));                             \
        return i_ >= 0 ? &(sec).items[i_] : NULL;                              \
    } while (0)

const struct cat_blocking *catalog_blocking(const struct catalog *c,
                                            const char *name)
{
    LOOKUP(c->blocking, name);
}

const struct cat_spawn *catalog_spawn(const struct catalog *c, const char *name)
{
    LOOKUP(c->spawn, name);
}

const struct cat_wait *catalog_wait(const struct catalog *c, const char *name)
{
    LOOKUP(c->waits, name);
}

const struct cat_callback *catalog_callback(const struct catalog *c,
                                            const char *name)
{
    LOOKUP(c->callbacks, name);
}

const struct cat_event_wait *catalog_event_wait(const struct catalog *c,
                                                const char *name)
{
    LOOKUP(c->event_waits, name);
}

const struct cat_loop_run *catalog_loop_run(const struct catalog *c,
                                            const char *name)
{
    LOOKUP(c->loop_runs, name);
}

const struct cat_mt_unsafe *catalog_mt_unsafe(const struct catalog *c,
                                              const char *name)
{
    LOOKUP(c->mt_unsafe, name);
}

const struct cat_lock *catalog_lock(const struct catalog *c, const char *name)
{
    LOOKUP(c->locks, name);
}

static int glob_match(const char *pat, const char *s)
{
    size_t n = strlen(pat);
    if (n && pat[n - 1] == '*')
        return strncmp(pat, s, n - 1) == 0;
    return strcmp(pat, s) == 0;
}

const char *catalog_field_callback(const struct catalog *c, const char *record,
                                   const char *field)
{
    for (size_t i = 0; i < c->fields.n; i++) {
        const struct cat_field_callback *f = &c->fields.items[i];
        if (strcmp(f->field, field) == 0 && glob_match(f->record, record))
            return f->loop;
    }
    return NULL;
}

int catalog_is_fork(const struct catalog *c, const char *name)
{
    return strmap_get(c->forks, name) >= 0;
}

static int atomic_prefixed(const struct catalog *c, const char *name)
{
    if (!c->atomic_first[(unsigned char)name[0]])
        return 0;
    for (size_t i = 0; i < c->atomic_prefixes.n; i++) {
        const char *p = c->atomic_prefixes.items[i];
        if (strncmp(p, name, strlen(p)) == 0)
            return 1;
    }
    return 0;
}

int catalog_is_api(const struct catalog *c, const char *name)
{
    return strmap_get(c->apis, name) >= 0 || atomic_prefixed(c, name);
}

int catalog_is_atomic(const struct catalog *c, const char *name)
{
    return strmap_get(c->atomic_names, name) >= 0 || atomic_prefixed(c, name);
}

const struct cat_pool *catalog_pool(const struct catalog *c, const char *name,
                                    enum sw_pool_role *role)
{
    long v = name ? strmap_get(c->pool_roles, name) : -1;
    if (v < 0)
        return NULL;
    if (role)
        *role = (enum sw_pool_role)(v % 8);
    return &c->pools.items[v / 8];
}

const struct cat_endpoint *catalog_endpoint(const struct catalog *c,
                                            const char *name)
{
    LOOKUP(c->endpoints, name);
}

const char *catalog_endpoint_prefix(const struct catalog *c, const char *name)
{
    for (size_t i = 0; name && i < c->endpoints.n; i++) {
        const char *p = c->endpoints.items[i].prefix;
        if (strncmp(p, name, strlen(p)) == 0)
            return p;
    }
    return NULL;
}

const struct cat_descriptor *catalog_descriptor(const struct catalog *c,
                                                const char *name)
{
    LOOKUP(c->descriptors, name);
}

int catalog_signal_arg(const struct catalog *c, const char *name)
{
    long v;
    if (!name || strncmp(name, "::", 2) == 0)
        return -1;
    v = strmap_get(c->signals, name);
    return v >= 0 ? (int)v : -1;
}

int catalog_signal_field(const struct catalog *c, const char *field)
{
    char key[128];
    if (!field || snprintf(key, sizeof(key), "::%s", field) >= (int)sizeof(key))
        return 0;
    return strmap_get(c->signals, key) >= 0;
}

int catalog_is_cheap(const struct catalog *c, const char *name)
{
    return name && strmap_get(c->cheap, name) >= 0;
}

int catalog_writes_arg(const struct catalog *c, const char *name, int arg)
{
    long bits = name ? strmap_get(c->writes, name) : -1;
    return bits > 0 && arg >= 0 && arg <= 30 && (bits >> arg) & 1;
}

size_t catalog_endpoint_count(const struct catalog *c)
{
    return c->endpoints.n;
}

const struct cat_endpoint *catalog_endpoint_at(const struct catalog *c,
                                               size_t i)
{
    return i < c->endpoints.n ? &c->endpoints.items[i] : NULL;
}

size_t catalog_count(const struct catalog *c, const char *section)
{
    if (strcmp(section, "blocking") == 0)
        return c->blocking.n;
    if (strcmp(section, "spawn") == 0)
        return c->spawn.n;
    if (strcmp(section, "waits") == 0)
        return c->waits.n;
    if (strcmp(section, "callbacks") == 0)
        return c->callbacks.n;
    if (strcmp(section, "event_waits") == 0)
        return c->event_waits.n;
    if (strcmp(section, "loop_runs") == 0)
        return c->loop_runs.n;
    if (strcmp(section, "field_callbacks") == 0)
        return c->fields.n;
    if (strcmp(section, "mt_unsafe") == 0)
        return c->mt_unsafe.n;
    if (strcmp(section, "locks") == 0)
        return c->locks.n;
    if (strcmp(section, "forks") == 0)
        return strmap_count(c->forks);
    if (strcmp(section, "pools") == 0)
        return c->pools.n;
    if (strcmp(section, "endpoints") == 0)
        return c->endpoints.n;
    if (strcmp(section, "cheap") == 0)
        return strmap_count(c->cheap);
    if (strcmp(section, "descriptors") == 0)
        return c->descriptors.n;
    if (strcmp(section, "signals") == 0)
        return strmap_count(c->signals);
    if (strcmp(section, "writes") == 0)
        return strmap_count(c->writes);
    return 0;
}
