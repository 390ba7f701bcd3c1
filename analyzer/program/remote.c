/*
 * Remote waits and their independence (see remote.h).
 *
 * Everything here reads the def-use flows of facts (struct fact_flow): a
 * value written by one call reaches another when a chain of flows, in
 * order, leads from the first call's output to the second call's
 * arguments.  Data keys are compared with struct-field granularity: "s"
 * overlaps "s.f", "s.f" does not overlap "s.g".
 */
#include "program/remote.h"

#include "common/strmap.h"
#include "common/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CHAIN 32       /* calls followed down to a remote API */
#define MAX_TAINT_KEYS 512 /* keys one taint walk tracks */
#define MAX_PASSES 32      /* passes over the flows of one function */

const char REMOTE_HANDLE_UNKNOWN[] = "?";

struct remote {
    const struct program *p;
    struct prog_witness *w;     /* witnesses to remote candidates */
    struct prog_witness *waits; /* witnesses to waits for other threads */
    struct strmap *globals;     /* USRs of globals and function statics */
    struct strmap *verdicts;    /* program-wide endpoint judgement per key */
    struct setups *setups;      /* where connections are stored, built lazily */
};

/*
 * Every place the program stores a set-up call's connection: the key a
 * call's result goes to (a flow), or the handle key of an endpoint call,
 * chained by the key's root and by its field so that a program-wide
 * judgement (judge_key) looks only at the candidates.
 */
struct setup {
    int func, call;
    int flow;                   /* 1: a result flow, 0: a handle argument */
    const char *key;            /* borrowed from the facts */
    long next_root, next_field; /* chains, -1 at the end */
};

struct setups {
    struct setup *items;
    size_t n, cap;
    struct strmap *by_root, *by_field; /* key -> first item, chained */
};

/* ---- data keys ---------------------------------------------------------- */

/*
 * The field part of a key (".field" or ":field" through a pointer, see
 * struct fact_flow), or NULL for a whole variable.
 */
static const char *key_field(const char *key)
{
    const char *at = strrchr(key, '@');
    return strpbrk(at ? at : key, ".:");
}

static size_t key_root_len(const char *key)
{
    const char *f = key_field(key);
    return f ? (size_t)(f - key) : strlen(key);
}

/* 1 when the keys may name the same storage. */
static int key_overlap(const char *a, const char *b)
{
    size_t ra = key_root_len(a), rb = key_root_len(b);
    const char *fa, *fb;
    if (ra != rb || strncmp(a, b, ra) != 0)
        return 0;
    fa = a + ra;
    fb = b + rb;
    return !*fa || !*fb || strcmp(fa, fb) == 0;
}

static int key_is_global(const struct remote *r, const char *key)
{
    char buf[512];
    size_t n = key_root_len(key);
    if (n >= sizeof(buf))
        return 0;
    memcpy(buf, key, n);
    buf[n] = '\0';
    return strmap_get(r->globals, buf) >= 0;
}

/* The data key argument `arg` of call `call` reads, or NULL. */
static const char *arg_key(const struct fact_func *f, int call, int arg)
{
    const struct fact_arg *a;
    for (size_t i = 0; i < f->nflows; i++)
        if (f->flows[i].to_call == call && f->flows[i].to_arg == arg &&
            f->flows[i].from)
            return f->flows[i].from;
    if (arg < 0 || (size_t)arg >= f->calls[call].nargs)
        return NULL;
    a = &f->calls[call].args[arg];
    if (a->ref && (a->kind == FACT_ARG_VAR || a->kind == FACT_ARG_ADDR ||
                   a->kind == FACT_ARG_PARAM))
        return a->ref;
    return NULL;
}

/* ---- locality ----------------------------------------------------------- */

static int judge_merge(int have, int add);

/*
 * The global table of constant strings argument a takes an element of
 * (hosts[i]), or NULL.
 */
static const struct fact_global *string_table(const struct program *p,
                                              const struct fact_arg *a)
{
    size_t n;
    if (!a->ref || !a->text || a->kind == FACT_ARG_STRING)
        return NULL;
    for (size_t t = 0; t < p->ntus; t++)
        for (size_t i = 0; i < p->tus[t]->nglobals; i++) {
            const struct fact_global *g = &p->tus[t]->globals[i];
            if (!g->nstrings || !g->usr || strcmp(g->usr, a->ref) != 0 ||
                !g->name)
                continue;
            n = strlen(g->name);
            return strncmp(a->text, g->name, n) == 0 && a->text[n] == '['
                       ? g
                       : NULL;
        }
    return NULL;
}

/* One step of the call chain from a function down to a remote API. */
struct level {
    int func, call;
};

/*
 * Where set-up call `call` of func connects: from its literal host, or,
 * when func is on the chain lv[1..m] and the host is a parameter, from
 * what the callers up the chain pass in (a helper given the host name).
 */
