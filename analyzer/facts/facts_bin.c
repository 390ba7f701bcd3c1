/*
 * Facts <-> a compact binary form, for the parse workers' answers and the
 * cache's entries.  Reading it copies the strings at once and walks small
 * integers; reading JSON built and walked a tree of every value, which was
 * most of a warm run.
 *
 * Layout.  Every integer after the header is a LEB128 varint (7 bits a
 * byte, low bits first, shortest form), so the format has no byte order;
 * signed ones are zigzag-encoded (-1 is one byte).
 *
 *   header   "SWFB", BIN_FORMAT and SW_FACTS_VERSION as 4-byte
 *            little-endian integers
 *   strings  their count and total size, then the strings, each ending in
 *            a NUL; every distinct string once (a USR recurs in many calls
 *            and accesses)
 *   body     the TU (write_tu()); a string is a reference to the table: 0
 *            for NULL, k for its k-th string
 *
 * The body holds what facts_to_json() writes, in the order the readers
 * read it, with the same values: where JSON leaves a field out because it
 * means "none" (a branch below 0, an arm out of range, the call of a flow
 * that has a from), -1 is written, so the two forms of the same facts read
 * back to the same facts.  Beyond JSON it keeps NULL and "" apart in
 * params, and holds the inputs.
 *
 * The reader takes untrusted bytes (a damaged cache file): every count,
 * length and reference is checked against what is left before anything is
 * allocated or read, and the facts it built must pass facts_tu_check(),
 * the same invariants the JSON reader enforces.
 */
#include "facts/facts.h"

#include "common/xalloc.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BIN_MAGIC "SWFB"
/* Bumped whenever the layout changes (SW_FACTS_VERSION: the meaning). */
#define BIN_FORMAT 1u
#define BIN_HEAD 12 /* magic, BIN_FORMAT, SW_FACTS_VERSION */

/* Flag bits of the records that have some. */
#define TU_PARSE_FAILED 1u
#define GLOBAL_STATIC 1u
#define GLOBAL_CONST 2u
#define GLOBAL_ATOMIC 4u
#define GLOBAL_TLS 8u
#define FUNC_STATIC 1u
#define FUNC_PARAMS 2u /* the parameters' USRs follow */
#define LOOP_ONCE 1u
#define LOOP_LOCAL_WRITES 2u
#define ARM_EXITS 1u
#define CALL_NORETURN 1u
#define CALL_TEST 2u
#define ARG_LOCAL 1u
#define ARG_ARRAY 2u
#define ARG_FRESH 4u
#define ARG_ORIGIN 8u /* the origin follows */
#define ACC_TEST 16u  /* above the FACT_ACC_* bits */
#define ACC_FLAGS                                                              \
    (FACT_ACC_READ | FACT_ACC_WRITE | FACT_ACC_ADDR | FACT_ACC_ATOMIC)

/*
 * The fewest bytes each record takes (one per field: a varint is at least
 * a byte), so that a count can be checked against the bytes left before
 * its array is allocated.
 */
enum {
    MIN_GLOBAL = 8, /* usr name file line col owner flags nstrings */
    MIN_ASSIGN = 7, /* target func func_name owner param line col */
    MIN_FUNC = 15,  /* usr name file line col end_line flags nparams,
                       7 counts */
    MIN_LOOP = 5,   /* parent counter flags line col */
    MIN_BRANCH = 4, /* parent guard guard_usr line */
    MIN_ARM = 3,    /* parent stmt flags */
    MIN_CALL = 14,  /* callee name via via_param line col loop seq flags
                       branch cond result arm nargs */
    MIN_ARG = 8,    /* kind ref text ival param flags decl_loop
                       base_param */
    MIN_FLOW = 8,   /* from call to to_call to_arg to_loop loop seq */
    MIN_ACCESS = 9, /* var name field flags line col loop seq index */
    MIN_INPUT = 2,  /* path hash */
    MIN_STRING_REF = 1,
};

/* ---- writing ---------------------------------------------------------- */

struct bytes {
    unsigned char *p; /* malloc'd */
    size_t len, cap;
};

static void bytes_reserve(struct bytes *b, size_t n)
{
    if (b->cap - b->len < n)
        xgrow((void **)&b->p, &b->cap, b->len + n, 1);
}

