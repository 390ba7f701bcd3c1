#include "program/shared.h"

#include "common/strmap.h"
#include "common/xalloc.h"
#include "program/locks.h"
#include "program/params.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct shared_model {
    const struct program *p;
    struct {
        struct shared_inst *items;
        size_t n, cap;
    } inst;
    struct strmap *objs; /* object key -> index into names */
    struct {
        const char **items; /* display names (interned in strs) */
        size_t n, cap;
    } names;
    struct strmap *strs;         /* interned strings */
    struct strmap *skip;         /* USR -> 1: a global that never races */
    struct strmap *globals;      /* USR -> 1: every global and static */
    struct strmap *atomics;      /* USR -> 1: _Atomic globals */
    size_t *lock_base;           /* per function: first index into locks */
    struct shared_locks *locks;  /* per function and access */
    int (*ctxs)[SHARED_MAX_CTX]; /* per function: concurrent roots */
    int *nctx;                   /* per function: how many */
    unsigned char *in_main;      /* per function: runs on the main thread */
    struct root_order **order;   /* per root: its ordering, lazily */
    /*
     * What leads to a function, for root_order(), built once: the direct
     * calls to function g, and spawns of it, are lead_edge[lead_at[g] ..
     * lead_at[g + 1]).
     */
    size_t *lead_at;
    struct lead_edge {
        int func, call; /* the caller and its call (the spawn site) */
    } * lead_edge;
    signed char **waits;         /* per function: wait loop of each access */
    struct param_summary params; /* what calls write through arguments */
    int *threads;                /* thread_of() each concurrent root, once */
    size_t nthreads;
    int threads_spawned; /* 1: every one of them is a spawn */
};

/*
 * A root that runs beside other code: concurrent, and not waited for at
 * once (a thread created and joined in each round of a loop runs alone).
 */
static int conc_root(const struct program *p, int ri)
{
    const struct prog_root *r = &p->roots[ri];
    return r->concurrent && (!r->waited || program_spawn_beside(p, ri));
}

/*
 * An exported function that is also a start routine: its entry root is
 * an assumption about outside callers, the spawn is what the program
 * does.  Main-thread reach through such an entry is not counted.
 */
static int start_entry(const struct program *p, int ri)
{
    const struct prog_root *r = &p->roots[ri];
    if (r->kind != PROG_ROOT_ENTRY ||
        strcmp(p->funcs[r->func].f->name, "main") == 0)
        return 0;
    for (size_t k = 0; k < p->nroots; k++)
        if (p->roots[k].kind == PROG_ROOT_SPAWN && p->roots[k].func == r->func)
            return 1;
    return 0;
}

/* ---- small helpers ------------------------------------------------------ */

/* Loop l is `outer` or nested inside it. */
static int loop_in(const struct fact_func *f, int l, int outer)
{
    for (int guard = 0; l >= 0 && outer >= 0 && guard < 100000; guard++) {
        if (l == outer)
            return 1;
        l = f->loops[l].parent;
    }
    return 0;
}

static int obj_id(struct shared_model *m, const char *key, const char *name)
{
    long id = strmap_get(m->objs, key);
    if (id >= 0)
        return (int)id;
    VEC_PUSH(m->names, strmap_intern(m->strs, name ? name : key));
    strmap_put(m->objs, key, (long)m->names.n - 1);
    return (int)m->names.n - 1;
}

/*
 * Access k of func names an object handed to a library call that writes
 * through that argument (memset(hist, 0, n), snprintf(g_buf, ...)): a
 * write.
 */
static int call_writes_access(const struct shared_model *m, int func, int k)
{
    const struct fact_func *f = m->p->funcs[func].f;
    const struct fact_access *a = &f->accesses[k];
    for (size_t j = 0; j < f->ncalls; j++) {
        const struct fact_call *c = &f->calls[j];
        if (c->line != a->line ||
            m->p->funcs[func].calls[j].kind == PCALL_DIRECT ||
            m->p->funcs[func].calls[j].kind == PCALL_INDIRECT)
            continue; /* a project function's writes are its own accesses,
                         under its own locks */
        for (size_t i = 0; i < c->nargs; i++) {
            const struct fact_arg *x = &c->args[i];
            if (x->ref && strcmp(x->ref, a->var) == 0 &&
                (x->kind == FACT_ARG_ADDR ||
                 (x->kind == FACT_ARG_VAR && x->array)) &&
                params_call_writes(m->p, &m->params, func, (int)j, (int)i))
                return 1;
        }
    }
    return 0;
}

static void add_inst(struct shared_model *m, int func, int access, int ctx,
                     int obj, const char *field, unsigned flags)
{
    const struct fact_access *a = &m->p->funcs[func].f->accesses[access];
    struct shared_inst *s;
    flags &= FACT_ACC_READ | FACT_ACC_WRITE;
    if (!(flags & FACT_ACC_WRITE) && strncmp(a->var, "param:", 6) != 0 &&
        call_writes_access(m, func, access))
        flags |= FACT_ACC_WRITE;
    if (!flags)
        return; /* an address taken and not written through */
    s = VEC_ADD(m->inst);
    s->func = func;
    s->access = access;
    s->ctx = ctx;
    s->obj = obj;
    s->field = field ? strmap_intern(m->strs, field) : NULL;
    s->flags = flags;
}

/* ---- ordering ------------------------------------------------------------ */

/*
 * Per root: which functions lead to its start (call, through calls and
 * other spawns, the function that spawns it) and at which call first;
 * which main-thread functions are entered before it starts.
 */
struct root_order {
    int *lead;             /* per function: first call leading there, -1 */
    unsigned char *before; /* per function: entered before the start */
    int owner, start;      /* the function whose stretch bounds the thread
                              (the spawner, or a caller that later calls a
                              helper joining it) and its call leading there */
    int join;              /* owner's call that waits for it, or -1 */
    int closed;            /* the spawner joins it before returning */
    unsigned char *during; /* closed: functions run between spawn and join */
};

/* A position (seq, loop) of func comes before its call `call`, also in
 * the next rounds of a loop around both. */
static int before_call(const struct fact_func *f, int seq, int loop, int call)
{
    const struct fact_call *c = &f->calls[call];
    return seq < c->seq && !(loop >= 0 && loop_in(f, c->loop, loop));
}

static int join_call(const struct shared_model *m, int ri);
static void helper_join(const struct shared_model *m, int ri,
                        struct root_order *o);
static const char *text_field(char *buf, size_t size, const char *text);
static void compute_during(struct shared_model *m, int ri,
                           struct root_order *o);

/* Clears before[] for every target of call pc, queueing those cleared. */
static void clear_targets(struct root_order *o, const struct prog_call *pc,
                          int *work, int *nwork)
{
    for (int k = 0; k < pc->ntargets; k++)
        if (o->before[pc->targets[k]]) {
            o->before[pc->targets[k]] = 0;
            work[(*nwork)++] = pc->targets[k];
        }
}