static int chain_endpoint(const struct program *p, int func, int call,
                          const struct level *lv, int m)
{
    int v = program_endpoint_call(p, func, call), k = m, arg;
    const struct fact_arg *a;
    const struct fact_global *g;
    if (v != -1)
        return v;
    while (lv && k > 0 && lv[k].func != func)
        k--;
    arg = program_endpoint_host_arg(p, func, call);
    if (arg < 0)
        return v;
    a = &p->funcs[func].f->calls[call].args[arg];
    while (lv && a->kind == FACT_ARG_PARAM && k > 0) {
        const struct fact_call *c =
            &p->funcs[lv[k - 1].func].f->calls[lv[k - 1].call];
        if (a->param < 0 || a->param >= (int)c->nargs)
            return v;
        a = &c->args[a->param];
        k--;
    }
    if ((g = string_table(p, a)) != NULL) {
        /* An element of a table of literal hosts: where they all go. */
        int t = -2;
        for (size_t i = 0; i < g->nstrings; i++) {
            struct fact_arg lit = *a;
            lit.kind = FACT_ARG_STRING;
            lit.text = g->strings[i];
            t = judge_merge(t, program_endpoint_call_with(p, func, call, &lit));
        }
        return t;
    }
    return program_endpoint_call_with(p, func, call, a);
}

/* Any remote (0) wins, unknown (-1) beats local (1); -2 is "nothing yet". */
static int judge_merge(int have, int add)
{
    if (have == -2 || add == -2)
        return have == -2 ? add : have;
    if (have == 0 || add == 0)
        return 0;
    return have < 0 || add < 0 ? -1 : 1;
}

/*
 * How the connections stored in `key` were opened in func: set-up calls
 * whose result goes to key, or that take key as their handle.  -2: none.
 */
static int judge_in_func(const struct program *p, int func, const char *key,
                         const struct level *lv, int m)
{
    const struct fact_func *f = p->funcs[func].f;
    int v = -2;
    for (size_t i = 0; i < f->nflows; i++) {
        const struct fact_flow *fl = &f->flows[i];
        if (!fl->from && fl->to && key_overlap(fl->to, key))
            v = judge_merge(v, chain_endpoint(p, func, fl->call, lv, m));
    }
    for (size_t j = 0; j < f->ncalls; j++) {
        const char *k;
        if (!f->calls[j].nargs || program_endpoint_call(p, func, (int)j) == -2)
            continue;
        k = arg_key(f, (int)j, 0);
        if (k && key_overlap(k, key))
            v = judge_merge(v, chain_endpoint(p, func, (int)j, lv, m));
    }
    return v;
}

/* Puts item idx at the head of key[0, len)'s chain: the old head, or -1. */
static long setup_chain(struct strmap *m, const char *key, size_t len, long idx)
{
    char buf[512];
    long head;
    if (len >= sizeof(buf))
        return -1;
    memcpy(buf, key, len);
    buf[len] = '\0';
    head = strmap_get(m, buf);
    strmap_put(m, buf, idx);
    return head;
}

static void setup_add(struct setups *ss, int func, int call, int flow,
                      const char *key)
{
    const char *field = key_field(key);
    long idx = (long)ss->n;
    struct setup *e = VEC_ADD(*ss);
    e->func = func;
    e->call = call;
    e->flow = flow;
    e->key = key;
    e->next_field = -1;
    e->next_root = setup_chain(ss->by_root, key, key_root_len(key), idx);
    if (flow && field)
        e->next_field =
            setup_chain(ss->by_field, field + 1, strlen(field + 1), idx);
}

static struct setups *setups_get(struct remote *r)
{
    const struct program *p = r->p;
    struct setups *ss = r->setups;
    if (ss)
        return ss;
    ss = r->setups = xcalloc(1, sizeof(*ss));
    ss->by_root = strmap_new();
    ss->by_field = strmap_new();
    for (size_t g = 0; g < p->nfuncs; g++) {
        const struct fact_func *f = p->funcs[g].f;
        /* Only endpoint calls judge anything (chain_endpoint()). */
        for (size_t i = 0; i < f->nflows; i++)
            if (!f->flows[i].from && f->flows[i].to && f->flows[i].call >= 0 &&
                program_endpoint_call(p, (int)g, f->flows[i].call) != -2)
                setup_add(ss, (int)g, f->flows[i].call, 1, f->flows[i].to);
        for (size_t j = 0; j < f->ncalls; j++) {
            const char *k;
            if (!f->calls[j].nargs ||
                program_endpoint_call(p, (int)g, (int)j) == -2)
                continue;
            if ((k = arg_key(f, (int)j, 0)) != NULL)
                setup_add(ss, (int)g, (int)j, 0, k);
        }
    }
    return ss;
}

static void setups_free(struct setups *ss)
{
    if (!ss)
        return;
    free(ss->items);
    strmap_free(ss->by_root);
    strmap_free(ss->by_field);
    free(ss);
}

/*
 * How the program as a whole opens the connections stored in `key`, through
 * the index: set-ups that store into the key (a global: its root and
 * overlapping fields), or, for a field of a local, into that field of any
 * object.
 */