static void put_u(struct bytes *b, uint64_t v)
{
    unsigned char *q;
    bytes_reserve(b, 10);
    q = b->p + b->len;
    while (v >= 0x80) {
        *q++ = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    *q++ = (unsigned char)v;
    b->len = (size_t)(q - b->p);
}

static void put_s(struct bytes *b, long long v)
{
    uint64_t u = (uint64_t)v;
    put_u(b, (u << 1) ^ (0 - (u >> 63)));
}

/* A slot of the writer's string table. */
struct slot {
    const char *s; /* the string (borrowed from the facts); NULL: free */
    size_t len;    /* strlen(s) */
    uint64_t hash; /* of its bytes */
    uint32_t ref;  /* its reference (1-based index) */
};

/* The last reference each string pointer got: facts share pointers a lot. */
#define RECENT 1024

struct writer {
    struct bytes body;  /* everything after the string table */
    struct bytes strs;  /* the strings, NUL-terminated */
    struct slot *slots; /* open addressing, power-of-two size */
    size_t cap, nstrs;  /* slots; strings in the table */
    struct {
        const char *s; /* a pointer seen */
        uint32_t ref;  /* its reference */
    } recent[RECENT];
};

static uint64_t hash_str(const char *s, size_t *len)
{
    uint64_t h = 14695981039346656037ULL; /* FNV-1a 64 */
    const char *p = s;
    for (; *p; p++) {
        h ^= (unsigned char)*p;
        h *= 1099511628211ULL;
    }
    *len = (size_t)(p - s);
    return h;
}

static struct slot *find_slot(struct slot *slots, size_t cap, const char *s,
                              size_t len, uint64_t h)
{
    size_t i = (size_t)h & (cap - 1);
    while (slots[i].s && !(slots[i].hash == h && slots[i].len == len &&
                           memcmp(slots[i].s, s, len) == 0))
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

/* The reference of s, adding it to the table when new. */
static uint32_t intern(struct writer *w, const char *s)
{
    size_t k = ((uintptr_t)s >> 3) % RECENT, len;
    uint64_t h;
    struct slot *sl;
    if (!s)
        return 0;
    if (w->recent[k].s == s)
        return w->recent[k].ref;
    h = hash_str(s, &len);
    if (2 * (w->nstrs + 1) > w->cap) {
        size_t cap = w->cap ? 2 * w->cap : 256;
        struct slot *slots = xcalloc(cap, sizeof(*slots));
        for (size_t i = 0; i < w->cap; i++)
            if (w->slots[i].s)
                *find_slot(slots, cap, w->slots[i].s, w->slots[i].len,
                           w->slots[i].hash) = w->slots[i];
        free(w->slots);
        w->slots = slots;
        w->cap = cap;
    }
    sl = find_slot(w->slots, w->cap, s, len, h);
    if (!sl->s) {
        if (w->nstrs >= UINT32_MAX - 1)
            BUG("too many strings in the facts of one TU");
        sl->s = s;
        sl->len = len;
        sl->hash = h;
        sl->ref = (uint32_t)++w->nstrs;
        bytes_reserve(&w->strs, len + 1);
        memcpy(w->strs.p + w->strs.len, s, len + 1);
        w->strs.len += len + 1;
    }
    w->recent[k].s = s;
    w->recent[k].ref = sl->ref;
    return sl->ref;
}

static void put_str(struct writer *w, const char *s)
{
    put_u(&w->body, intern(w, s));
}

/* -1 for every value below 0 ("none"), as JSON leaves such fields out. */
static int none_if_negative(int v)
{
    return v >= 0 ? v : -1;
}

static void write_assign(struct writer *w, const struct fact_assign *a)
{
    put_str(w, a->target);
    put_str(w, a->func);
    put_str(w, a->func_name);
    put_str(w, a->owner);
    put_s(&w->body, a->param);
    put_s(&w->body, a->line);
    put_s(&w->body, a->col);
}

/* An argument of a call (top), or its origin (which has none itself). */
static void write_arg(struct writer *w, const struct fact_arg *a, int top)
{
    int origin = top && a->origin;
    put_u(&w->body, (unsigned)a->kind);
    put_str(w, a->ref);
    put_str(w, a->text);
    put_s(&w->body,
          a->kind == FACT_ARG_INT || a->kind == FACT_ARG_NULL ? a->ival : 0);
    put_s(&w->body, a->kind == FACT_ARG_PARAM ? a->param : -1);
    put_u(&w->body, (a->local ? ARG_LOCAL : 0) | (a->array ? ARG_ARRAY : 0) |
                        (a->fresh ? ARG_FRESH : 0) | (origin ? ARG_ORIGIN : 0));
    put_s(&w->body, none_if_negative(a->decl_loop));
    put_s(&w->body, none_if_negative(a->base_param));
    if (origin)
        write_arg(w, a->origin, 0);
}

static void write_call(struct writer *w, const struct fact_call *c,
                       size_t narms)
{
    put_str(w, c->callee);
    put_str(w, c->name);
    put_str(w, c->via);
    put_s(&w->body, none_if_negative(c->via_param));
    put_s(&w->body, c->line);
    put_s(&w->body, c->col);
    put_s(&w->body, c->loop);
    put_s(&w->body, c->seq);
    put_u(&w->body,
          (c->noreturn ? CALL_NORETURN : 0) | (c->test ? CALL_TEST : 0));
    put_s(&w->body, none_if_negative(c->branch));
    put_s(&w->body, c->cond);
    put_str(w, c->result);
    put_s(&w->body, c->arm >= 0 && (size_t)c->arm < narms ? c->arm : -1);
    put_u(&w->body, c->nargs);
    for (size_t i = 0; i < c->nargs; i++)
        write_arg(w, &c->args[i], 1);
}

/* Only the set source and destination (see struct fact_flow). */
static void write_flow(struct writer *w, const struct fact_flow *fl)
{
    put_str(w, fl->from);
    put_s(&w->body, fl->from ? -1 : fl->call);
    put_str(w, fl->to);
    put_s(&w->body, none_if_negative(fl->to_call));
    put_s(&w->body, fl->to_call >= 0 ? fl->to_arg : -1);
    put_s(&w->body, none_if_negative(fl->to_loop));
    put_s(&w->body, none_if_negative(fl->loop));
    put_s(&w->body, fl->seq);
}

static void write_func(struct writer *w, const struct fact_func *f)
{
    int params = f->nparams > 0 && f->params;
    put_str(w, f->usr);
    put_str(w, f->name);
    put_str(w, f->file);
    put_s(&w->body, f->line);
    put_s(&w->body, f->col);
    put_s(&w->body, f->end_line);
    put_u(&w->body,
          (f->is_static ? FUNC_STATIC : 0) | (params ? FUNC_PARAMS : 0));
    put_s(&w->body, f->nparams);
    for (int i = 0; params && i < f->nparams; i++)
        put_str(w, f->params[i]);
    put_u(&w->body, f->nloops);
    for (size_t i = 0; i < f->nloops; i++) {
        const struct fact_loop *l = &f->loops[i];
        put_s(&w->body, l->parent);
        put_str(w, l->counter);
        put_u(&w->body, (l->once ? LOOP_ONCE : 0) |
                            (l->local_writes ? LOOP_LOCAL_WRITES : 0));
        put_s(&w->body, l->line);
        put_s(&w->body, l->col);
    }
    put_u(&w->body, f->nbranches);
    for (size_t i = 0; i < f->nbranches; i++) {
        const struct fact_branch *b = &f->branches[i];
        put_s(&w->body, b->parent);
        put_str(w, b->guard);
        put_str(w, b->guard_usr);
        put_s(&w->body, b->line);
    }
    put_u(&w->body, f->narms);
    for (size_t i = 0; i < f->narms; i++) {
        put_s(&w->body, f->arms[i].parent);
        put_s(&w->body, f->arms[i].stmt);
        put_u(&w->body, f->arms[i].exits ? ARM_EXITS : 0);
    }
    put_u(&w->body, f->ncalls);
    for (size_t i = 0; i < f->ncalls; i++)
        write_call(w, &f->calls[i], f->narms);
    put_u(&w->body, f->nflows);
    for (size_t i = 0; i < f->nflows; i++)
        write_flow(w, &f->flows[i]);
    put_u(&w->body, f->naccesses);
    for (size_t i = 0; i < f->naccesses; i++) {
        const struct fact_access *a = &f->accesses[i];
        put_str(w, a->var);
        put_str(w, a->name);
        put_str(w, a->field);
        put_u(&w->body, (a->flags & ACC_FLAGS) | (a->test ? ACC_TEST : 0));
        put_s(&w->body, a->line);
        put_s(&w->body, a->col);
        put_s(&w->body, a->loop);
        put_s(&w->body, a->seq);
        put_str(w, a->index);
    }
    put_u(&w->body, f->nassigns);
    for (size_t i = 0; i < f->nassigns; i++)
        write_assign(w, &f->assigns[i]);
}

static void write_global(struct writer *w, const struct fact_global *g)
{
    size_t n = g->strings ? g->nstrings : 0;
    put_str(w, g->usr);
    put_str(w, g->name);
    put_str(w, g->file);
    put_s(&w->body, g->line);
    put_s(&w->body, g->col);
    put_str(w, g->owner);
    put_u(&w->body, (g->is_static ? GLOBAL_STATIC : 0) |
                        (g->is_const ? GLOBAL_CONST : 0) |
                        (g->is_atomic ? GLOBAL_ATOMIC : 0) |
                        (g->is_tls ? GLOBAL_TLS : 0));
    put_u(&w->body, n);
    /* A table of literals has no NULL entry; JSON would write it as "". */
    for (size_t i = 0; i < n; i++)
        put_str(w, g->strings[i] ? g->strings[i] : "");
}

static void write_tu(struct writer *w, const struct fact_tu *tu)
{
    put_str(w, tu->file);
    put_u(&w->body, tu->parse_failed ? TU_PARSE_FAILED : 0);
    put_u(&w->body, tu->nerrors);
    if (tu->nerrors) {
        put_str(w, tu->first_error.file);
        put_s(&w->body, tu->first_error.line);
        put_s(&w->body, tu->first_error.col);
        put_str(w, tu->first_error.message);
    }
    put_u(&w->body, tu->nglobals);
    for (size_t i = 0; i < tu->nglobals; i++)
        write_global(w, &tu->globals[i]);
    put_u(&w->body, tu->nassigns);
    for (size_t i = 0; i < tu->nassigns; i++)
        write_assign(w, &tu->assigns[i]);
    put_u(&w->body, tu->nfuncs);
    for (size_t i = 0; i < tu->nfuncs; i++)
        write_func(w, &tu->funcs[i]);
    put_u(&w->body, tu->ninputs);
    for (size_t i = 0; i < tu->ninputs; i++) {
        put_str(w, tu->inputs[i].path);
        put_str(w, tu->inputs[i].hash);
    }
}

static void put_le32(struct bytes *b, uint32_t v)
{
    bytes_reserve(b, 4);
    for (int i = 0; i < 4; i++)
        b->p[b->len++] = (unsigned char)(v >> (8 * i));
}

void *facts_to_bin(const struct fact_tu *tu, size_t *len)
{
    struct writer *w = xcalloc(1, sizeof(*w));
    struct bytes out = {NULL, 0, 0};

    write_tu(w, tu);
    bytes_reserve(&out, BIN_HEAD + 20 + w->strs.len + w->body.len);
    memcpy(out.p, BIN_MAGIC, 4);
    out.len = 4;
    put_le32(&out, BIN_FORMAT);
    put_le32(&out, SW_FACTS_VERSION);
    put_u(&out, w->nstrs);
    put_u(&out, w->strs.len);
    if (w->strs.len)
        memcpy(out.p + out.len, w->strs.p, w->strs.len);
    out.len += w->strs.len;
    if (w->body.len)
        memcpy(out.p + out.len, w->body.p, w->body.len);
    out.len += w->body.len;
    free(w->body.p);
    free(w->strs.p);
    free(w->slots);
    free(w);
    *len = out.len;
    return out.p;
}

/* ---- reading ---------------------------------------------------------- */

struct reader {
    const unsigned char *p, *end; /* what is left of the input */
    const char **strs;            /* the string table (malloc'd array) */
    size_t nstrs;
    struct fact_tu *tu; /* being filled */
    const char *err;    /* first problem, static string */
};

/* Records the first problem; the input then reads as ended. */
static void fail(struct reader *r, const char *msg)
{
    if (!r->err)
        r->err = msg;
    r->p = r->end;
}

static uint64_t get_u(struct reader *r)
{
    uint64_t v = 0;
    if (r->p < r->end && *r->p < 0x80)
        return *r->p++;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        unsigned char c;
        if (r->p == r->end) {
            fail(r, "truncated facts");
            return 0;
        }
        c = *r->p++;
        if (shift == 63 && c > 1)
            break; /* more than 64 bits */
        v |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80)) {
            if (c == 0 && shift)
                break; /* not the shortest form */
            return v;
        }
    }
    fail(r, "bad number");
    return 0;
}