/* The edges of m->lead_edge: direct calls and spawn sites, by callee. */
static void build_lead_edges(struct shared_model *m)
{
    const struct program *p = m->p;
    size_t n = 0, *at = xcalloc(p->nfuncs + 2, sizeof(*at));
    struct lead_edge *e;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < p->nfuncs; i++) {
            const struct prog_func *pf = &p->funcs[i];
            for (size_t j = 0; j < pf->f->ncalls; j++)
                if (pf->calls[j].kind == PCALL_DIRECT) {
                    int g = pf->calls[j].targets[0];
                    if (pass == 0)
                        at[g + 1]++;
                    else
                        e[at[g]++] = (struct lead_edge){(int)i, (int)j};
                }
        }
        for (size_t k = 0; k < p->nroots; k++) /* started by a thread */
            if (p->roots[k].kind == PROG_ROOT_SPAWN &&
                p->roots[k].site_func >= 0) {
                int g = p->roots[k].func;
                if (pass == 0)
                    at[g + 1]++;
                else
                    e[at[g]++] = (struct lead_edge){p->roots[k].site_func,
                                                    p->roots[k].site_call};
            }
        if (pass == 0) {
            for (size_t g = 0; g < p->nfuncs; g++)
                at[g + 1] += at[g];
            n = at[p->nfuncs];
            e = xcalloc(n ? n : 1, sizeof(*e));
        } else { /* at[g] moved to the start of g + 1's edges: shift back */
            memmove(at + 1, at, p->nfuncs * sizeof(*at));
            at[0] = 0;
        }
    }
    m->lead_at = at;
    m->lead_edge = e;
}

static const struct root_order *root_order(struct shared_model *m, int ri)
{
    const struct program *p = m->p;
    const struct prog_root *r = &p->roots[ri];
    struct root_order *o;
    int *work, nwork = 0;
    if (m->order[ri])
        return m->order[ri];
    if (!m->lead_at)
        build_lead_edges(m);
    o = m->order[ri] = xcalloc(1, sizeof(*o));
    o->lead = xmalloc((p->nfuncs + 1) * sizeof(int));
    o->before = xcalloc(p->nfuncs + 1, 1);
    work = xmalloc((p->nfuncs + 1) * sizeof(int));
    for (size_t i = 0; i < p->nfuncs; i++)
        o->lead[i] = -1;
    /*
     * Leading there: the site, and every function with a direct call (or
     * a spawn) to a function leading there, at its first such call.  Each
     * function is expanded once, when it first leads there.
     */
    if (r->site_func >= 0) {
        o->lead[r->site_func] = r->site_call;
        work[nwork++] = r->site_func;
    }
    while (nwork) {
        int g = work[--nwork];
        for (size_t k = m->lead_at[g]; k < m->lead_at[g + 1]; k++) {
            const struct lead_edge *le = &m->lead_edge[k];
            if (o->lead[le->func] < 0)
                work[nwork++] = le->func;
            if (o->lead[le->func] < 0 || le->call < o->lead[le->func])
                o->lead[le->func] = le->call;
        }
    }
    /* Entered before the start: main, and functions whose every
     * main-thread call comes before that caller's leading call. */
    for (size_t i = 0; i < p->nfuncs; i++)
        o->before[i] = m->in_main[i] && p->funcs[i].ncallers > 0;
    for (size_t k = 0; k < p->nroots; k++)
        o->before[p->roots[k].func] =
            p->roots[k].kind == PROG_ROOT_ENTRY &&
            strcmp(p->funcs[p->roots[k].func].f->name, "main") == 0;
    /*
     * A main-thread function's call clears its targets when it is
     * indirect, the function itself is not entered before, or the call
     * does not come before the function's leading call.  A function
     * cleared clears every target of its own calls in turn.
     */
    for (size_t h = 0; h < p->nfuncs; h++) {
        const struct prog_func *pf = &p->funcs[h];
        int lj = o->lead[h];
        if (!m->in_main[h])
            continue;
        for (size_t j = 0; j < pf->f->ncalls; j++) {
            const struct prog_call *pc = &pf->calls[j];
            const struct fact_call *c = &pf->f->calls[j];
            int ok = pc->kind != PCALL_INDIRECT && o->before[h] &&
                     (lj < 0 || before_call(pf->f, c->seq, c->loop, lj) ||
                      ((int)j == lj && c->loop < 0));
            if (!ok)
                clear_targets(o, pc, work, &nwork);
        }
    }
    while (nwork) {
        const struct prog_func *pf = &p->funcs[work[--nwork]];
        if (!m->in_main[pf - p->funcs])
            continue;
        for (size_t j = 0; j < pf->f->ncalls; j++)
            clear_targets(o, &pf->calls[j], work, &nwork);
    }
    free(work);
    o->owner = r->site_func;
    o->start = r->site_call;
    o->join = join_call(m, ri);
    if (o->join < 0)
        helper_join(m, ri, o);
    compute_during(m, ri, o);
    return o;
}

/*
 * The call of root ri's spawner that waits for it (a matching join or pool
 * wait after the spawn, on the same handle when both show one; not on an
 * error path, not inside the spawning loop), or -1.
 */
static int join_call(const struct shared_model *m, int ri)
{
    const struct program *p = m->p;
    const struct prog_root *r = &p->roots[ri];
    const struct cat_spawn *cat;
    const struct fact_func *f;
    const struct fact_call *c;
    const char *handle = NULL;
    if (r->kind != PROG_ROOT_SPAWN || r->site_func < 0)
        return -1;
    (void)program_spawn_context_arg(p, ri, &cat);
    if (!cat)
        return -1;
    f = p->funcs[r->site_func].f;
    c = &f->calls[r->site_call];
    if (cat->handle >= 0 && cat->handle < (int)c->nargs)
        handle = c->args[cat->handle].ref;
    for (size_t k = (size_t)r->site_call + 1; k < f->ncalls; k++) {
        const struct fact_call *w = &f->calls[k];
        const struct cat_wait *cw;
        int match = 0;
        for (size_t i = 0; i < cat->nwaits && !match; i++)
            match = w->name && strcmp(w->name, cat->waits[i]) == 0;
        if (!match || w->cond > c->cond ||
            (w->loop >= 0 && loop_in(f, c->loop, w->loop)))
            continue;
        cw = catalog_wait(p->cat, w->name);
        if (handle && cw && cw->handle >= 0 && cw->handle < (int)w->nargs &&
            w->args[cw->handle].ref &&
            strcmp(w->args[cw->handle].ref, handle) != 0)
            continue;
        return (int)k;
    }
    return -1;
}

/* Function g (or a callee, bounded) calls one of cat's waits on a handle
 * naming member `member` (p->workers[i]) unconditionally. */