static int judge_everywhere(struct remote *r, const char *key, int by_field)
{
    struct setups *ss = setups_get(r);
    const char *field = key_field(key);
    char buf[512];
    size_t len = by_field ? strlen(field + 1) : key_root_len(key);
    int v = -2;
    long i;
    if (len >= sizeof(buf))
        return -2;
    memcpy(buf, by_field ? field + 1 : key, len);
    buf[len] = '\0';
    i = strmap_get(by_field ? ss->by_field : ss->by_root, buf);
    while (i >= 0) {
        const struct setup *e = &ss->items[i];
        if (by_field || key_overlap(e->key, key))
            v = judge_merge(v, chain_endpoint(r->p, e->func, e->call, NULL, 0));
        i = by_field ? e->next_field : e->next_root;
    }
    return v;
}

/*
 * Where the connection in `key` of func goes: opened in func itself, or,
 * for a global or a struct field, wherever the program stores one there.
 */
static int judge_key(struct remote *r, int func, const char *key,
                     const struct level *lv, int m)
{
    int v = judge_in_func(r->p, func, key, lv, m);
    long cached;
    int global;
    if (v != -2)
        return v;
    global = key_is_global(r, key);
    if (!global && !key_field(key))
        return -2;
    cached = strmap_get(r->verdicts, key);
    if (cached >= 0)
        return (int)cached - 3;
    v = judge_everywhere(r, key, !global);
    strmap_put(r->verdicts, key, v + 3);
    return v;
}

/* Net and db calls that may be remote, and DNS: the witness filter. */
static int remote_candidate(const struct cat_blocking *b,
                            const struct fact_call *c, void *data)
{
    const struct program *p = data;
    if (b->category != SW_CAT_NET && b->category != SW_CAT_DB &&
        b->category != SW_CAT_DNS)
        return 0;
    if (b->category == SW_CAT_DNS || b->locality == SW_LOC_REMOTE)
        return 1;
    return b->locality == SW_LOC_UNKNOWN &&
           catalog_endpoint_prefix(p->cat, c->name) != NULL;
}

/* A wait for another thread (a condition, a semaphore, a join). */
static int thread_wait(const struct cat_blocking *b, const struct fact_call *c,
                       void *data)
{
    (void)c;
    (void)data;
    return b->category == SW_CAT_WAIT;
}

/* 1 when the wait goes to another machine (unknown is not remote). */
static int judged_remote(struct remote *r, int func,
                         const struct remote_call *rc, const struct level *lv,
                         int m)
{
    const struct program *p = r->p;
    const struct fact_func *af = p->funcs[rc->api_func].f;
    const char *prefix, *k;
    int v = -2;
    if (rc->api->category == SW_CAT_DNS || rc->api->locality == SW_LOC_REMOTE)
        return 1;
    if (rc->api->locality == SW_LOC_LOCAL)
        return 0;
    prefix = catalog_endpoint_prefix(p->cat, af->calls[rc->api_call].name);
    if (!prefix)
        return 0;
    v = chain_endpoint(p, rc->api_func, rc->api_call, lv, m);
    if (v != -2)
        return v == 0; /* a set-up call: judged by its own arguments */
    if (rc->handle && rc->handle != REMOTE_HANDLE_UNKNOWN)
        v = judge_key(r, func, rc->handle, lv, m);
    if (v == -2 && (k = arg_key(af, rc->api_call, 0)) != NULL)
        v = judge_key(r, rc->api_func, k, lv, m);
    if (v == -2)
        v = program_endpoint_family_judge(p, prefix);
    return v == 0;
}

static int local_lookup(struct remote *r, const struct level *lv, int m);

/* ---- handles ------------------------------------------------------------ */

/*
 * The connection a wait uses, as a key of the top function (lv[0]):
 * followed up through parameters from the API call at lv[m].
 */
static const char *resolve_handle(struct remote *r, const struct level *lv,
                                  int m, const struct cat_blocking *api)
{
    const struct program *p = r->p;
    int k = m, arg = 0;
    if (api->category == SW_CAT_DNS)
        return NULL;
    if (program_endpoint_call(p, lv[m].func, lv[m].call) != -2) {
        /* A connection set-up: the connection is what it returns. */
        const struct fact_func *f = p->funcs[lv[m].func].f;
        for (size_t i = 0; i < f->nflows; i++)
            if (f->flows[i].call == lv[m].call && f->flows[i].to &&
                !f->flows[i].from)
                return m == 0 || key_is_global(r, f->flows[i].to)
                           ? f->flows[i].to
                           : NULL;
        return NULL;
    }
    for (int guard = 0; guard <= MAX_CHAIN; guard++) {
        const struct fact_func *f = p->funcs[lv[k].func].f;
        const struct fact_call *c = &f->calls[lv[k].call];
        const char *key;
        if ((size_t)arg >= c->nargs)
            return k == m ? NULL : REMOTE_HANDLE_UNKNOWN;
        if (c->args[arg].kind == FACT_ARG_PARAM && k > 0) {
            arg = c->args[arg].param;
            k--;
            continue;
        }
        key = arg_key(f, lv[k].call, arg);
        if (k == 0)
            return key ? key : REMOTE_HANDLE_UNKNOWN;
        if (!key)
            return REMOTE_HANDLE_UNKNOWN;
        if (key_is_global(r, key))
            return key;
        /* A local of a callee: its own connection, unless copied in. */
        for (size_t i = 0; i < f->nflows; i++)
            if (f->flows[i].from && f->flows[i].to &&
                key_overlap(f->flows[i].to, key))
                return key_is_global(r, f->flows[i].from)
                           ? f->flows[i].from
                           : REMOTE_HANDLE_UNKNOWN;
        return NULL;
    }
    return REMOTE_HANDLE_UNKNOWN;
}