static long long get_s(struct reader *r)
{
    uint64_t u = get_u(r);
    return u & 1 ? -(long long)(u >> 1) - 1 : (long long)(u >> 1);
}

/* A signed field of an int (its range is facts_tu_check()'s to say). */
static int get_int(struct reader *r)
{
    long long v = get_s(r);
    if (v < INT_MIN || v > INT_MAX) {
        fail(r, "number out of range");
        return 0;
    }
    return (int)v;
}

/* Flags with no bits beyond mask. */
static unsigned get_flags(struct reader *r, unsigned mask)
{
    uint64_t v = get_u(r);
    if (v & ~(uint64_t)mask) {
        fail(r, "unknown flags");
        return 0;
    }
    return (unsigned)v;
}

/* A count of at most max records of at least min bytes each. */
static size_t get_count(struct reader *r, size_t min, size_t max)
{
    uint64_t n = get_u(r);
    if (n > max || n > (uint64_t)(r->end - r->p) / min) {
        fail(r, "count out of range");
        return 0;
    }
    return (size_t)n;
}

static const char *get_str(struct reader *r)
{
    uint64_t k = get_u(r);
    if (!k)
        return NULL;
    if (k > r->nstrs) {
        fail(r, "bad string reference");
        return NULL;
    }
    return r->strs[k - 1];
}