static int joins_member(const struct program *p, int g,
                        const struct cat_spawn *cat, const char *member)
{
    int stack[64], seen[64], n = 0, ns = 0;
    stack[n++] = g;
    seen[ns++] = g;
    while (n) {
        const struct prog_func *pf = &p->funcs[stack[--n]];
        for (size_t k = 0; k < pf->f->ncalls; k++) {
            const struct fact_call *w = &pf->f->calls[k];
            const struct cat_wait *cw = NULL;
            char fb[128];
            for (size_t i = 0; i < cat->nwaits && !cw; i++)
                if (w->name && strcmp(w->name, cat->waits[i]) == 0)
                    cw = catalog_wait(p->cat, w->name);
            if (cw && cw->handle >= 0 && cw->handle < (int)w->nargs &&
                !w->cond && w->args[cw->handle].text) {
                const char *f =
                    text_field(fb, sizeof(fb), w->args[cw->handle].text);
                if (f && strcmp(f, member) == 0)
                    return 1;
            }
            for (int t = 0; t < pf->calls[k].ntargets; t++) {
                int dup = 0, tg = pf->calls[k].targets[t];
                for (int q = 0; q < ns && !dup; q++)
                    dup = seen[q] == tg;
                if (!dup && ns < 64 && n < 64) {
                    seen[ns++] = tg;
                    stack[n++] = tg;
                }
            }
        }
    }
    return 0;
}

/*
 * A thread whose handle is a member (pool->workers[i]) that its spawner
 * does not join: a main-thread function on the way to the spawn that later
 * calls a helper joining that member (pool_start ... pool_stop) bounds it.
 */
static void helper_join(const struct shared_model *m, int ri,
                        struct root_order *o)
{
    const struct program *p = m->p;
    const struct prog_root *r = &p->roots[ri];
    const struct cat_spawn *cat;
    const struct fact_call *sc;
    char member[128];
    if (r->kind != PROG_ROOT_SPAWN || r->site_func < 0)
        return;
    (void)program_spawn_context_arg(p, ri, &cat);
    sc = &p->funcs[r->site_func].f->calls[r->site_call];
    if (!cat || cat->handle < 0 || cat->handle >= (int)sc->nargs ||
        !text_field(member, sizeof(member), sc->args[cat->handle].text))
        return;
    for (size_t x = 0; x < p->nfuncs; x++) {
        const struct prog_func *pf = &p->funcs[x];
        const struct fact_call *lc;
        int l = o->lead[x];
        if (l < 0 || !m->in_main[x] || m->nctx[x])
            continue;
        lc = &pf->f->calls[l];
        for (size_t k = (size_t)l + 1; k < pf->f->ncalls; k++) {
            const struct fact_call *c = &pf->f->calls[k];
            if (c->cond > lc->cond || pf->calls[k].kind != PCALL_DIRECT ||
                (c->loop >= 0 && loop_in(pf->f, lc->loop, c->loop)) ||
                !joins_member(p, pf->calls[k].targets[0], cat, member))
                continue;
            o->owner = (int)x;
            o->start = l;
            o->join = (int)k;
            return;
        }
    }
}

/*
 * A wait in func for root ri's handle when that handle is a global (the
 * threads array a cleanup function joins), or -1.
 */
static int global_join(const struct shared_model *m, int func, int ri)
{
    const struct program *p = m->p;
    const struct prog_root *r = &p->roots[ri];
    const struct cat_spawn *cat;
    const struct fact_func *f = p->funcs[func].f;
    const struct fact_arg *h;
    (void)program_spawn_context_arg(p, ri, &cat);
    if (!cat || cat->handle < 0 ||
        cat->handle >= (int)p->funcs[r->site_func].f->calls[r->site_call].nargs)
        return -1;
    h = &p->funcs[r->site_func].f->calls[r->site_call].args[cat->handle];
    if (!h->ref || h->local)
        return -1;
    for (size_t k = 0; k < f->ncalls; k++) {
        const struct fact_call *w = &f->calls[k];
        const struct cat_wait *cw;
        int match = 0;
        for (size_t i = 0; i < cat->nwaits && !match; i++)
            match = w->name && strcmp(w->name, cat->waits[i]) == 0;
        cw = match ? catalog_wait(p->cat, w->name) : NULL;
        if (cw && cw->handle >= 0 && cw->handle < (int)w->nargs &&
            w->args[cw->handle].ref &&
            strcmp(w->args[cw->handle].ref, h->ref) == 0 && !w->cond)
            return (int)k;
    }
    return -1;
}

/*
 * Join w sits in a counted loop and waits for the counter's element
 * ("for (i...) { join(t[i]); sum += part[i]; }"): what follows it in the
 * round is taken to use that thread's element, ordered after its end.
 */
static int joins_by_counter(const struct shared_model *m,
                            const struct fact_func *f, int w)
{
    const struct fact_call *c = &f->calls[w];
    const struct cat_wait *cw = catalog_wait(m->p->cat, c->name);
    const char *ctr, *name, *text;
    char want[80];
    if (c->loop < 0 || !cw || cw->handle < 0 || cw->handle >= (int)c->nargs)
        return 0;
    ctr = f->loops[c->loop].counter;
    text = c->args[cw->handle].text;
    name = ctr ? strrchr(ctr, '@') : NULL;
    if (!name || !text)
        return 0;
    snprintf(want, sizeof(want), "[%s]", name + 1);
    return strstr(text, want) != NULL;
}

/* A position of root r's spawner comes after the matching join or wait. */
static int post_join(const struct shared_model *m, int func, int seq, int loop,
                     int ri)
{
    const struct fact_func *f = m->p->funcs[func].f;
    int w = m->order[ri]->owner == func ? m->order[ri]->join
                                        : global_join(m, func, ri);
    if (w < 0 || seq <= f->calls[w].seq)
        return 0;
    if (!(loop >= 0 && loop_in(f, f->calls[w].loop, loop)))
        return 1;
    return loop == f->calls[w].loop && joins_by_counter(m, f, w);
}

/*
 * A root its spawner waits for lives only while the spawner runs between
 * the spawn and the join: the main thread's other code is ordered with it.
 * during[] gets the functions called in that stretch (through calls).
 */
static void compute_during(struct shared_model *m, int ri, struct root_order *o)
{
    const struct program *p = m->p;
    const struct prog_root *r = &p->roots[ri];
    int w = o->join, *stack;
    size_t n = 0;
    const struct prog_func *sf;
    if (w < 0)
        return;
    o->closed = 1;
    o->during = xcalloc(p->nfuncs + 1, 1);
    stack = xmalloc((p->nfuncs + 1) * sizeof(int));
    (void)r;
    sf = &p->funcs[o->owner];
    for (size_t k = 0; k < sf->f->ncalls; k++) {
        const struct fact_call *c = &sf->f->calls[k];
        int in_loop = c->loop >= 0 &&
                      loop_in(sf->f, sf->f->calls[o->start].loop, c->loop);
        if (!(((int)k >= o->start && (int)k < w) || in_loop))
            continue;
        for (int t = 0; t < sf->calls[k].ntargets; t++)
            if (!o->during[sf->calls[k].targets[t]]) {
                o->during[sf->calls[k].targets[t]] = 1;
                stack[n++] = sf->calls[k].targets[t];
            }
    }
    while (n) {
        const struct prog_func *pf = &p->funcs[stack[--n]];
        for (size_t k = 0; k < pf->f->ncalls; k++)
            for (int t = 0; t < pf->calls[k].ntargets; t++)
                if (!o->during[pf->calls[k].targets[t]]) {
                    o->during[pf->calls[k].targets[t]] = 1;
                    stack[n++] = pf->calls[k].targets[t];
                }
    }
    free(stack);
}