/* ---- the remote waits of a function --------------------------------------
 */

struct remote *remote_new(const struct program *p)
{
    struct remote *r = xcalloc(1, sizeof(*r));
    r->p = p;
    r->w = program_blocking(p, remote_candidate, (void *)p);
    r->waits = program_blocking(p, thread_wait, NULL);
    r->globals = strmap_new();
    r->verdicts = strmap_new();
    for (size_t t = 0; t < p->ntus; t++)
        for (size_t i = 0; i < p->tus[t]->nglobals; i++)
            if (p->tus[t]->globals[i].usr)
                strmap_put(r->globals, p->tus[t]->globals[i].usr, 1);
    return r;
}

static void *build_model(const struct program *p)
{
    return remote_new(p);
}

static void release_model(void *r)
{
    remote_free(r);
}

struct remote *remote_get(const struct program *p)
{
    return program_memo(p, PROG_MEMO_REMOTE, build_model, release_model);
}

const struct prog_witness *remote_witnesses(const struct remote *r)
{
    return r->w;
}

void remote_free(struct remote *r)
{
    if (!r)
        return;
    free(r->w);
    free(r->waits);
    strmap_free(r->globals);
    strmap_free(r->verdicts);
    setups_free(r->setups);
    free(r);
}

struct remote_call *remote_calls(struct remote *r, int func, size_t *n)
{
    const struct program *p = r->p;
    const struct prog_func *pf = &p->funcs[func];
    struct remote_call *out = NULL;
    size_t cap = 0;
    *n = 0;
    for (size_t j = 0; j < pf->f->ncalls; j++) {
        struct level lv[MAX_CHAIN + 1];
        int m = 0;
        struct remote_call rc = {(int)j, -1, func, (int)j, NULL, NULL};
        const struct prog_call *pc = &pf->calls[j];
        if (program_call_dies(p, func, (int)j) ||
            program_call_in_child(p, func, (int)j))
            continue;
        lv[0].func = func;
        lv[0].call = (int)j;
        rc.api = program_blocking_api(p, func, (int)j);
        if (rc.api && !remote_candidate(rc.api, &pf->f->calls[j], (void *)p))
            continue;
        if (!rc.api) {
            int g;
            if (pc->kind != PCALL_DIRECT || r->w[pc->targets[0]].dist < 0)
                continue;
            g = rc.callee = pc->targets[0];
            while (m < MAX_CHAIN) {
                lv[++m].func = g;
                lv[m].call = r->w[g].call;
                if (r->w[g].dist == 0)
                    break;
                g = p->funcs[g].calls[r->w[g].call].targets[0];
            }
            if (r->w[lv[m].func].dist != 0)
                continue;
            rc.api_func = lv[m].func;
            rc.api_call = lv[m].call;
            rc.api = program_blocking_api(p, rc.api_func, rc.api_call);
            if (!rc.api)
                continue;
        }
        rc.handle = resolve_handle(r, lv, m, rc.api);
        if (!judged_remote(r, func, &rc, lv, m) ||
            (rc.api->category == SW_CAT_DNS && local_lookup(r, lv, m)))
            continue;
        if (*n == cap)
            xgrow((void **)&out, &cap, *n + 1, sizeof(*out));
        out[(*n)++] = rc;
    }
    return out;
}

/* 1 when arm x is on the chain of arms around call j. */
static int arm_around(const struct fact_func *f, int x, int j)
{
    for (int y = f->calls[j].arm, g = 0; y >= 0 && g < 64;
         y = f->arms[y].parent, g++)
        if (y == x)
            return 1;
    return 0;
}

int remote_exclusive(const struct fact_func *f, int i, int j)
{
    int ai = f->calls[i].arm, aj = f->calls[j].arm;
    if (ai >= (int)f->narms || aj >= (int)f->narms)
        return 0;
    /* i in an arm that never falls through, j after it. */
    for (int x = ai, gx = 0; x >= 0 && gx < 64; x = f->arms[x].parent, gx++)
        if (f->arms[x].exits && f->calls[j].seq > f->calls[i].seq &&
            !arm_around(f, x, j))
            return 1;
    for (int x = ai, gx = 0; x >= 0 && gx < 64; x = f->arms[x].parent, gx++)
        for (int y = aj, gy = 0; y >= 0 && gy < 64; y = f->arms[y].parent, gy++)
            if (x != y && f->arms[x].stmt == f->arms[y].stmt)
                return 1;
    return 0;
}

/* ---- taint: where a call's output goes ----------------------------------
 */

/*
 * A tainted key and where it was written: reads earlier in the function
 * do not see the write, unless a loop around both carries it back.
 */