/* An array of n records (NULL when empty), owned by the facts. */
#define NEW_ARRAY(p, n) ((p) = (n) ? xcalloc((n), sizeof(*(p))) : NULL)

static void read_assign(struct reader *r, struct fact_assign *a)
{
    a->target = get_str(r);
    a->func = get_str(r);
    a->func_name = get_str(r);
    a->owner = get_str(r);
    a->param = get_int(r);
    a->line = get_int(r);
    a->col = get_int(r);
}

static void read_arg(struct reader *r, struct fact_arg *a, int top)
{
    uint64_t kind = get_u(r);
    unsigned flags;
    if (kind >= FACT_ARG_KIND_COUNT)
        fail(r, "unknown argument kind");
    else
        a->kind = (enum fact_arg_kind)kind;
    a->ref = get_str(r);
    a->text = get_str(r);
    a->ival = get_s(r);
    a->param = get_int(r);
    flags = get_flags(r, ARG_LOCAL | ARG_ARRAY | ARG_FRESH | ARG_ORIGIN);
    a->local = (flags & ARG_LOCAL) != 0;
    a->array = (flags & ARG_ARRAY) != 0;
    a->fresh = (flags & ARG_FRESH) != 0;
    a->decl_loop = get_int(r);
    a->base_param = get_int(r);
    if (!(flags & ARG_ORIGIN))
        return;
    if (!top) {
        fail(r, "bad argument origin"); /* one level only */
        return;
    }
    {
        struct fact_arg *org = arena_alloc(&r->tu->arena, sizeof(*org));
        read_arg(r, org, 0);
        a->origin = org;
    }
}