/* A position of func, run by context ctx, is ordered with root ri. */
static int position_ordered(struct shared_model *m, int func, int seq, int loop,
                            int ctx, int ri)
{
    const struct prog_root *r = &m->p->roots[ri];
    const struct fact_func *f = m->p->funcs[func].f;
    if (func == r->site_func && before_call(f, seq, loop, r->site_call))
        return 1;
    if (ctx < 0) {
        const struct root_order *o = root_order(m, ri);
        if (o->before[func] &&
            (o->lead[func] < 0 || before_call(f, seq, loop, o->lead[func])))
            return 1;
        if (o->closed && func != r->site_func && func != o->owner &&
            !o->during[func])
            return 1;
    }
    (void)root_order(m, ri);
    return post_join(m, func, seq, loop, ri);
}

/* The thread a root's code runs on: a loop callback runs on its loop's. */
static int thread_of(const struct program *p, int ri)
{
    for (int guard = 0; guard < 16; guard++) {
        const struct prog_root *r = &p->roots[ri];
        int up;
        if (r->ctx != PROG_CTX_LOOP || r->site_func < 0)
            break;
        up = p->funcs[r->site_func].conc.root;
        if (up < 0 || up == ri)
            break;
        ri = up;
    }
    return ri;
}

/*
 * A root its main-thread spawner starts once (not in a loop) and joins
 * before returning: one instance at a time, whatever other sites start
 * the same function.
 */
static int closed_on_main(struct shared_model *m, int ri)
{
    const struct prog_root *r = &m->p->roots[ri];
    if (r->kind != PROG_ROOT_SPAWN || r->site_func < 0 ||
        m->nctx[r->site_func] || !m->in_main[r->site_func])
        return 0;
    return root_order(m, ri)->closed;
}

static int lone(struct shared_model *m, int ri)
{
    const struct prog_root *r = &m->p->roots[ri];
    enum sw_pool_role role = SW_POOL_SUBMIT;
    /* A pool made once runs its task function for every item pushed, in
     * several workers (one submit, uv_queue_work, is one task). */
    if (r->ctx == PROG_CTX_POOL && r->api &&
        catalog_pool(m->p->cat, r->api, &role) && role == SW_POOL_CREATE)
        return 0;
    return closed_on_main(m, ri) &&
           m->p->funcs[r->site_func].f->calls[r->site_call].loop < 0;
}

/* Two such roots whose spawners do not run inside each other's stretch. */
static int apart(struct shared_model *m, int ra, int rb)
{
    int sa, sb;
    if (!closed_on_main(m, ra) || !closed_on_main(m, rb))
        return 0;
    sa = m->p->roots[ra].site_func;
    sb = m->p->roots[rb].site_func;
    return sa != sb && !root_order(m, ra)->during[sb] &&
           !root_order(m, rb)->during[sa];
}

/* Instance a (in its context) is ordered with every run of root ri. */
static int ordered(struct shared_model *m, const struct shared_inst *a, int ri)
{
    const struct fact_access *fa = &m->p->funcs[a->func].f->accesses[a->access];
    const struct prog_root *r = &m->p->roots[ri];
    if (r->kind != PROG_ROOT_SPAWN || r->site_func < 0)
        return 0;
    return position_ordered(m, a->func, fa->seq, fa->loop, a->ctx, ri);
}

/* ---- objects reached through a context argument ------------------------ */

/* The member named first in an argument's text ("&g.sub" -> "sub"). */
static const char *text_field(char *buf, size_t size, const char *text)
{
    const char *s = text ? strpbrk(text, ".-") : NULL;
    size_t n = 0;
    if (!s)
        return NULL;
    s += *s == '-' ? (s[1] == '>' ? 2 : 0) : 1;
    if (*s == '-' || !*s)
        return NULL;
    while (*s == ' ')
        s++;
    while ((s[n] == '_' || (s[n] >= 'a' && s[n] <= 'z') ||
            (s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= '0' && s[n] <= '9')) &&
           n + 1 < size) {
        buf[n] = s[n];
        n++;
    }
    buf[n] = '\0';
    return n ? buf : NULL;
}

/* &g or &g.sub handed on: global g (member sub), unless g never races. */
static int global_obj(struct shared_model *m, const struct fact_arg *a,
                      const char **field, char *fbuf, size_t fsize)
{
    if (strmap_get(m->skip, a->ref) >= 0 || strmap_get(m->globals, a->ref) < 0)
        return -1; /* &p->f of a local pointer is not a global */
    if (text_field(fbuf, fsize, a->text))
        *field = fbuf; /* the thread's "c->n" is a part of g.sub */
    return obj_id(m, a->ref, a->text[0] == '&' ? a->text + 1 : a->text);
}

/*
 * The object "param:N" of func denotes when it runs in root ri: followed
 * up ri's call path to the spawn.  Returns -1 when unknown or when each
 * instance of the thread gets its own object (&items[i], a pointer
 * assigned anew in the spawning loop).  *field may be narrowed to the
 * member the argument names (&g.sub).
 */
static int resolve_param(struct shared_model *m, int ri, int func, int n,
                         const char **field, char *fbuf, size_t fsize)
{
    const struct program *p = m->p;
    const struct prog_root *r = &p->roots[ri];
    char key[512];
    for (int guard = 0; guard < 64; guard++) {
        const struct fact_arg *a;
        const struct fact_call *c;
        int call, up, arg;
        const struct cat_spawn *cat;
        if (func == r->func && r->kind == PROG_ROOT_SPAWN) {
            /* The start routine receives the context as its only
             * parameter (a two-parameter pool task gets it elsewhere). */
            if (n != 0 || p->funcs[func].f->nparams != 1)
                return -1;
            arg = program_spawn_context_arg(p, (int)(r - p->roots), &cat);
            if (arg < 0)
                return -1;
            c = &p->funcs[r->site_func].f->calls[r->site_call];
            a = &c->args[arg];
            if (a->kind == FACT_ARG_ADDR && a->ref && a->text &&
                !strchr(a->text, '[')) {
                if (!a->local)
                    return global_obj(m, a, field, fbuf, fsize);
                snprintf(key, sizeof(key), "local:%s", a->ref);
                return obj_id(m, key, a->text);
            }
            if (a->kind == FACT_ARG_VAR && a->ref && !a->fresh) {
                snprintf(key, sizeof(key), "ptr:%s", a->ref);
                return obj_id(m, key, a->text);
            }
            return -1;
        }
        up = program_conc_parent(p, (int)(r - p->roots), func, &call);
        if (up < 0 || call < 0 ||
            p->funcs[up].calls[call].kind == PCALL_INDIRECT)
            return -1;
        c = &p->funcs[up].f->calls[call];
        if (n >= (int)c->nargs)
            return -1;
        a = &c->args[n];
        if (a->kind == FACT_ARG_PARAM && a->param >= 0) {
            func = up;
            n = a->param;
            continue;
        }
        if (a->kind == FACT_ARG_ADDR && a->ref && !a->local && a->text &&
            !strchr(a->text, '['))
            return global_obj(m, a, field, fbuf, fsize);
        if (a->kind == FACT_ARG_VAR && a->ref && !a->local &&
            strmap_get(m->globals, a->ref) >= 0) {
            snprintf(key, sizeof(key), "ptr:%s", a->ref);
            return obj_id(m, key, a->text);
        }
        return -1;
    }
    return -1;
}