struct taint_key {
    const char *key;
    int seq;  /* the writing flow's seq (at least the walk's start) */
    int idx;  /* its index in the flows, -1: before every flow at seq */
    int loop; /* its innermost loop, -1: none */
};

struct taint {
    unsigned char *calls; /* calls whose output is tainted */
    const struct fact_func *f;
    struct taint_key keys[MAX_TAINT_KEYS];
    size_t nkeys;
};

/* 1 when a loop (not a do-while(0)) encloses both loops a and b. */
static int share_loop(const struct fact_func *f, int a, int b)
{
    for (int x = a, g = 0; x >= 0 && g < 64; x = f->loops[x].parent, g++)
        if (!f->loops[x].once && program_loop_within(f, b, x))
            return 1;
    return 0;
}

/*
 * 1 when the write k reaches a read at flow idx (seq, loop): after it in
 * the walk, or in a loop around both.  idx < 0: a read outside the flows
 * (a condition, looked at after the walk).
 */
static int taint_visible(const struct taint *t, const struct taint_key *k,
                         int idx, int seq, int loop)
{
    if (idx < 0 || k->seq < seq || (k->seq == seq && k->idx < idx))
        return 1;
    return share_loop(t->f, k->loop, loop);
}

/*
 * 1 when reading key reads tainted data.  A pointer's value is not its
 * object's: reading p is not reading a tainted p->f, except for a call
 * given p (it can read *p).
 */
static int taint_reads(const struct taint *t, const char *key, int into_call,
                       const struct fact_flow *fl)
{
    size_t rl = key_root_len(key);
    /* An if's own flows are numbered before its condition. */
    if (strncmp(key, FACT_KEY_IF, strlen(FACT_KEY_IF)) == 0)
        fl = NULL;
    for (size_t i = 0; i < t->nkeys; i++) {
        const char *k = t->keys[i].key, *kf;
        if (!key_overlap(k, key) ||
            (fl && !taint_visible(t, &t->keys[i], (int)(fl - t->f->flows),
                                  fl->seq, fl->loop)))
            continue;
        kf = k[rl] ? k + rl : NULL;
        if (!kf || key[rl] || *kf == '.' || into_call)
            return 1;
    }
    return 0;
}

/*
 * 1 when key (or its whole variable) is already tainted by a write that
 * every read the new one reaches also sees.
 */
static int taint_covers(const struct taint *t, const struct taint_key *nk)
{
    size_t rl = key_root_len(nk->key);
    for (size_t i = 0; i < t->nkeys; i++) {
        const struct taint_key *k = &t->keys[i];
        if ((strcmp(k->key, nk->key) == 0 ||
             (strlen(k->key) == rl && strncmp(k->key, nk->key, rl) == 0)) &&
            (k->seq < nk->seq || (k->seq == nk->seq && k->idx <= nk->idx)) &&
            (nk->loop < 0 || k->loop == nk->loop))
            return 1;
    }
    return 0;
}

static int flow_source_tainted(const struct taint *t,
                               const struct fact_flow *fl)
{
    return fl->from ? taint_reads(t, fl->from, fl->to_call >= 0, fl)
                    : t->calls[fl->call];
}

/*
 * Spreads the taint in t over f's flows: values read after event `after`
 * (-1: all; a flow's seq is the number of the next event) and within loop
 * `loop` (-1: everywhere).  A call that reads a tainted value has a
 * tainted output; a tainted call's outputs count wherever they are
 * written (a buffer attached to a connection before the request).
 */
static void taint_run(const struct fact_func *f, struct taint *t, int after,
                      int loop)
{
    for (int pass = 0; pass < MAX_PASSES; pass++) {
        int changed = 0;
        for (size_t i = 0; i < f->nflows; i++) {
            const struct fact_flow *fl = &f->flows[i];
            /* An if's own flows are numbered before its condition. */
            if ((fl->from && fl->seq <= after &&
                 strncmp(fl->from, FACT_KEY_IF, strlen(FACT_KEY_IF)) != 0) ||
                (fl->from && loop >= 0 &&
                 !program_loop_within(f, fl->loop, loop)) ||
                !flow_source_tainted(t, fl))
                continue;
            if (fl->to && t->nkeys < MAX_TAINT_KEYS) {
                /* A write before the walk's start (a buffer attached to
                 * the connection) gets the reply at the start. */
                struct taint_key nk = {fl->to, fl->seq, (int)i, fl->loop};
                if (fl->seq <= after) {
                    nk.seq = after;
                    nk.idx = -1;
                }
                if (!taint_covers(t, &nk)) {
                    t->keys[t->nkeys++] = nk;
                    changed = 1;
                }
            }
            if (fl->to_call >= 0 && !t->calls[fl->to_call]) {
                t->calls[fl->to_call] = 1;
                changed = 1;
            }
        }
        if (!changed)
            break;
    }
}

/* 1 when call k of f uses the connection `handle` (its first argument). */
static int on_handle(const struct fact_func *f, int k, const char *handle)
{
    const char *key;
    if (!handle || handle == REMOTE_HANDLE_UNKNOWN || !f->calls[k].nargs)
        return 0;
    key = arg_key(f, k, 0);
    return key && key_overlap(key, handle);
}