static void read_call(struct reader *r, struct fact_call *c)
{
    unsigned flags;
    c->callee = get_str(r);
    c->name = get_str(r);
    c->via = get_str(r);
    c->via_param = get_int(r);
    c->line = get_int(r);
    c->col = get_int(r);
    c->loop = get_int(r);
    c->seq = get_int(r);
    flags = get_flags(r, CALL_NORETURN | CALL_TEST);
    c->noreturn = (flags & CALL_NORETURN) != 0;
    c->test = (flags & CALL_TEST) != 0;
    c->branch = get_int(r);
    c->cond = get_int(r);
    c->result = get_str(r);
    c->arm = get_int(r);
    c->nargs = get_count(r, MIN_ARG, SIZE_MAX);
    NEW_ARRAY(c->args, c->nargs);
    for (size_t i = 0; i < c->nargs && !r->err; i++)
        read_arg(r, &c->args[i], 1);
}

static void read_flow(struct reader *r, struct fact_flow *fl)
{
    fl->from = get_str(r);
    fl->call = get_int(r);
    fl->to = get_str(r);
    fl->to_call = get_int(r);
    fl->to_arg = get_int(r);
    fl->to_loop = get_int(r);
    fl->loop = get_int(r);
    fl->seq = get_int(r);
}

static void read_access(struct reader *r, struct fact_access *a)
{
    unsigned flags;
    a->var = get_str(r);
    a->name = get_str(r);
    a->field = get_str(r);
    flags = get_flags(r, ACC_FLAGS | ACC_TEST);
    a->flags = flags & ACC_FLAGS;
    a->test = (flags & ACC_TEST) != 0;
    a->line = get_int(r);
    a->col = get_int(r);
    a->loop = get_int(r);
    a->seq = get_int(r);
    a->index = get_str(r);
}