/* ---- per-thread slots -------------------------------------------------------
 */

/* The variable a data key names ("USR", "USR.f", "USR:f"): its length. */
static size_t key_var_len(const char *key)
{
    const char *at = strrchr(key, '@');
    const char *s = at ? at : key;
    return (size_t)(s - key) + strcspn(s, ".:");
}

static int same_var(const char *a, const char *b)
{
    size_t n = key_var_len(a);
    return n == key_var_len(b) && strncmp(a, b, n) == 0;
}

/*
 * 1 when every value of data key `key` in f comes from parameter `param`:
 * a variable is derived when something derived flows into it and nothing
 * else does (other than itself: i++), starting from the parameter.
 */
static int derived_from(const struct fact_func *f, const char *param,
                        const char *key)
{
    const char *set[32];
    size_t n = 1;
    int changed = 1;
    set[0] = param;
    for (int pass = 0; changed && pass < 32; pass++) {
        changed = 0;
        for (size_t i = 0; i < f->nflows && n < 32; i++) {
            const char *to = f->flows[i].to;
            int in = 0, out = 0;
            size_t k;
            if (!to || to[0] == '=' || to[key_var_len(to)] == ':')
                continue; /* p->f = v changes *p, not p */
            for (k = 0; k < n && !same_var(set[k], to); k++)
                ;
            if (k < n)
                continue; /* already derived */
            for (size_t j = 0; j < f->nflows; j++) {
                const struct fact_flow *fl = &f->flows[j];
                int d = 0;
                if (!fl->to || !same_var(fl->to, to) ||
                    fl->to[key_var_len(fl->to)] == ':')
                    continue;
                if (fl->from && same_var(fl->from, to))
                    continue; /* i++ */
                for (k = 0; fl->from && k < n; k++)
                    d |= same_var(set[k], fl->from);
                in |= d;
                out |= !d;
            }
            if (in && !out) {
                set[n++] = to;
                changed = 1;
            }
        }
    }
    for (size_t k = 0; k < n; k++)
        if (same_var(set[k], key))
            return 1;
    return 0;
}

/*
 * 1 when access a of func, g[INDEX] with INDEX derived from the start
 * routine's context argument, is the slot of one thread of root ri: the
 * spawn hands each thread in its loop an argument of its own (&ids[i] with
 * the loop's counter, or the counter itself: (void *)(intptr_t)i).
 */
static int own_slot(const struct shared_model *m, int ri, int func,
                    const struct fact_access *a)
{
    const struct program *p = m->p;
    const struct prog_root *r = &p->roots[ri];
    const struct fact_func *f = p->funcs[func].f;
    const struct fact_func *sf;
    const struct fact_call *c;
    const struct fact_arg *arg;
    const struct cat_spawn *cat;
    int ai;
    if (!a->index || r->kind != PROG_ROOT_SPAWN || r->func != func ||
        f->nparams != 1 || !f->params || !f->params[0])
        return 0;
    ai = program_spawn_context_arg(p, ri, &cat);
    if (ai < 0)
        return 0;
    sf = p->funcs[r->site_func].f;
    c = &sf->calls[r->site_call];
    if (c->loop < 0 || ai >= (int)c->nargs)
        return 0;
    arg = &c->args[ai];
    if (arg->kind == FACT_ARG_ADDR && arg->local && arg->text) {
        /* &ids[i]: i must be the counter of the spawning loop. */
        const char *lb = strchr(arg->text, '['), *counter;
        size_t len, clen;
        counter = sf->loops[c->loop].counter;
        if (!lb || !counter)
            return 0;
        lb++;
        len = strcspn(lb, "]");
        clen = strlen(counter);
        if (lb[len] != ']' || len == 0 || clen <= len ||
            counter[clen - len - 1] != '@' ||
            strncmp(counter + clen - len, lb, len) != 0)
            return 0;
    } else if (!(arg->kind == FACT_ARG_VAR && arg->local && arg->ref &&
                 sf->loops[c->loop].counter &&
                 strcmp(arg->ref, sf->loops[c->loop].counter) == 0)) {
        return 0; /* a fresh pointer's fields need not differ */
    }
    return derived_from(f, f->params[0], a->index);
}

/* ---- locks ----------------------------------------------------------------
 */

/*
 * One lock, told apart by its variable; a member lock by its member
 * ("&c->mu": ".mu").  An element of an array of locks is the array.
 */
static const char *lock_id(struct shared_model *m, const struct lock_held *h)
{
    char base[LOCKS_NAME_MAX + 2];
    const char *last = NULL;
    size_t n = strcspn(h->name, "[");
    memcpy(base, h->name, n);
    base[n] = '\0';
    for (char *s = base; *s; s++)
        if (*s == '.' || (s[0] == '-' && s[1] == '>'))
            last = s;
    if (last) {
        char buf[LOCKS_NAME_MAX + 2];
        snprintf(buf, sizeof(buf), ".%s", last + (*last == '.' ? 1 : 2));
        return strmap_intern(m->strs, buf);
    }
    return strmap_intern(m->strs, h->key ? h->key : base);
}

struct lock_pass {
    struct shared_model *m;
    int func;
    int entered;
};

static void on_access(void *data, int access, const struct lock_held *held,
                      size_t nheld)
{
    struct lock_pass *lp = data;
    struct shared_model *m = lp->m;
    struct shared_locks *l = &m->locks[m->lock_base[lp->func] + access];
    l->entered = lp->entered;
    for (size_t k = 0; k < nheld && l->n < SHARED_MAX_LOCKS; k++) {
        l->ids[l->n] = lock_id(m, &held[k]);
        l->rd[l->n] = held[k].shared != 0;
        if (!l->n) { /* the first lock's name, cut to fit */
            size_t len = strnlen(held[k].name, sizeof(l->name) - 1);
            memcpy(l->name, held[k].name, len);
            l->name[len] = '\0';
        }
        l->n++;
    }
}

/*
 * A main-thread call ordered with every concurrent thread (made before any
 * starts, or after all are joined): how it locks does not matter.
 */
static int call_unthreaded(void *data, int func, int call)
{
    struct shared_model *m = data;
    const struct program *p = m->p;
    const struct fact_call *c = &p->funcs[func].f->calls[call];
    if (m->nctx[func] || !m->in_main[func] || !m->threads_spawned)
        return 0;
    for (size_t k = 0; k < m->nthreads; k++)
        if (!position_ordered(m, func, c->seq, c->loop, -1, m->threads[k]))
            return 0;
    return 1;
}

/* ---- wait loops (SW205) -------------------------------------------------- */

/* Calls a waiting loop may make besides sleeps: giving up the processor. */
static const char *const yields[] = {"sched_yield", "thrd_yield",
                                     "pthread_yield", "g_thread_yield",
                                     "uv_thread_yield"};

static int wait_call(const struct program *p, int func, int call)
{
    const struct fact_call *c = &p->funcs[func].f->calls[call];
    const struct cat_blocking *b = program_blocking_api(p, func, call);
    if (b && b->category == SW_CAT_SLEEP)
        return 1;
    for (size_t i = 0; i < sizeof(yields) / sizeof(yields[0]); i++)
        if (c->name && strcmp(c->name, yields[i]) == 0)
            return 1;
    return 0;
}