#define MAX_STATE_DEPTH 3 /* callee levels searched for shared globals */

/*
 * Adds to m the globals that g and its callees (MAX_STATE_DEPTH levels)
 * access with one of `flags`.
 */
static void collect_globals(const struct program *p, int g, unsigned flags,
                            struct strmap *m, int depth)
{
    const struct prog_func *pf = &p->funcs[g];
    for (size_t i = 0; i < pf->f->naccesses; i++)
        if ((pf->f->accesses[i].flags & flags) &&
            strncmp(pf->f->accesses[i].var, "param:", 6) != 0)
            strmap_put(m, pf->f->accesses[i].var, 1);
    if (depth >= MAX_STATE_DEPTH)
        return;
    for (size_t j = 0; j < pf->f->ncalls; j++)
        if (pf->calls[j].kind == PCALL_DIRECT && pf->calls[j].targets[0] != g)
            collect_globals(p, pf->calls[j].targets[0], flags, m, depth + 1);
}

/* 1 when b's callee reads a global a's callee writes (shared state). */
static int share_state(const struct program *p, const struct remote_call *a,
                       const struct remote_call *b)
{
    struct strmap *wa, *rb;
    int shared = 0;
    if (a->callee < 0 || b->callee < 0)
        return 0;
    wa = strmap_new();
    rb = strmap_new();
    collect_globals(p, a->callee, FACT_ACC_WRITE | FACT_ACC_ADDR, wa, 1);
    collect_globals(p, b->callee, FACT_ACC_READ | FACT_ACC_ADDR, rb, 1);
    {
        size_t it = 0;
        const char *k;
        long v;
        while (!shared && strmap_next(wa, &it, &k, &v))
            shared = strmap_get(rb, k) >= 0;
    }
    strmap_free(wa);
    strmap_free(rb);
    return shared;
}

int remote_depends(struct remote *r, int func, const struct remote_call *a,
                   const struct remote_call *b)
{
    const struct fact_func *f = r->p->funcs[func].f;
    struct taint *t;
    int sa = f->calls[a->call].seq, sb = f->calls[b->call].seq, dep = 0;

    if (a->handle && b->handle &&
        (a->handle == REMOTE_HANDLE_UNKNOWN ||
         b->handle == REMOTE_HANDLE_UNKNOWN ||
         key_overlap(a->handle, b->handle)))
        return 1;
    if (share_state(r->p, a, b))
        return 1;
    t = xcalloc(1, sizeof(*t));
    t->f = f;
    t->calls = xcalloc(f->ncalls ? f->ncalls : 1, 1);
    /* What a connection delivers lands in buffers attached to it. */
    t->calls[a->call] = 1;
    for (size_t k = 0; k < f->ncalls; k++)
        if (on_handle(f, (int)k, a->handle))
            t->calls[k] = 1;
    taint_run(f, t, sa, -1);
    dep = t->calls[b->call];
    /* b in an arm of an if whose condition reads what a produced. */
    for (int x = f->calls[b->call].arm, g = 0;
         !dep && x >= 0 && x < (int)f->narms && g < 64;
         x = f->arms[x].parent, g++) {
        char key[32];
        snprintf(key, sizeof(key), FACT_KEY_IF "%d", f->arms[x].stmt);
        dep = taint_reads(t, key, 0, NULL);
    }
    for (size_t k = 0; !dep && k < f->ncalls; k++)
        dep = f->calls[k].seq < sb && on_handle(f, (int)k, b->handle) &&
              t->calls[k];
    for (size_t i = 0; !dep && i < f->nflows; i++) {
        const struct fact_flow *fl = &f->flows[i];
        dep = fl->to && strcmp(fl->to, FACT_KEY_RETURN) == 0 && fl->seq > sa &&
              fl->seq <= sb && flow_source_tainted(t, fl);
    }
    free(t->calls);
    free(t);
    return dep;
}

/*
 * 1 for a DNS lookup that asks nothing of the network: no host or a
 * literal local one (followed up through parameters), or an answer used
 * to bind a local endpoint (a listening address).
 */
static int local_lookup(struct remote *r, const struct level *lv, int m)
{
    const struct program *p = r->p;
    const struct fact_func *af = p->funcs[lv[m].func].f;
    struct taint *t;
    int k = m, arg = 0, local = 0;
    for (int guard = 0; guard <= MAX_CHAIN; guard++) {
        const struct fact_call *c = &p->funcs[lv[k].func].f->calls[lv[k].call];
        const struct fact_arg *a;
        if ((size_t)arg >= c->nargs)
            break;
        a = &c->args[arg];
        if (a->kind == FACT_ARG_PARAM && k > 0) {
            arg = a->param;
            k--;
            continue;
        }
        if (a->kind == FACT_ARG_NULL ||
            (a->kind == FACT_ARG_STRING && program_host_is_local(a->text) == 1))
            return 1;
        break;
    }
    t = xcalloc(1, sizeof(*t));
    t->f = af;
    t->calls = xcalloc(af->ncalls ? af->ncalls : 1, 1);
    t->calls[lv[m].call] = 1;
    taint_run(af, t, af->calls[lv[m].call].seq, -1);
    for (size_t j = 0; j < af->ncalls && !local; j++) {
        const struct prog_call *pc = &p->funcs[lv[m].func].calls[j];
        if (!t->calls[j] || (int)j == lv[m].call)
            continue;
        local = program_endpoint_call(p, lv[m].func, (int)j) == 1;
        /* Handed to a helper that binds it (anetListen(fd, p->ai_addr)). */
        for (size_t q = 0; !local && pc->kind == PCALL_DIRECT &&
                           q < p->funcs[pc->targets[0]].f->ncalls;
             q++)
            local = program_endpoint_call(p, pc->targets[0], (int)q) == 1;
    }
    free(t->calls);
    free(t);
    return local;
}