static void read_func(struct reader *r, struct fact_func *f)
{
    unsigned flags;
    f->usr = get_str(r);
    f->name = get_str(r);
    f->file = get_str(r);
    f->line = get_int(r);
    f->col = get_int(r);
    f->end_line = get_int(r);
    flags = get_flags(r, FUNC_STATIC | FUNC_PARAMS);
    f->is_static = (flags & FUNC_STATIC) != 0;
    f->nparams = get_int(r);
    if (flags & FUNC_PARAMS) {
        if (f->nparams <= 0 || f->nparams > FACT_MAX_PARAMS ||
            (size_t)f->nparams > (size_t)(r->end - r->p) / MIN_STRING_REF) {
            fail(r, "params do not match nparams");
            return;
        }
        f->params =
            arena_alloc(&r->tu->arena, (size_t)f->nparams * sizeof(*f->params));
        for (int i = 0; i < f->nparams; i++)
            f->params[i] = get_str(r);
    }
    f->nloops = get_count(r, MIN_LOOP, SIZE_MAX);
    NEW_ARRAY(f->loops, f->nloops);
    for (size_t i = 0; i < f->nloops && !r->err; i++) {
        struct fact_loop *l = &f->loops[i];
        l->parent = get_int(r);
        l->counter = get_str(r);
        flags = get_flags(r, LOOP_ONCE | LOOP_LOCAL_WRITES);
        l->once = (flags & LOOP_ONCE) != 0;
        l->local_writes = (flags & LOOP_LOCAL_WRITES) != 0;
        l->line = get_int(r);
        l->col = get_int(r);
    }
    f->nbranches = get_count(r, MIN_BRANCH, SIZE_MAX);
    NEW_ARRAY(f->branches, f->nbranches);
    for (size_t i = 0; i < f->nbranches && !r->err; i++) {
        struct fact_branch *b = &f->branches[i];
        b->parent = get_int(r);
        b->guard = get_str(r);
        b->guard_usr = get_str(r);
        b->line = get_int(r);
    }
    f->narms = get_count(r, MIN_ARM, SIZE_MAX);
    NEW_ARRAY(f->arms, f->narms);
    for (size_t i = 0; i < f->narms && !r->err; i++) {
        f->arms[i].parent = get_int(r);
        f->arms[i].stmt = get_int(r);
        f->arms[i].exits = (get_flags(r, ARM_EXITS) & ARM_EXITS) != 0;
    }
    f->ncalls = get_count(r, MIN_CALL, SIZE_MAX);
    NEW_ARRAY(f->calls, f->ncalls);
    for (size_t i = 0; i < f->ncalls && !r->err; i++)
        read_call(r, &f->calls[i]);
    f->nflows = get_count(r, MIN_FLOW, SIZE_MAX);
    NEW_ARRAY(f->flows, f->nflows);
    for (size_t i = 0; i < f->nflows && !r->err; i++)
        read_flow(r, &f->flows[i]);
    f->naccesses = get_count(r, MIN_ACCESS, SIZE_MAX);
    NEW_ARRAY(f->accesses, f->naccesses);
    for (size_t i = 0; i < f->naccesses && !r->err; i++)
        read_access(r, &f->accesses[i]);
    f->nassigns = get_count(r, MIN_ASSIGN, SIZE_MAX);
    NEW_ARRAY(f->assigns, f->nassigns);
    for (size_t i = 0; i < f->nassigns && !r->err; i++)
        read_assign(r, &f->assigns[i]);
}

static void read_global(struct reader *r, struct fact_global *g)
{
    unsigned flags;
    g->usr = get_str(r);
    g->name = get_str(r);
    g->file = get_str(r);
    g->line = get_int(r);
    g->col = get_int(r);
    g->owner = get_str(r);
    flags =
        get_flags(r, GLOBAL_STATIC | GLOBAL_CONST | GLOBAL_ATOMIC | GLOBAL_TLS);
    g->is_static = (flags & GLOBAL_STATIC) != 0;
    g->is_const = (flags & GLOBAL_CONST) != 0;
    g->is_atomic = (flags & GLOBAL_ATOMIC) != 0;
    g->is_tls = (flags & GLOBAL_TLS) != 0;
    g->nstrings = get_count(r, MIN_STRING_REF, FACT_MAX_STRINGS);
    if (!g->nstrings)
        return;
    g->strings = arena_alloc(&r->tu->arena, g->nstrings * sizeof(*g->strings));
    for (size_t i = 0; i < g->nstrings; i++)
        g->strings[i] = get_str(r);
}