/* Access q writes (or hands on the address of) the variable access a
 * reads (same member). */
static int writes_same(const struct fact_access *q, const struct fact_access *a)
{
    /* An address handed on counts: atomicIncr(&g.n), a setter's pointer. */
    return (q->flags & (FACT_ACC_WRITE | FACT_ACC_ADDR)) &&
           strcmp(q->var, a->var) == 0 &&
           (!q->field || !a->field || strcmp(q->field, a->field) == 0);
}

/*
 * A call in loop l of func reaches (within a bounded search) a function
 * that writes global a: the loop changes its own condition (a queue it
 * drains), it does not wait for another thread.
 */
static int loop_callees_write(const struct program *p, int func, int l,
                              const struct fact_access *a, unsigned char *seen,
                              int *stack)
{
    const struct prog_func *pf = &p->funcs[func];
    size_t n = 0;
    int hit = 0;
    if (strncmp(a->var, "param:", 6) == 0)
        return 0; /* a callee's parameter names another object */
    memset(seen, 0, p->nfuncs + 1);
    for (size_t j = 0; j < pf->f->ncalls; j++)
        if (loop_in(pf->f, pf->f->calls[j].loop, l))
            for (int t = 0; t < pf->calls[j].ntargets; t++)
                if (!seen[pf->calls[j].targets[t]]) {
                    seen[pf->calls[j].targets[t]] = 1;
                    stack[n++] = pf->calls[j].targets[t];
                }
    while (n && !hit) {
        const struct prog_func *g = &p->funcs[stack[--n]];
        for (size_t k = 0; k < g->f->naccesses && !hit; k++)
            hit = writes_same(&g->f->accesses[k], a);
        for (size_t j = 0; j < g->f->ncalls; j++)
            for (int t = 0; t < g->calls[j].ntargets; t++)
                if (!seen[g->calls[j].targets[t]]) {
                    seen[g->calls[j].targets[t]] = 1;
                    stack[n++] = g->calls[j].targets[t];
                }
    }
    return hit;
}

/*
 * A waiting loop (not a counted for, not "do ... while (0)") polls a
 * variable: it reads it in an exit test (the condition, or an if that
 * breaks out), or anywhere in a loop that does nothing but sleep and
 * yield; and neither the loop nor what it calls writes the variable.
 */
static void compute_waits(struct shared_model *m, int func)
{
    const struct program *p = m->p;
    const struct fact_func *f = p->funcs[func].f;
    signed char *w = xmalloc(f->naccesses + 1);
    unsigned char *seen = NULL;
    int *stack = NULL;
    memset(w, -1, f->naccesses + 1);
    for (size_t l = 0; l < f->nloops && l < 127; l++) {
        int plain = !f->loops[l].local_writes, waiting;
        if (f->loops[l].counter || f->loops[l].once)
            continue;
        for (size_t j = 0; j < f->ncalls && plain; j++)
            if (loop_in(f, f->calls[j].loop, (int)l) &&
                !wait_call(p, func, (int)j))
                plain = 0;
        for (size_t k = 0; k < f->naccesses; k++) {
            const struct fact_access *a = &f->accesses[k];
            int own_write = 0;
            waiting = plain || (a->test && a->loop == (int)l);
            if (!waiting || w[k] >= 0 || !loop_in(f, a->loop, (int)l) ||
                !(a->flags & FACT_ACC_READ) || (a->flags & FACT_ACC_ATOMIC))
                continue;
            for (size_t q = 0; q < f->naccesses && !own_write; q++)
                own_write = loop_in(f, f->accesses[q].loop, (int)l) &&
                            writes_same(&f->accesses[q], a);
            if (!own_write && !plain) {
                if (!seen) {
                    seen = xmalloc(p->nfuncs + 1);
                    stack = xmalloc((p->nfuncs + 1) * sizeof(int));
                }
                own_write = loop_callees_write(p, func, (int)l, a, seen, stack);
            }
            if (!own_write)
                w[k] = (signed char)l;
        }
    }
    free(seen);
    free(stack);
    m->waits[func] = w;
}

/*
 * 1 when root ri reaches func through another context's event-loop code
 * without running that loop itself: an I/O thread that calls the main
 * loop's read handler.  That code runs in the thread under modes the
 * analysis cannot see (a flag that stops it before the command runs), so
 * it is left to the loop's own context.
 */
static int borrowed(const struct shared_model *m, int ri, int func,
                    signed char *memo, int *up)
{
    const struct program *p = m->p;
    int n = 0, f = func, ans;
    /* Up the search tree to a function answered already, or the root. */
    while (f >= 0 && memo[f] < 0) {
        up[n++] = f;
        f = program_conc_parent(p, ri, f, NULL);
    }
    ans = f >= 0 ? memo[f] : 0;
    /*
     * Down again: a function is borrowed when its caller is, or when it
     * is another context's loop code (not at the root) and the path above
     * it does not run that loop's function.
     */
    while (n-- > 0) {
        int x = up[n];
        int l = p->funcs[x].reach[PROG_CTX_LOOP].root;
        if (!ans && l >= 0 && thread_of(p, l) != ri &&
            program_conc_parent(p, ri, x, NULL) >= 0) {
            int lf = p->roots[l].func, run = 0, a = x;
            for (int q = 0; q < 256 && !run; q++) {
                a = program_conc_parent(p, ri, a, NULL);
                if (a < 0)
                    break;
                run = a == lf; /* the thread runs that loop itself */
            }
            ans = !run;
        }
        memo[x] = (signed char)ans;
    }
    return ans;
}

/* ---- building ------------------------------------------------------------ */

static int cmp_inst(const void *x, const void *y)
{
    const struct shared_inst *a = x, *b = y;
    int c;
    if (a->obj != b->obj)
        return a->obj < b->obj ? -1 : 1;
    if (!a->field || !b->field)
        c = (a->field != NULL) - (b->field != NULL);
    else
        c = strcmp(a->field, b->field);
    if (c)
        return c;
    if (a->func != b->func)
        return a->func < b->func ? -1 : 1;
    if (a->access != b->access)
        return a->access < b->access ? -1 : 1;
    return a->ctx < b->ctx ? -1 : a->ctx > b->ctx;
}

struct shared_model *shared_build(const struct program *p)
{
    struct shared_model *m = xcalloc(1, sizeof(*m));
    struct strmap *skip = m->skip = strmap_new();
    m->globals = strmap_new();
    m->atomics = strmap_new();
    struct lock_summaries sums;
    unsigned char *entered;
    size_t nacc = 0, nf = p->nfuncs + 1;
    signed char *memo; /* borrowed() of each function for one root */
    int *up;           /* its scratch */

    m->p = p;
    m->objs = strmap_new();
    m->strs = strmap_new();
    m->lock_base = xcalloc(nf, sizeof(*m->lock_base));
    m->ctxs = xcalloc(nf, sizeof(*m->ctxs));
    m->nctx = xcalloc(nf, sizeof(*m->nctx));
    m->in_main = xcalloc(nf, 1);
    m->order = xcalloc(p->nroots + 1, sizeof(*m->order));
    m->waits = xcalloc(nf, sizeof(*m->waits));
    params_summarise(&m->params, p);