/* The greedy group of remote_independent() that starts at calls[s]. */
static int independent_from(struct remote *r, int func,
                            const struct remote_call *calls, size_t n, size_t s,
                            int loop, int *kept, int max)
{
    const struct fact_func *f = r->p->funcs[func].f;
    int cnt = 0;
    for (size_t k = s; k < n && cnt < max; k++) {
        int ok = 1;
        if (f->calls[calls[k].call].loop != loop)
            continue;
        for (int m = 0; m < cnt && ok; m++)
            ok = !remote_exclusive(f, calls[kept[m]].call, calls[k].call) &&
                 !remote_depends(r, func, &calls[kept[m]], &calls[k]);
        if (ok)
            kept[cnt++] = (int)k;
    }
    return cnt;
}

int remote_independent(struct remote *r, int func,
                       const struct remote_call *calls, size_t n, int loop,
                       int *kept, int max)
{
    const struct fact_func *f = r->p->funcs[func].f;
    int best = 0, try[REMOTE_MAX_GROUP];
    if (max > REMOTE_MAX_GROUP)
        max = REMOTE_MAX_GROUP;
    /* From each start: a first request the others need (a login) is not
     * part of the group its followers make. */
    for (size_t s = 0; s < n && best < max; s++) {
        int cnt;
        if (f->calls[calls[s].call].loop != loop || (size_t)best >= n - s)
            continue;
        cnt = independent_from(r, func, calls, n, s, loop, try, max);
        if (cnt > best) {
            best = cnt;
            memcpy(kept, try, (size_t)cnt * sizeof(*kept));
        }
    }
    return best;
}

/* 1 when key is written somewhere inside loop l of f. */
static int written_in_loop(const struct fact_func *f, const char *key, int l)
{
    if (f->loops[l].counter && key_overlap(f->loops[l].counter, key))
        return 1;
    for (size_t i = 0; i < f->nflows; i++)
        if (f->flows[i].to && key_overlap(f->flows[i].to, key) &&
            program_loop_within(f, f->flows[i].loop, l))
            return 1;
    return 0;
}

/*
 * 1 when key is a field reached through a variable the loop moves on
 * each iteration (f->body with f = f->next, or the loop counter): it
 * names another object in the next iteration.
 */
static int moves_per_iteration(const struct fact_func *f, const char *key,
                               int l)
{
    size_t rl = key_root_len(key);
    const char *c = f->loops[l].counter;
    if (!key_field(key))
        return 0;
    if (c && strlen(c) == rl && strncmp(c, key, rl) == 0)
        return 1;
    for (size_t i = 0; i < f->nflows; i++) {
        const struct fact_flow *fl = &f->flows[i];
        if (fl->from && fl->to && strlen(fl->to) == rl &&
            strncmp(fl->to, key, rl) == 0 &&
            program_loop_within(f, fl->loop, l))
            return 1;
    }
    return 0;
}

/* 1 when `text` indexes an array by the variable `usr` names: "[i]". */
static int indexed_by(const char *text, const char *usr)
{
    const char *name = usr ? strrchr(usr, '@') : NULL;
    size_t n;
    if (!text || !name || !*++name)
        return 0;
    n = strlen(name);
    for (const char *s = strchr(text, '['); s; s = strchr(s + 1, '['))
        if (strncmp(s + 1, name, n) == 0 && s[1 + n] == ']')
            return 1;
    return 0;
}

/*
 * 1 when argument `arg` of call k names an element the loop moves on each
 * iteration: an array indexed by the loop's counter, or by a variable the
 * loop steps (&items[i], rows[n].field).
 */
static int element_per_iteration(const struct fact_func *f, int k, int arg,
                                 int l)
{
    const char *text;
    if (arg < 0 || (size_t)arg >= f->calls[k].nargs)
        return 0;
    text = f->calls[k].args[arg].text;
    if (indexed_by(text, f->loops[l].counter))
        return 1;
    for (size_t i = 0; i < f->nflows; i++) {
        const struct fact_flow *fl = &f->flows[i];
        if (fl->from && fl->to && strcmp(fl->from, fl->to) == 0 &&
            !key_field(fl->to) && program_loop_within(f, fl->loop, l) &&
            indexed_by(text, fl->to))
            return 1;
    }
    return 0;
}

/*
 * 1 when flow fl only hands a remote API its own output buffer again
 * (getnameinfo's host, recv's buf): the call overwrites it, so what an
 * earlier iteration left there is not part of the request.
 */