static void read_tu(struct reader *r, struct fact_tu *tu)
{
    uint64_t errors;
    tu->file = get_str(r);
    tu->parse_failed = get_flags(r, TU_PARSE_FAILED) != 0;
    errors = get_u(r);
    if (errors > (uint64_t)FACT_MAX_ERRORS)
        fail(r, "count out of range");
    else
        tu->nerrors = (size_t)errors;
    if (tu->nerrors) {
        tu->first_error.file = get_str(r);
        tu->first_error.line = get_int(r);
        tu->first_error.col = get_int(r);
        tu->first_error.message = get_str(r);
    }
    tu->nglobals = get_count(r, MIN_GLOBAL, SIZE_MAX);
    NEW_ARRAY(tu->globals, tu->nglobals);
    for (size_t i = 0; i < tu->nglobals && !r->err; i++)
        read_global(r, &tu->globals[i]);
    tu->nassigns = get_count(r, MIN_ASSIGN, SIZE_MAX);
    NEW_ARRAY(tu->assigns, tu->nassigns);
    for (size_t i = 0; i < tu->nassigns && !r->err; i++)
        read_assign(r, &tu->assigns[i]);
    tu->nfuncs = get_count(r, MIN_FUNC, SIZE_MAX);
    NEW_ARRAY(tu->funcs, tu->nfuncs);
    for (size_t i = 0; i < tu->nfuncs && !r->err; i++)
        read_func(r, &tu->funcs[i]);
    tu->ninputs = get_count(r, MIN_INPUT, SIZE_MAX);
    NEW_ARRAY(tu->inputs, tu->ninputs);
    for (size_t i = 0; i < tu->ninputs && !r->err; i++) {
        tu->inputs[i].path = get_str(r);
        tu->inputs[i].hash = get_str(r);
    }
}

/*
 * The string table: copied into the facts' arena at once, then split at
 * its NULs.  Every string must end within it, and the last one at its end.
 */
static void read_strings(struct reader *r)
{
    size_t n = get_count(r, 1, SIZE_MAX), size = get_count(r, 1, SIZE_MAX);
    const char *s, *end;
    char *block;
    if (r->err || n > size || (size && !n)) {
        fail(r, "bad string table");
        return;
    }
    if (!n)
        return;
    block = arena_alloc(&r->tu->arena, size);
    memcpy(block, r->p, size);
    r->p += size;
    r->strs = xmalloc(n * sizeof(*r->strs));
    s = block;
    end = block + size;
    for (size_t i = 0; i < n; i++) {
        const char *nul = memchr(s, '\0', (size_t)(end - s));
        if (!nul) {
            fail(r, "bad string table");
            return;
        }
        r->strs[r->nstrs++] = s;
        s = nul + 1;
    }
    if (s != end)
        fail(r, "bad string table");
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

int facts_is_bin(const void *buf, size_t len)
{
    return len >= 4 && memcmp(buf, BIN_MAGIC, 4) == 0;
}

struct fact_tu *facts_from_bin(const void *buf, size_t len, const char **err)
{
    const unsigned char *p = buf;
    struct reader r;

    if (len < BIN_HEAD || memcmp(p, BIN_MAGIC, 4) != 0) {
        *err = "not binary facts";
        return NULL;
    }
    if (le32(p + 4) != BIN_FORMAT || le32(p + 8) != SW_FACTS_VERSION) {
        *err = "facts of another version";
        return NULL;
    }
    memset(&r, 0, sizeof(r));
    r.p = p + BIN_HEAD;
    r.end = p + len;
    r.tu = facts_tu_new("");
    read_strings(&r);
    read_tu(&r, r.tu);
    if (!r.err && r.p != r.end)
        fail(&r, "trailing bytes after the facts");
    if (!r.err)
        r.err = facts_tu_check(r.tu);
    free(r.strs);
    if (r.err) {
        *err = r.err;
        facts_tu_free(r.tu);
        return NULL;
    }
    return r.tu;
}