    for (size_t t = 0; t < p->ntus; t++)
        for (size_t g = 0; g < p->tus[t]->nglobals; g++) {
            const struct fact_global *gl = &p->tus[t]->globals[g];
            strmap_put(m->globals, gl->usr, 1);
            if (gl->is_atomic)
                strmap_put(m->atomics, gl->usr, 1);
            if (gl->owner || gl->is_const || gl->is_atomic || gl->is_tls)
                strmap_put(skip, gl->usr, 1);
        }
    for (size_t i = 0; i < p->nfuncs; i++) {
        const struct prog_func *pf = &p->funcs[i];
        m->lock_base[i] = nacc;
        nacc += pf->f->naccesses;
        for (int k = 0; k < PROG_CTX_COUNT; k++)
            if (pf->reach[k].root >= 0 && !conc_root(p, pf->reach[k].root) &&
                !start_entry(p, pf->reach[k].root))
                m->in_main[i] = 1;
    }
    m->lock_base[p->nfuncs] = nacc;
    m->locks = xcalloc(nacc + 1, sizeof(*m->locks));
    /* Concurrent contexts, one root at a time (its search tree is hot). */
    memo = xmalloc(nf);
    up = xmalloc(nf * sizeof(*up));
    for (size_t r = 0; r < p->nroots; r++) {
        if (!conc_root(p, (int)r))
            continue;
        memset(memo, -1, nf);
        for (size_t i = 0; i < p->nfuncs; i++) {
            const struct fact_func *f = p->funcs[i].f;
            if (program_conc_parent(p, (int)r, (int)i, NULL) == -2 ||
                m->nctx[i] >= SHARED_MAX_CTX ||
                borrowed(m, (int)r, (int)i, memo, up))
                continue;
            m->ctxs[i][m->nctx[i]++] = (int)r;
            for (size_t k = 0; k < f->naccesses; k++) {
                const struct fact_access *a = &f->accesses[k];
                const char *field = a->field;
                char fbuf[128];
                int obj;
                if (!(a->flags &
                      (FACT_ACC_READ | FACT_ACC_WRITE | FACT_ACC_ADDR)) ||
                    (a->flags & FACT_ACC_ATOMIC))
                    continue;
                if (strncmp(a->var, "param:", 6) == 0) {
                    obj = resolve_param(m, (int)r, (int)i, atoi(a->var + 6),
                                        &field, fbuf, sizeof(fbuf));
                    if (obj < 0)
                        continue;
                } else if (strmap_get(skip, a->var) >= 0 ||
                           own_slot(m, (int)r, (int)i, a)) {
                    continue;
                } else {
                    obj = obj_id(m, a->var, a->name);
                }
                add_inst(m, (int)i, (int)k, (int)r, obj, field, a->flags);
            }
        }
    }
    free(memo);
    free(up);
    /* The main thread: globals only (its objects behind pointers are not
     * followed). */
    for (size_t i = 0; i < p->nfuncs; i++) {
        const struct fact_func *f = p->funcs[i].f;
        if (!m->in_main[i])
            continue;
        for (size_t k = 0; k < f->naccesses; k++) {
            const struct fact_access *a = &f->accesses[k];
            if (!(a->flags &
                  (FACT_ACC_READ | FACT_ACC_WRITE | FACT_ACC_ADDR)) ||
                (a->flags & FACT_ACC_ATOMIC) ||
                strncmp(a->var, "param:", 6) == 0 ||
                strmap_get(skip, a->var) >= 0)
                continue;
            add_inst(m, (int)i, (int)k, -1, obj_id(m, a->var, a->name),
                     a->field, a->flags);
        }
    }
    if (m->inst.n)
        qsort(m->inst.items, m->inst.n, sizeof(*m->inst.items), cmp_inst);

    /* The threads of the concurrent roots, for call_unthreaded(). */
    m->threads = xcalloc(p->nroots + 1, sizeof(*m->threads));
    m->threads_spawned = 1;
    for (size_t r = 0; r < p->nroots; r++) {
        int t;
        size_t k = 0;
        if (!conc_root(p, (int)r))
            continue;
        t = thread_of(p, (int)r);
        if (p->roots[t].kind != PROG_ROOT_SPAWN)
            m->threads_spawned = 0;
        while (k < m->nthreads && m->threads[k] != t)
            k++;
        if (k == m->nthreads)
            m->threads[m->nthreads++] = t;
    }
    /* Locks at every access of a function that runs somewhere. */
    locks_summaries_init(&sums, p);
    entered = locks_entered_locked_ignoring(p, &sums, call_unthreaded, m);
    for (size_t i = 0; i < p->nfuncs; i++) {
        struct lock_pass lp = {m, (int)i, entered[i]};
        if (!m->nctx[i] && !m->in_main[i])
            continue;
        locks_walk_accesses(p, &sums, (int)i, on_access, &lp);
        compute_waits(m, (int)i);
    }
    free(entered);
    locks_summaries_release(&sums);
    return m;
}

static void *build_model(const struct program *p)
{
    return shared_build(p);
}

static void release_model(void *m)
{
    shared_free(m);
}

struct shared_model *shared_get(const struct program *p)
{
    return program_memo(p, PROG_MEMO_SHARED, build_model, release_model);
}

void shared_free(struct shared_model *m)
{
    if (!m)
        return;
    free(m->threads);
    for (size_t r = 0; r < m->p->nroots; r++)
        if (m->order[r]) {
            free(m->order[r]->lead);
            free(m->order[r]->before);
            free(m->order[r]->during);
            free(m->order[r]);
        }
    for (size_t i = 0; i < m->p->nfuncs; i++)
        free(m->waits[i]);
    free(m->waits);
    params_release(&m->params);
    free(m->order);
    free(m->lead_at);
    free(m->lead_edge);
    free(m->in_main);
    free(m->nctx);
    free(m->ctxs);
    free(m->locks);
    free(m->lock_base);
    free(m->inst.items);
    free(m->names.items);
    strmap_free(m->objs);
    strmap_free(m->strs);
    strmap_free(m->skip);
    strmap_free(m->globals);
    strmap_free(m->atomics);
    free(m);
}

size_t shared_count(const struct shared_model *m)
{
    return m->inst.n;
}

const struct shared_inst *shared_at(const struct shared_model *m, size_t i)
{
    return &m->inst.items[i];
}

const char *shared_obj_name(const struct shared_model *m, int obj)
{
    return obj >= 0 && (size_t)obj < m->names.n ? m->names.items[obj] : "?";
}

const struct shared_locks *shared_locks_at(const struct shared_model *m,
                                           const struct shared_inst *a)
{
    return &m->locks[m->lock_base[a->func] + (size_t)a->access];
}

int shared_wait_loop(const struct shared_model *m, int func, int access)
{
    if (func < 0 || (size_t)func >= m->p->nfuncs || !m->waits[func] ||
        access < 0 || (size_t)access >= m->p->funcs[func].f->naccesses)
        return -1;
    return m->waits[func][access];
}