static int own_out_buffer(const struct fact_func *f,
                          const struct remote_call *c,
                          const struct fact_flow *fl)
{
    const struct fact_arg *a;
    if (c->callee >= 0 || fl->to_call != c->call || !fl->from ||
        fl->to_arg < 0 || (size_t)fl->to_arg >= f->calls[c->call].nargs)
        return 0;
    a = &f->calls[c->call].args[fl->to_arg];
    if (a->kind != FACT_ARG_VAR || !a->array)
        return 0;
    for (size_t i = 0; i < f->nflows; i++)
        if (f->flows[i].call == c->call && f->flows[i].to &&
            key_overlap(f->flows[i].to, fl->from))
            return 1;
    return 0;
}

/*
 * 1 when call k sits in an if arm inside loop l that leaves the loop
 * (breaks out, or returns): it runs once, for the item the loop found.
 */
static int leaves_loop_after(const struct fact_func *f, int k, int l)
{
    for (int x = f->calls[k].arm, g = 0; x >= 0 && x < (int)f->narms && g < 64;
         x = f->arms[x].parent, g++) {
        char key[32];
        if (!f->arms[x].exits)
            continue;
        snprintf(key, sizeof(key), FACT_KEY_IF "%d", f->arms[x].stmt);
        for (size_t i = 0; i < f->nflows; i++) {
            const struct fact_flow *fl = &f->flows[i];
            if (fl->from && strcmp(fl->from, key) == 0 &&
                program_loop_within(f, fl->loop, l) &&
                (fl->to_loop == l ||
                 (fl->to && strcmp(fl->to, FACT_KEY_RETURN) == 0)))
                return 1;
        }
    }
    return 0;
}

int remote_loop_independent(struct remote *r, int func,
                            const struct remote_call *c)
{
    const struct fact_func *f = r->p->funcs[func].f;
    int l = f->calls[c->call].loop, varies = 0, carried = 0;
    unsigned char *inputs;
    struct taint *t;
    if (l < 0)
        return 0;
    if (leaves_loop_after(f, c->call, l))
        return 0;
    /* One connection for every iteration: requests on it are dependent
     * (SPEC 2); a connection opened anew in each iteration is not. */
    if (c->handle && (c->handle == REMOTE_HANDLE_UNKNOWN ||
                      !written_in_loop(f, c->handle, l)))
        return 0;
    /* The request: the call, and the set-up on its connection in the loop. */
    inputs = xcalloc(f->ncalls ? f->ncalls : 1, 1);
    inputs[c->call] = 1;
    for (size_t k = 0; k < f->ncalls; k++)
        if (program_loop_within(f, f->calls[k].loop, l) &&
            on_handle(f, (int)k, c->handle))
            inputs[k] = 1;
    for (size_t i = 0; i < f->nflows && !varies; i++) {
        const struct fact_flow *fl = &f->flows[i];
        if (fl->to_call < 0 || !inputs[fl->to_call])
            continue;
        varies = fl->from ? written_in_loop(f, fl->from, l)
                          : program_loop_within(f, f->calls[fl->call].loop, l);
    }
    /* A loop that waits for its next item (a job queue, an event loop)
     * is paced by its input, not a batch of requests. */
    for (size_t k = 0; k < f->ncalls && varies; k++) {
        const struct prog_call *pc = &r->p->funcs[func].calls[k];
        const struct cat_blocking *b;
        if ((int)k == c->call || !program_loop_within(f, f->calls[k].loop, l))
            continue;
        b = program_blocking_api(r->p, func, (int)k);
        if ((b && b->category == SW_CAT_WAIT) ||
            program_call_polls(r->p, func, (int)k) ||
            (pc->kind == PCALL_DIRECT && r->waits[pc->targets[0]].dist >= 0))
            varies = 0;
    }
    if (!varies) {
        free(inputs);
        return 0; /* the same request again (a retry, a poll, a stream), or
                     one request per item as it arrives */
    }
    t = xcalloc(1, sizeof(*t));
    t->f = f;
    t->calls = xcalloc(f->ncalls ? f->ncalls : 1, 1);
    memcpy(t->calls, inputs, f->ncalls);
    /* Buffers attached to the connection before the loop get each reply. */
    for (size_t k = 0; k < f->ncalls; k++)
        if (on_handle(f, (int)k, c->handle))
            t->calls[k] = 1;
    taint_run(f, t, -1, l);
    for (size_t i = 0; i < f->nflows && !carried; i++) {
        const struct fact_flow *fl = &f->flows[i];
        if (!program_loop_within(f, fl->loop, l) || !flow_source_tainted(t, fl))
            continue;
        carried = fl->to_loop == l ||
                  (fl->to_call >= 0 && inputs[fl->to_call] &&
                   !(fl->from && moves_per_iteration(f, fl->from, l)) &&
                   !element_per_iteration(f, fl->to_call, fl->to_arg, l) &&
                   !own_out_buffer(f, c, fl));
    }
    free(t->calls);
    free(t);
    free(inputs);
    return !carried;
}