long shared_wait_writer(const struct shared_model *m, size_t i)
{
    const struct shared_inst *a = shared_at(m, i);
    size_t j = i;
    if (shared_wait_loop(m, a->func, a->access) < 0)
        return -1;
    while (j > 0 && shared_at(m, j - 1)->obj == a->obj)
        j--; /* sorted by object: its instances are neighbours */
    for (; j < m->inst.n && shared_at(m, j)->obj == a->obj; j++) {
        const struct shared_inst *w = shared_at(m, j);
        if ((w->flags & FACT_ACC_WRITE) &&
            shared_wait_loop(m, w->func, w->access) < 0 && shared_race(m, a, w))
            return (long)j;
    }
    return -1;
}

const char *shared_access_name(const struct fact_access *a, char *buf,
                               size_t size)
{
    if (a->field && strncmp(a->var, "param:", 6) != 0) {
        snprintf(buf, size, "%s.%s", a->name, a->field);
        return buf;
    }
    return a->name;
}

int shared_func_has_ctx(const struct shared_model *m, int func)
{
    return m->nctx[func] > 0 || m->in_main[func];
}

static int common_lock(const struct shared_locks *a,
                       const struct shared_locks *b)
{
    if ((a->entered && (b->n || b->entered)) || (b->entered && a->n))
        return 1; /* a caller's lock: assume it is the other side's */
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < b->n; j++)
            if (a->ids[i] == b->ids[j] && !(a->rd[i] && b->rd[j]))
                return 1;
    return 0;
}

static int atomic_access(const struct shared_model *m,
                         const struct fact_access *x)
{
    return (x->flags & FACT_ACC_ATOMIC) || strmap_get(m->atomics, x->var) >= 0;
}

/*
 * Function fr reads atomic `var` in an exit test of a loop before access
 * xr (not in a loop around xr), itself or in a function such a test calls
 * ("if (getPending(id) != 0) break;").
 */
static int flag_waited_before(const struct shared_model *m, int func,
                              const struct fact_access *xr, const char *var)
{
    const struct prog_func *pf = &m->p->funcs[func];
    const struct fact_func *fr = pf->f;
    for (size_t q = 0; q < fr->naccesses; q++) {
        const struct fact_access *t = &fr->accesses[q];
        if (t->test && t->loop >= 0 && t->seq < xr->seq &&
            strcmp(t->var, var) == 0 && atomic_access(m, t) &&
            !loop_in(fr, xr->loop, t->loop))
            return 1;
    }
    for (size_t j = 0; j < fr->ncalls; j++) {
        const struct fact_call *c = &fr->calls[j];
        const struct fact_func *g;
        if (!c->test || c->loop < 0 || c->seq >= xr->seq ||
            pf->calls[j].kind != PCALL_DIRECT || loop_in(fr, xr->loop, c->loop))
            continue;
        g = m->p->funcs[pf->calls[j].targets[0]].f;
        for (size_t q = 0; q < g->naccesses; q++)
            if (strcmp(g->accesses[q].var, var) == 0 &&
                atomic_access(m, &g->accesses[q]))
                return 1;
    }
    return 0;
}

/* Function fw writes the object of xw after position seq. */
static int written_after(const struct fact_func *fw,
                         const struct fact_access *xw, int seq)
{
    for (size_t q = 0; q < fw->naccesses; q++)
        if (fw->accesses[q].seq > seq &&
            strcmp(fw->accesses[q].var, xw->var) == 0 &&
            (fw->accesses[q].flags & FACT_ACC_WRITE))
            return 1;
    return 0;
}

/*
 * Publication through an atomic flag: after write w its function stores
 * (or hands on) an atomic flag, itself or in a function it calls, and
 * writes the object no more; read r comes after a loop of its function
 * that waited for that flag in an exit test.
 */
static int published(const struct shared_model *m, const struct shared_inst *w,
                     const struct shared_inst *r)
{
    const struct prog_func *pw = &m->p->funcs[w->func];
    const struct fact_func *fw = pw->f;
    const struct fact_access *xw = &fw->accesses[w->access];
    const struct fact_access *xr = &m->p->funcs[r->func].f->accesses[r->access];
    if (w->func == r->func)
        return 0;
    for (size_t k = 0; k < fw->naccesses; k++) {
        const struct fact_access *f = &fw->accesses[k];
        if (f->seq > xw->seq && atomic_access(m, f) &&
            (f->flags & (FACT_ACC_WRITE | FACT_ACC_ADDR)) &&
            !written_after(fw, xw, f->seq) &&
            flag_waited_before(m, r->func, xr, f->var))
            return 1;
    }
    for (size_t j = 0; j < fw->ncalls; j++) {
        const struct fact_call *c = &fw->calls[j];
        const struct fact_func *g;
        if (c->seq <= xw->seq || pw->calls[j].kind != PCALL_DIRECT ||
            written_after(fw, xw, c->seq))
            continue;
        g = m->p->funcs[pw->calls[j].targets[0]].f;
        for (size_t q = 0; q < g->naccesses; q++) {
            const struct fact_access *f = &g->accesses[q];
            if (atomic_access(m, f) &&
                (f->flags & (FACT_ACC_WRITE | FACT_ACC_ADDR)) &&
                flag_waited_before(m, r->func, xr, f->var))
                return 1;
        }
    }
    return 0;
}

int shared_race(const struct shared_model *m, const struct shared_inst *a,
                const struct shared_inst *b)
{
    const struct program *p = m->p;
    struct shared_model *mm = (struct shared_model *)m; /* lazy caches */
    if (a->obj != b->obj || !((a->flags | b->flags) & FACT_ACC_WRITE))
        return 0;
    if (a->field && b->field && a->field != b->field)
        return 0; /* interned: different members */
    if (a->ctx < 0 && b->ctx < 0)
        return 0; /* both on the main thread */
    if (a->ctx >= 0 && b->ctx >= 0) {
        int ta = thread_of(p, a->ctx), tb = thread_of(p, b->ctx);
        if (ta == tb && (!p->roots[ta].multi || lone(mm, ta)))
            return 0;
        if (ta != tb && apart(mm, ta, tb))
            return 0;
    }
    /*
     * Main against a thread: the thread's side must be code of its own, or
     * the very function main runs.  Code both run through shared call
     * chains (a loop handler an I/O thread also calls) is usually kept
     * apart by a mode the analysis cannot see.
     */
    if ((a->ctx < 0) != (b->ctx < 0)) {
        const struct shared_inst *t = a->ctx < 0 ? b : a;
        const struct shared_inst *u = a->ctx < 0 ? a : b;
        if (m->in_main[t->func] && t->func != u->func)
            return 0;
    }
    if (b->ctx >= 0 && ordered(mm, a, thread_of(p, b->ctx)))
        return 0;
    if (a->ctx >= 0 && ordered(mm, b, thread_of(p, a->ctx)))
        return 0;
    if ((!(b->flags & FACT_ACC_WRITE) && published(m, a, b)) ||
        (!(a->flags & FACT_ACC_WRITE) && published(m, b, a)))
        return 0;
    return !common_lock(shared_locks_at(m, a), shared_locks_at(m, b));
}
