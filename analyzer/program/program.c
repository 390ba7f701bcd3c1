/*
 * Linking facts into a program.  Every step is a pass over functions and
 * call edges (or a worklist over them), so the whole step stays linear in
 * functions plus edges; the fixpoints that follow function pointers through
 * parameters are bounded in rounds.
 */
#include "program/program.h"

#include "common/strmap.h"
#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define MAX_FLOW_ROUNDS 8 /* parameter-to-parameter hops followed */
#define MAX_POLL_DIST 2   /* wrappers between a loop and its event wait */

struct conc_cache;
static struct conc_cache *conc_cache_new(void);
struct prof_cache;
static struct prof_cache *prof_cache_new(void);
static void prof_cache_free(struct prof_cache *pc, size_t nfuncs);

static const char *const ctx_names[] = {
#define X(id, str) str,
    PROG_CTX_KINDS(X)
#undef X
};

const char *prog_ctx_name(enum prog_ctx c)
{
    return (unsigned)c < PROG_CTX_COUNT ? ctx_names[c] : "?";
}

/* A small set of function indexes. */
struct iset {
    int *items;
    size_t n, cap;
};

static int iset_add(struct iset *s, int v)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->items[i] == v)
            return 0;
    VEC_PUSH(*s, v);
    return 1;
}

int program_find(const struct program *p, const char *usr)
{
    return usr ? (int)strmap_get(p->by_usr, usr) : -1;
}

/* program_find() for a reference made in TU `tu`: its own definition first. */
static int find_from(const struct program *p, const char *usr,
                     const struct fact_tu *tu)
{
    int def = program_find(p, usr);
    if (def >= 0 && p->funcs[def].has_dups && tu) {
        char *k = xasprintf("%s@%s", usr, tu->file);
        long alt = strmap_get(p->by_usr, k);
        free(k);
        if (alt >= 0)
            return (int)alt;
    }
    return def;
}

const char *program_api_name(const struct program *p, int func, int call)
{
    const struct prog_func *pf = &p->funcs[func];
    return pf->calls[call].kind == PCALL_API ? pf->f->calls[call].name : NULL;
}

static struct prog_root *add_root(struct program *p, enum prog_root_kind kind,
                                  enum prog_ctx ctx, int func)
{
    struct prog_root *r;
    if (p->nroots == p->roots_cap)
        xgrow((void **)&p->roots, &p->roots_cap, p->nroots + 1,
              sizeof(*p->roots));
    r = &p->roots[p->nroots++];
    memset(r, 0, sizeof(*r));
    r->kind = kind;
    r->ctx = ctx;
    r->func = func;
    r->region_loop = -1;
    r->site_func = -1;
    r->site_call = -1;
    if (ctx == PROG_CTX_LOOP && p->funcs[func].loop_root < 0 &&
        kind != PROG_ROOT_POLL)
        p->funcs[func].loop_root = (int)p->nroots - 1;
    return r;
}

/* ---- linking ---------------------------------------------------------- */

static void link_functions(struct program *p)
{
    size_t total = 0, n = 0;
    for (size_t t = 0; t < p->ntus; t++)
        total += p->tus[t]->nfuncs;
    p->funcs = xcalloc(total ? total : 1, sizeof(*p->funcs));
    for (size_t t = 0; t < p->ntus; t++) {
        const struct fact_tu *tu = p->tus[t];
        for (size_t i = 0; i < tu->nfuncs; i++) {
            const struct fact_func *f = &tu->funcs[i];
            struct prog_func *pf;
            char *key = NULL;
            const char *usr = f->usr;
            /*
             * Each main is its own program's entry: a database can build
             * several executables, and their mains share one USR.
             */
            if (usr && !f->is_static && strcmp(f->name, "main") == 0)
                usr = key = xasprintf("%s@%s", f->usr, tu->file);
            if (!usr) {
                free(key);
                continue;
            }
            {
                long have = strmap_get(p->by_usr, usr);
                /* A function from a header is defined in every TU: keep
                 * one.  Two .c files defining the same external name are
                 * two programs' versions: keep both, each under
                 * "USR@file", and let references prefer their own TU's. */
                if (have >= 0 && strcmp(p->funcs[have].f->file, f->file) == 0) {
                    free(key);
                    continue;
                }
                if (have >= 0) {
                    char *k1 = xasprintf("%s@%s", usr, p->funcs[have].tu->file);
                    char *k2 = xasprintf("%s@%s", usr, tu->file);
                    strmap_put(p->by_usr, k1, have);
                    strmap_put(p->by_usr, k2, (long)n);
                    p->funcs[have].has_dups = 1;
                    free(k1);
                    free(k2);
                } else {
                    strmap_put(p->by_usr, usr, (long)n);
                }
            }
            free(key);
            pf = &p->funcs[n++];
            pf->f = f;
            pf->tu = tu;
            pf->spawn_param = pf->spawn_ctx_param = -1;
            pf->poll_dist = -1;
            pf->loop_root = -1;
            for (int k = 0; k < PROG_CTX_COUNT; k++)
                pf->reach[k].root = -1;
            pf->conc.root = -1;
        }
    }
    p->nfuncs = n;
}

/* Resolves direct calls; indirect ones get their targets later. */
static void resolve_direct(struct program *p)
{
    size_t ncalls = 0, used = 0;
    for (size_t i = 0; i < p->nfuncs; i++)
        ncalls += p->funcs[i].f->ncalls;
    p->target_pool[0] = xmalloc((ncalls ? ncalls : 1) * sizeof(int));
    for (size_t i = 0; i < p->nfuncs; i++) {
        struct prog_func *pf = &p->funcs[i];
        pf->calls =
            xcalloc(pf->f->ncalls ? pf->f->ncalls : 1, sizeof(*pf->calls));
        for (size_t j = 0; j < pf->f->ncalls; j++) {
            const struct fact_call *c = &pf->f->calls[j];
            struct prog_call *pc = &pf->calls[j];
            int def = find_from(p, c->callee, pf->tu);
            if (!c->callee) {
                pc->kind = PCALL_INDIRECT;
            } else if (c->name && catalog_is_api(p->cat, c->name) &&
                       (def < 0 || !p->funcs[def].f->is_static)) {
                pc->kind = PCALL_API;
            } else if (def >= 0) {
                pc->kind = PCALL_DIRECT;
                pc->targets = &p->target_pool[0][used++];
                pc->targets[0] = def;
                pc->ntargets = 1;
            } else {
                pc->kind = PCALL_EXTERNAL;
            }
        }
    }
}

/* The kinds of a call's arguments, as bits (1u << FACT_ARG_...). */
static unsigned arg_kinds(const struct fact_call *c)
{
    unsigned bits = 0;
    for (size_t a = 0; a < c->nargs; a++)
        bits |= 1u << c->args[a].kind;
    return bits;
}

/*
 * Function pointers through parameters: param_funcs[f][k] holds the
 * functions passed (directly, or through a caller's own parameter) as
 * argument k of f.
 */
struct flows {
    struct iset **param; /* per function: array of nparams sets */
};

static void flows_init(struct program *p, struct flows *fl)
{
    fl->param = xcalloc(p->nfuncs ? p->nfuncs : 1, sizeof(*fl->param));
    for (size_t i = 0; i < p->nfuncs; i++) {
        int np = p->funcs[i].f->nparams;
        fl->param[i] = np > 0 ? xcalloc((size_t)np, sizeof(struct iset)) : NULL;
    }
}

static void flows_free(struct program *p, struct flows *fl)
{
    for (size_t i = 0; i < p->nfuncs; i++) {
        for (int k = 0; k < p->funcs[i].f->nparams; k++)
            free(fl->param[i][k].items);
        free(fl->param[i]);
    }
    free(fl->param);
}

static void compute_param_flows(struct program *p, struct flows *fl)
{
    for (int round = 0; round < MAX_FLOW_ROUNDS; round++) {
        int changed = 0;
        for (size_t i = 0; i < p->nfuncs; i++) {
            struct prog_func *pf = &p->funcs[i];
            for (size_t j = 0; j < pf->f->ncalls; j++) {
                const struct fact_call *c = &pf->f->calls[j];
                const struct prog_call *pc = &pf->calls[j];
                if (!(arg_kinds(c) &
                      (1u << FACT_ARG_FUNC | 1u << FACT_ARG_PARAM)))
                    continue; /* passes no function on */
                for (int t = 0; t < pc->ntargets; t++) {
                    int g = pc->targets[t];
                    int np = p->funcs[g].f->nparams;
                    for (size_t a = 0; a < c->nargs && (int)a < np; a++) {
                        const struct fact_arg *arg = &c->args[a];
                        if (arg->kind == FACT_ARG_FUNC) {
                            int h = find_from(p, arg->ref, pf->tu);
                            if (h >= 0)
                                changed |= iset_add(&fl->param[g][a], h);
                        } else if (arg->kind == FACT_ARG_PARAM &&
                                   arg->param >= 0 &&
                                   arg->param < pf->f->nparams) {
                            struct iset *src = &fl->param[i][arg->param];
                            for (size_t s = 0; s < src->n; s++)
                                changed |=
                                    iset_add(&fl->param[g][a], src->items[s]);
                        }
                    }
                }
            }
        }
        if (!changed)
            break;
    }
}

/* Functions stored in each field or variable ("field:R::f", "var:USR"). */
struct targets {
    struct strmap *index; /* target name -> slot */
    struct iset *sets;    /* per slot */
    size_t n, cap;
};

static struct iset *target_set(struct targets *t, const char *name, int add)
{
    long i = strmap_get(t->index, name);
    if (i < 0) {
        if (!add)
            return NULL;
        if (t->n == t->cap)
            xgrow((void **)&t->sets, &t->cap, t->n + 1, sizeof(*t->sets));
        memset(&t->sets[t->n], 0, sizeof(*t->sets));
        strmap_put(t->index, name, (long)t->n);
        i = (long)t->n++;
    }
    return &t->sets[i];
}

static void add_assign_targets(struct program *p, struct targets *t,
                               struct flows *fl, int func,
                               const struct fact_assign *a)
{
    struct iset *s = target_set(t, a->target, 1);
    if (a->func) {
        int h = find_from(p, a->func, func >= 0 ? p->funcs[func].tu : NULL);
        if (h >= 0)
            iset_add(s, h);
    } else if (func >= 0 && a->param >= 0 &&
               a->param < p->funcs[func].f->nparams) {
        struct iset *src = &fl->param[func][a->param];
        for (size_t k = 0; k < src->n; k++)
            iset_add(s, src->items[k]);
    }
}

static void resolve_indirect(struct program *p, struct flows *fl,
                             struct targets *t)
{
    for (size_t i = 0; i < p->ntus; i++)
        for (size_t j = 0; j < p->tus[i]->nassigns; j++)
            add_assign_targets(p, t, fl, -1, &p->tus[i]->assigns[j]);
    for (size_t i = 0; i < p->nfuncs; i++)
        for (size_t j = 0; j < p->funcs[i].f->nassigns; j++)
            add_assign_targets(p, t, fl, (int)i, &p->funcs[i].f->assigns[j]);

    /* Twice: the first pass sizes the pool, the second fills it. */
    for (int pass = 0; pass < 2; pass++) {
        size_t used = 0;
        for (size_t i = 0; i < p->nfuncs; i++) {
            struct prog_func *pf = &p->funcs[i];
            for (size_t j = 0; j < pf->f->ncalls; j++) {
                const struct fact_call *c = &pf->f->calls[j];
                struct prog_call *pc = &pf->calls[j];
                struct iset *src = NULL;
                if (pc->kind != PCALL_INDIRECT)
                    continue;
                if (c->via_param >= 0 && c->via_param < pf->f->nparams)
                    src = &fl->param[i][c->via_param];
                else if (c->via)
                    src = target_set(t, c->via, 0);
                if (!src || !src->n)
                    continue;
                if (pass == 1) {
                    pc->targets = &p->target_pool[1][used];
                    memcpy(pc->targets, src->items, src->n * sizeof(int));
                    pc->ntargets = (int)src->n;
                }
                used += src->n;
            }
        }
        if (pass == 0)
            p->target_pool[1] = xmalloc((used ? used : 1) * sizeof(int));
    }
    for (size_t i = 0; i < p->nfuncs; i++)
        for (size_t j = 0; j < p->funcs[i].f->ncalls; j++) {
            const struct prog_call *pc = &p->funcs[i].calls[j];
            p->ncall_edges += (size_t)pc->ntargets;
            for (int k = 0; k < pc->ntargets; k++)
                p->funcs[pc->targets[k]].ncallers++;
        }
}

/*
 * The edges as rows (edge_start/edges), and the direct ones reversed
 * (caller_start/callers), once the targets are final.
 */
static void build_edges(struct program *p)
{
    size_t n = 0, *fill;
    p->edge_start = xmalloc((p->nfuncs + 1) * sizeof(size_t));
    p->edges = xmalloc((p->ncall_edges ? p->ncall_edges : 1) *
                       sizeof(struct prog_edge));
    p->caller_start = xcalloc(p->nfuncs + 2, sizeof(size_t));
    for (size_t i = 0; i < p->nfuncs; i++) {
        const struct prog_func *pf = &p->funcs[i];
        p->edge_start[i] = n;
        for (size_t j = 0; j < pf->f->ncalls; j++) {
            const struct prog_call *pc = &pf->calls[j];
            for (int k = 0; k < pc->ntargets; k++) {
                struct prog_edge *e = &p->edges[n++];
                e->to = pc->targets[k];
                e->call = (unsigned)j;
                e->indirect = pc->kind == PCALL_INDIRECT;
                e->elsewhere = pc->dies || pc->in_child;
                if (!e->indirect)
                    p->caller_start[e->to + 2]++;
            }
        }
    }
    p->edge_start[p->nfuncs] = n;
    /* Counts at [f + 2]; prefix sums make [f + 1] the fill cursor. */
    for (size_t i = 0; i < p->nfuncs; i++)
        p->caller_start[i + 2] += p->caller_start[i + 1];
    p->callers = xmalloc(
        (p->caller_start[p->nfuncs + 1] ? p->caller_start[p->nfuncs + 1] : 1) *
        sizeof(struct prog_edge));
    fill = p->caller_start + 1;
    for (size_t i = 0; i < p->nfuncs; i++)
        for (size_t e = p->edge_start[i]; e < p->edge_start[i + 1]; e++)
            if (!p->edges[e].indirect) {
                struct prog_edge *r = &p->callers[fill[p->edges[e].to]++];
                *r = p->edges[e];
                r->to = (int)i;
            }
}

/* ---- spawn and registration wrappers ------------------------------------ */

/* The spawn a call makes: a catalogued API, or a project wrapper. */
struct spawn_view {
    enum sw_spawn_kind kind;     /* what runs the callback */
    int callback;                /* argument index of the start routine */
    int context;                 /* argument index of its context, or -1 */
    int handle;                  /* argument index of the handle, or -1 */
    const char *api;             /* name for messages */
    const struct cat_spawn *cat; /* catalog entry, or NULL for a wrapper */
};

static int call_spawn(const struct program *p, int func, int call,
                      struct spawn_view *v)
{
    const struct prog_func *pf = &p->funcs[func];
    const struct fact_call *c = &pf->f->calls[call];
    const struct prog_call *pc = &pf->calls[call];
    if (pc->kind == PCALL_API) {
        const struct cat_spawn *s = catalog_spawn(p->cat, c->name);
        if (!s)
            return 0;
        v->kind = s->kind;
        v->callback = s->callback;
        v->context = s->context;
        v->handle = s->handle;
        v->api = s->name;
        v->cat = s;
        return 1;
    }
    if (pc->kind == PCALL_DIRECT && p->funcs[pc->targets[0]].spawn_param >= 0) {
        const struct prog_func *w = &p->funcs[pc->targets[0]];
        v->kind = w->spawn_kind;
        v->callback = w->spawn_param;
        v->context = w->spawn_ctx_param;
        v->handle = -1;
        v->api = w->f->name;
        v->cat = NULL;
        return 1;
    }
    return 0;
}

/* Loop-callback argument indexes of a call (catalogued or a wrapper). */
static unsigned call_loop_args(const struct program *p, int func, int call,
                               const char **loop)
{
    const struct prog_func *pf = &p->funcs[func];
    const struct fact_call *c = &pf->f->calls[call];
    const struct prog_call *pc = &pf->calls[call];
    if (pc->kind == PCALL_API) {
        const struct cat_callback *cb = catalog_callback(p->cat, c->name);
        unsigned bits = 0;
        if (!cb)
            return 0;
        for (size_t i = 0; i < cb->nargs; i++) {
            int a = cb->args[i] >= 0 ? cb->args[i] : (int)c->nargs - 1;
            if (a >= 0 && a < 32)
                bits |= 1u << a;
        }
        *loop = cb->loop;
        return bits;
    }
    if (pc->kind == PCALL_DIRECT && p->funcs[pc->targets[0]].loop_params) {
        *loop = p->funcs[pc->targets[0]].loop_name;
        return p->funcs[pc->targets[0]].loop_params;
    }
    return 0;
}

static void derive_wrappers(struct program *p)
{
    for (int round = 0; round < MAX_FLOW_ROUNDS; round++) {
        int changed = 0;
        for (size_t i = 0; i < p->nfuncs; i++) {
            struct prog_func *pf = &p->funcs[i];
            for (size_t j = 0; j < pf->f->ncalls; j++) {
                const struct fact_call *c = &pf->f->calls[j];
                struct spawn_view v;
                const char *loop = NULL;
                unsigned bits;
                if (!(arg_kinds(c) & 1u << FACT_ARG_PARAM))
                    continue; /* hands none of its parameters on */
                if (pf->spawn_param < 0 && call_spawn(p, (int)i, (int)j, &v) &&
                    v.callback < (int)c->nargs &&
                    c->args[v.callback].kind == FACT_ARG_PARAM) {
                    pf->spawn_param = c->args[v.callback].param;
                    pf->spawn_kind = v.kind;
                    pf->spawn_ctx_param =
                        v.context >= 0 && v.context < (int)c->nargs &&
                                c->args[v.context].kind == FACT_ARG_PARAM
                            ? c->args[v.context].param
                            : -1;
                    changed = 1;
                }
                bits = call_loop_args(p, (int)i, (int)j, &loop);
                for (int a = 0; bits && a < (int)c->nargs && a < 32; a++) {
                    if ((bits & (1u << a)) &&
                        c->args[a].kind == FACT_ARG_PARAM &&
                        c->args[a].param >= 0 && c->args[a].param < 32 &&
                        !(pf->loop_params & (1u << c->args[a].param))) {
                        pf->loop_params |= 1u << c->args[a].param;
                        pf->loop_name = loop;
                        changed = 1;
                    }
                }
            }
        }
        if (!changed)
            break;
    }
}

/* ---- roots -------------------------------------------------------------- */

/* Functions an argument may name: a function, or a pointer variable. */
static void arg_funcs(struct program *p, struct targets *t,
                      const struct fact_arg *a, const struct fact_tu *tu,
                      struct iset *out)
{
    if (a->kind == FACT_ARG_FUNC) {
        int h = find_from(p, a->ref, tu);
        if (h >= 0)
            iset_add(out, h);
    } else if ((a->kind == FACT_ARG_VAR) && a->ref) {
        char *name = xasprintf("var:%s", a->ref);
        struct iset *s = target_set(t, name, 0);
        free(name);
        for (size_t k = 0; s && k < s->n; k++)
            iset_add(out, s->items[k]);
    }
}

static int handle_ref_eq(const struct fact_arg *a, const struct fact_arg *b)
{
    return a->ref && b->ref && strcmp(a->ref, b->ref) == 0;
}

/*
 * A spawn immediately waited for: the next call of the spawner is a
 * matching wait on the same handle (SW101's pattern, and not concurrent).
 */
/*
 * 1 when a loop statement starts between calls a and b: work in between.
 * A do { ... } while (0) (an ASSERT macro) is no loop.
 */
static int loop_between(const struct fact_func *f, const struct fact_call *a,
                        const struct fact_call *b)
{
    for (size_t l = 0; l < f->nloops; l++) {
        const struct fact_loop *lp = &f->loops[l];
        if (!lp->once &&
            (lp->line > a->line || (lp->line == a->line && lp->col > a->col)) &&
            (lp->line < b->line || (lp->line == b->line && lp->col < b->col)))
            return 1;
    }
    return 0;
}

static int immediately_waited(struct program *p, int func, int call,
                              const struct spawn_view *v)
{
    const struct prog_func *pf = &p->funcs[func];
    const struct fact_call *c = &pf->f->calls[call], *n = NULL;
    if (!v->cat)
        return 0;
    /*
     * The next call at the spawn's own conditional level; calls nested in
     * a conditional between them (an error path: perror, return) are not
     * work done while the thread runs.
     */
    for (size_t j = (size_t)call + 1; j < pf->f->ncalls; j++) {
        if (pf->f->calls[j].cond > c->cond)
            continue;
        /* In the same loop iteration: a join in a later loop lets the
         * threads run together. */
        if (pf->f->calls[j].cond == c->cond && pf->f->calls[j].loop == c->loop)
            n = &pf->f->calls[j];
        break;
    }
    if (!n || loop_between(pf->f, c, n))
        return 0; /* a loop in between: the spawner works meanwhile */
    /* Work on shared state in between ("g = 2;", "while (!done) ;") runs
     * alongside the thread; the spawn's own arguments (on its line) do not
     * count. */
    for (size_t k = 0; k < pf->f->naccesses; k++) {
        const struct fact_access *a = &pf->f->accesses[k];
        if (a->seq > c->seq && a->seq < n->seq && a->line != c->line &&
            (a->flags & (FACT_ACC_READ | FACT_ACC_WRITE)))
            return 0;
    }
    for (size_t k = 0; k < v->cat->nwaits; k++) {
        const struct cat_wait *w;
        if (!n->name || strcmp(n->name, v->cat->waits[k]) != 0)
            continue;
        w = catalog_wait(p->cat, n->name);
        if (v->handle < 0 || !w || w->handle < 0)
            return 1;
        if (v->handle < (int)c->nargs && w->handle < (int)n->nargs &&
            handle_ref_eq(&c->args[v->handle], &n->args[w->handle]))
            return 1;
    }
    return 0;
}

static void find_spawn_and_callback_roots(struct program *p, struct targets *t)
{
    struct iset fs = {0};
    for (size_t i = 0; i < p->nfuncs; i++) {
        struct prog_func *pf = &p->funcs[i];
        for (size_t j = 0; j < pf->f->ncalls; j++) {
            const struct fact_call *c = &pf->f->calls[j];
            struct spawn_view v;
            const char *loop = NULL;
            unsigned bits;
            if (!(arg_kinds(c) & (1u << FACT_ARG_FUNC | 1u << FACT_ARG_VAR)))
                continue; /* names no function: arg_funcs() finds none */
            if (call_spawn(p, (int)i, (int)j, &v) &&
                v.callback < (int)c->nargs) {
                fs.n = 0;
                arg_funcs(p, t, &c->args[v.callback], pf->tu, &fs);
                for (size_t k = 0; k < fs.n; k++) {
                    struct prog_root *r =
                        add_root(p, PROG_ROOT_SPAWN,
                                 v.kind == SW_SPAWN_THREAD ? PROG_CTX_THREAD
                                                           : PROG_CTX_POOL,
                                 fs.items[k]);
                    r->site_func = (int)i;
                    r->site_call = (int)j;
                    r->api = v.api;
                    r->multi = c->loop >= 0 || v.kind != SW_SPAWN_THREAD;
                    r->waited = immediately_waited(p, (int)i, (int)j, &v);
                }
            }
            bits = call_loop_args(p, (int)i, (int)j, &loop);
            for (int a = 0; bits && a < (int)c->nargs && a < 32; a++) {
                if (!(bits & (1u << a)))
                    continue;
                fs.n = 0;
                arg_funcs(p, t, &c->args[a], pf->tu, &fs);
                for (size_t k = 0; k < fs.n; k++) {
                    struct prog_root *r = add_root(p, PROG_ROOT_CALLBACK,
                                                   PROG_CTX_LOOP, fs.items[k]);
                    r->site_func = (int)i;
                    r->site_call = (int)j;
                    r->api = c->name;
                    r->loop_name = loop;
                }
            }
        }
    }
    free(fs.items);
}

/* Callbacks stored in catalogued fields (libev's ev_io_init and friends). */
static void find_field_roots(struct program *p, struct flows *fl)
{
    for (size_t i = 0; i < p->nfuncs; i++) {
        const struct fact_func *f = p->funcs[i].f;
        for (size_t j = 0; j < f->nassigns; j++) {
            const struct fact_assign *a = &f->assigns[j];
            const char *sep, *loop;
            char *rec;
            struct iset one = {0}, *src = &one;
            if (strncmp(a->target, "field:", 6) != 0)
                continue;
            sep = strstr(a->target + 6, "::");
            if (!sep)
                continue;
            rec = xstrndup(a->target + 6, (size_t)(sep - a->target - 6));
            loop = catalog_field_callback(p->cat, rec, sep + 2);
            free(rec);
            if (!loop)
                continue;
            if (a->func) {
                int h = find_from(p, a->func, p->funcs[i].tu);
                if (h >= 0)
                    iset_add(&one, h);
            } else if (a->param >= 0 && a->param < f->nparams) {
                src = &fl->param[i][a->param];
            }
            for (size_t k = 0; k < src->n; k++) {
                struct prog_root *r =
                    add_root(p, PROG_ROOT_FIELD, PROG_CTX_LOOP, src->items[k]);
                r->site_func = (int)i;
                r->site_call = (int)j;
                r->api = a->target + 6;
                r->loop_name = loop;
            }
            free(one.items);
        }
    }
}

/* The event wait a call makes, with the one-descriptor case excluded. */
static const struct cat_event_wait *call_event_wait(const struct program *p,
                                                    int func, int call)
{
    const struct fact_call *c = &p->funcs[func].f->calls[call];
    const struct cat_event_wait *w;
    if (p->funcs[func].calls[call].kind != PCALL_API)
        return NULL;
    w = catalog_event_wait(p->cat, c->name);
    if (w && w->single_fd_arg >= 0 && w->single_fd_arg < (int)c->nargs &&
        c->args[w->single_fd_arg].kind == FACT_ARG_INT &&
        c->args[w->single_fd_arg].ival <= 1)
        return NULL; /* waiting on one descriptor with a timeout */
    if (w && w->timeout_arg >= 0 && w->timeout_arg < (int)c->nargs &&
        c->args[w->timeout_arg].kind == FACT_ARG_INT &&
        c->args[w->timeout_arg].ival == 0)
        return NULL; /* a readiness check that does not wait */
    return w;
}

static int loop_within(const struct fact_func *f, int inner, int outer);

/*
 * 1 when call j waits inside a loop of its function that does other work:
 * that function is the loop itself, so its callers do not inherit the
 * wait.  A bare retry loop (EINTR) around the wait does not count.
 */
static int waits_in_own_loop(const struct fact_func *f, size_t j)
{
    int l = f->calls[j].loop;
    size_t others = 0;
    if (l < 0)
        return 0;
    for (size_t k = 0; k < f->ncalls; k++)
        if (k != j && loop_within(f, f->calls[k].loop, l))
            others++;
    return others > 2;
}

/*
 * Distance in direct calls to an event wait, breadth first from the
 * functions that wait themselves.  A function that waits in a loop of its
 * own is that loop: its callers do not poll through it.
 */
static void compute_poll_dist(struct program *p)
{
    int *queue = xmalloc((p->nfuncs ? p->nfuncs : 1) * sizeof(int));
    size_t head = 0, tail = 0;
    for (size_t i = 0; i < p->nfuncs; i++) {
        struct prog_func *pf = &p->funcs[i];
        for (size_t j = 0; j < pf->f->ncalls; j++)
            if (call_event_wait(p, (int)i, (int)j)) {
                pf->poll_dist = 0;
                pf->poll_own_loop = waits_in_own_loop(pf->f, j);
                queue[tail++] = (int)i;
                break;
            }
    }
    while (head < tail) {
        int g = queue[head++];
        if (p->funcs[g].poll_own_loop || p->funcs[g].poll_dist >= MAX_POLL_DIST)
            continue;
        for (size_t e = p->caller_start[g]; e < p->caller_start[g + 1]; e++) {
            struct prog_func *c = &p->funcs[p->callers[e].to];
            if (c->poll_dist < 0) {
                c->poll_dist = p->funcs[g].poll_dist + 1;
                queue[tail++] = p->callers[e].to;
            }
        }
    }
    free(queue);
}

/* 1 when loop `inner` is `outer` or nested in it. */
static int loop_within(const struct fact_func *f, int inner, int outer)
{
    for (int guard = 0; inner >= 0 && guard < 100000; guard++) {
        if (inner == outer)
            return 1;
        inner = f->loops[inner].parent;
    }
    return 0;
}

int program_loop_within(const struct fact_func *f, int inner, int outer)
{
    return loop_within(f, inner, outer);
}

int program_call_polls(const struct program *p, int func, int call)
{
    const struct prog_call *pc = &p->funcs[func].calls[call];
    if (call_event_wait(p, func, call))
        return 1;
    return pc->kind == PCALL_DIRECT &&
           p->funcs[pc->targets[0]].poll_dist >= 0 &&
           p->funcs[pc->targets[0]].poll_dist < MAX_POLL_DIST + 1 &&
           !p->funcs[pc->targets[0]].poll_own_loop;
}

static void find_poll_roots(struct program *p)
{
    for (size_t i = 0; i < p->nfuncs; i++) {
        const struct prog_func *pf = &p->funcs[i];
        const struct fact_func *f = pf->f;
        if (pf->poll_dist < 0)
            continue;
        for (size_t l = 0; l < f->nloops; l++) {
            int poll_call = -1;
            /* Outermost loops only: a nested loop is inside the region. */
            if (f->loops[l].parent >= 0) {
                int par = f->loops[l].parent, has = 0;
                for (size_t j = 0; j < f->ncalls && !has; j++)
                    if (loop_within(f, f->calls[j].loop, par) &&
                        program_call_polls(p, (int)i, (int)j))
                        has = 1;
                if (has)
                    continue;
            }
            for (size_t j = 0; j < f->ncalls && poll_call < 0; j++)
                if (loop_within(f, f->calls[j].loop, (int)l) &&
                    program_call_polls(p, (int)i, (int)j))
                    poll_call = (int)j;
            if (poll_call >= 0) {
                struct prog_root *r =
                    add_root(p, PROG_ROOT_POLL, PROG_CTX_LOOP, (int)i);
                const struct fact_call *pcall = &f->calls[poll_call];
                r->region_loop = (int)l;
                r->site_func = (int)i;
                r->site_call = poll_call;
                r->api = pcall->name;
                r->loop_name = "event";
            }
        }
    }
}

static void find_entry_roots(struct program *p)
{
    for (size_t i = 0; i < p->nfuncs; i++) {
        const struct prog_func *pf = &p->funcs[i];
        if (pf->f->is_static)
            continue;
        if (strcmp(pf->f->name, "main") == 0 || pf->ncallers == 0) {
            struct prog_root *r =
                add_root(p, PROG_ROOT_ENTRY, PROG_CTX_MAIN, (int)i);
            r->api = strcmp(pf->f->name, "main") == 0 ? "main" : "exported";
        }
    }
}

/* ---- contexts ----------------------------------------------------------- */

struct work {
    int *items; /* function indexes */
    size_t n, cap;
};

#define SLOT_CONC (-1) /* the concurrency slot rather than a context */

static struct prog_reach *slot(struct program *p, int f, int which)
{
    return which == SLOT_CONC ? &p->funcs[f].conc : &p->funcs[f].reach[which];
}

/* Seeds the functions that root r makes run in its context. */
static void seed_root(struct program *p, int ri, int which, struct work *wl)
{
    const struct prog_root *r = &p->roots[ri];
    if (r->region_loop < 0) {
        struct prog_reach *s = slot(p, r->func, which);
        if (s->root < 0) {
            s->root = ri;
            s->from = -1;
            s->call = -1;
            VEC_PUSH(*wl, r->func);
        }
        return;
    }
    /* A poll loop: the functions called in the loop body. */
    {
        const struct prog_func *pf = &p->funcs[r->func];
        for (size_t j = 0; j < pf->f->ncalls; j++) {
            const struct prog_call *pc = &pf->calls[j];
            if (!loop_within(pf->f, pf->f->calls[j].loop, r->region_loop))
                continue;
            for (int k = 0; k < pc->ntargets; k++) {
                struct prog_reach *s = slot(p, pc->targets[k], which);
                if (s->root < 0) {
                    s->root = ri;
                    s->from = r->func;
                    s->call = (int)j;
                    VEC_PUSH(*wl, pc->targets[k]);
                }
            }
        }
    }
}

static void propagate(struct program *p, int which, struct work *wl)
{
    while (wl->n) {
        int f = wl->items[--wl->n];
        int root = slot(p, f, which)->root;
        for (size_t e = p->edge_start[f]; e < p->edge_start[f + 1]; e++) {
            int g = p->edges[e].to;
            struct prog_reach *s = slot(p, g, which);
            if (s->root < 0) {
                s->root = root;
                s->from = f;
                s->call = (int)p->edges[e].call;
                VEC_PUSH(*wl, g);
            }
        }
    }
}

/*
 * Calls through pointers made by loop code run on the loop too: their
 * targets become loop roots (DISPATCH), so findings are reported inside
 * them, where the blocking call is.
 */
static int add_dispatch_roots(struct program *p)
{
    int added = 0;
    size_t n = p->nfuncs;
    for (size_t i = 0; i < n; i++) {
        const struct prog_func *pf = &p->funcs[i];
        int root = pf->reach[PROG_CTX_LOOP].root;
        if (root < 0)
            continue;
        for (size_t j = 0; j < pf->f->ncalls; j++) {
            const struct prog_call *pc = &pf->calls[j];
            if (pc->kind != PCALL_INDIRECT)
                continue;
            for (int k = 0; k < pc->ntargets; k++) {
                int g = pc->targets[k];
                if (p->funcs[g].loop_root < 0) {
                    struct prog_root *r =
                        add_root(p, PROG_ROOT_DISPATCH, PROG_CTX_LOOP, g);
                    r->site_func = (int)i;
                    r->site_call = (int)j;
                    r->api = pf->f->calls[j].name;
                    r->loop_name = p->roots[root].loop_name;
                    added = 1;
                }
            }
        }
    }
    return added;
}

/*
 * Executables.  A compilation database can build several programs that
 * share code (a server and its benchmark tool).  Bit i of exe is set when
 * the i-th main reaches the function through direct calls or spawns; a
 * function's mention mask says which programs take its address.  A call
 * through a pointer only reaches targets that the same program mentions.
 * Functions no main reaches have exe of all ones; without any main (a
 * library) every address counts as taken by everyone.
 */
#define EXE_ALL (~0ULL)

static int call_elsewhere(const struct program *p, int func, int call);
static void compute_call_flags(struct program *p);

/* One "from's exe flows into to's mask" edge of compute_executables(). */
struct exe_edge {
    int from, to;
};

struct exe_edges {
    struct exe_edge *items;
    size_t n, cap;
};

/*
 * What compute_executables() iterates over, found once: function addresses
 * taken (mention[to] |= exe[from]), accesses to file-scope tables
 * (table_users[to] |= exe[from]), the functions in those tables
 * (mention[func] |= table_users[user], or the file's exe), and the roots
 * each function registers.
 */
struct exe_graph {
    struct exe_edges mentions, users;
    struct {
        struct tab_entry {
            int func, user, tu; /* user -1: no function accesses the table */
        } * items;
        size_t n, cap;
    } tabs;
    unsigned long long *file_exe; /* per TU */
    int *tu_of;                   /* function -> TU index */
    int *root_first, *root_next;  /* roots by site_func, chained */
};

static void exe_graph_init(struct program *p, struct exe_graph *g,
                           struct strmap *users)
{
    memset(g, 0, sizeof(*g));
    g->file_exe = xcalloc(p->ntus + 1, sizeof(*g->file_exe));
    g->tu_of = xcalloc(p->nfuncs + 1, sizeof(*g->tu_of));
    g->root_first = xmalloc((p->nfuncs + 1) * sizeof(*g->root_first));
    g->root_next = xmalloc((p->nroots + 1) * sizeof(*g->root_next));
    for (size_t i = 0; i < p->nfuncs; i++) {
        const struct prog_func *pf = &p->funcs[i];
        const struct fact_func *f = pf->f;
        int t = -1;
        if (i > 0 && pf->tu == p->funcs[i - 1].tu) /* TU by TU, mostly */
            t = g->tu_of[i - 1];
        for (size_t k = 0; k < p->ntus && t < 0; k++)
            if (p->tus[k] == pf->tu)
                t = (int)k;
        g->tu_of[i] = t;
        g->root_first[i] = -1;
        for (size_t j = 0; j < f->ncalls; j++)
            for (size_t a = 0; a < f->calls[j].nargs; a++)
                if (f->calls[j].args[a].kind == FACT_ARG_FUNC) {
                    int h = find_from(p, f->calls[j].args[a].ref, pf->tu);
                    if (h >= 0)
                        VEC_PUSH(g->mentions, ((struct exe_edge){(int)i, h}));
                }
        for (size_t j = 0; j < f->nassigns; j++)
            if (f->assigns[j].func) {
                int h = find_from(p, f->assigns[j].func, pf->tu);
                if (h >= 0)
                    VEC_PUSH(g->mentions, ((struct exe_edge){(int)i, h}));
            }
        for (size_t k = 0; k < f->naccesses; k++) {
            long u = strmap_get(users, f->accesses[k].var);
            if (u >= 0)
                VEC_PUSH(g->users, ((struct exe_edge){(int)i, (int)u}));
        }
    }
    for (size_t t = 0; t < p->ntus; t++)
        for (size_t j = 0; j < p->tus[t]->nassigns; j++) {
            const struct fact_assign *a = &p->tus[t]->assigns[j];
            int h = a->func ? find_from(p, a->func, p->tus[t]) : -1;
            int u = a->owner ? (int)strmap_get(users, a->owner) : -1;
            if (h >= 0)
                VEC_PUSH(g->tabs, ((struct tab_entry){h, u, (int)t}));
        }
    for (size_t r = p->nroots; r-- > 0;) {
        int site = p->roots[r].site_func;
        g->root_next[r] = -1;
        if (site >= 0 && p->roots[r].kind != PROG_ROOT_DISPATCH) {
            g->root_next[r] = g->root_first[site];
            g->root_first[site] = (int)r;
        }
    }
}

static void exe_graph_free(struct exe_graph *g)
{
    free(g->mentions.items);
    free(g->users.items);
    free(g->tabs.items);
    free(g->file_exe);
    free(g->tu_of);
    free(g->root_first);
    free(g->root_next);
}

/*
 * mention[h] |= exe of each function that takes h's address.  Functions in
 * a file-scope table (static struct ops o = {...}) are mentioned by the
 * programs whose code uses the table, or, for a table no function accesses
 * (a const one), by the programs using its file.
 */
static void compute_mentions(struct program *p, struct exe_graph *g)
{
    for (size_t k = 0; k < g->mentions.n; k++)
        p->funcs[g->mentions.items[k].to].mention |=
            p->funcs[g->mentions.items[k].from].exe;
    for (size_t k = 0; k < g->users.n; k++)
        p->table_users[g->users.items[k].to] |=
            p->funcs[g->users.items[k].from].exe;
    memset(g->file_exe, 0, (p->ntus + 1) * sizeof(*g->file_exe));
    for (size_t i = 0; i < p->nfuncs; i++)
        if (g->tu_of[i] >= 0)
            g->file_exe[g->tu_of[i]] |= p->funcs[i].exe;
    for (size_t k = 0; k < g->tabs.n; k++) {
        const struct tab_entry *e = &g->tabs.items[k];
        unsigned long long m = e->user >= 0 ? p->table_users[e->user] : 0;
        p->funcs[e->func].mention |= m ? m : g->file_exe[e->tu];
    }
}

/* Grows exe along calls (indirect ones only to mentioned targets). */
static void flow_executables(struct program *p, const struct exe_graph *g,
                             struct work *wl)
{
    for (size_t i = 0; i < p->nfuncs; i++)
        if (p->funcs[i].exe)
            VEC_PUSH(*wl, (int)i);
    while (wl->n) {
        int f = wl->items[--wl->n];
        unsigned long long m = p->funcs[f].exe;
        for (size_t e = p->edge_start[f]; e < p->edge_start[f + 1]; e++) {
            const struct prog_edge *ed = &p->edges[e];
            struct prog_func *t = &p->funcs[ed->to];
            unsigned long long add = ed->indirect ? m & t->mention : m;
            if (ed->elsewhere)
                continue;
            if ((t->exe | add) != t->exe) {
                t->exe |= add;
                VEC_PUSH(*wl, ed->to);
            }
        }
        for (int r = g->root_first[f]; r >= 0; r = g->root_next[r]) {
            struct prog_func *t = &p->funcs[p->roots[r].func];
            if ((t->exe | m) != t->exe) {
                t->exe |= m;
                VEC_PUSH(*wl, p->roots[r].func);
            }
        }
    }
}

static void compute_executables(struct program *p)
{
    struct work wl = {0};
    struct exe_graph g;
    int nmains = 0;
    for (size_t r = 0; r < p->nroots; r++) {
        const struct prog_root *root = &p->roots[r];
        if (root->kind == PROG_ROOT_ENTRY && strcmp(root->api, "main") == 0 &&
            nmains < 64)
            p->funcs[root->func].exe |= 1ULL << nmains++;
    }
    /* Globals that hold tables, and the programs whose code uses them. */
    struct strmap *users = strmap_new();
    for (size_t t = 0; t < p->ntus; t++)
        for (size_t j = 0; j < p->tus[t]->nassigns; j++)
            if (p->tus[t]->assigns[j].owner &&
                strmap_get(users, p->tus[t]->assigns[j].owner) < 0)
                strmap_put(users, p->tus[t]->assigns[j].owner,
                           (long)strmap_count(users));
    p->table_users = xcalloc(strmap_count(users) + 1, sizeof(*p->table_users));
    if (nmains)
        exe_graph_init(p, &g, users);
    /* exe and mention feed each other and only grow: iterate. */
    for (int round = 0; nmains && round < MAX_FLOW_ROUNDS; round++) {
        unsigned long long sum = 0, after = 0;
        for (size_t i = 0; i < p->nfuncs; i++)
            sum += p->funcs[i].exe + p->funcs[i].mention;
        compute_mentions(p, &g);
        flow_executables(p, &g, &wl);
        for (size_t i = 0; i < p->nfuncs; i++)
            after += p->funcs[i].exe + p->funcs[i].mention;
        if (after == sum)
            break;
    }
    if (nmains)
        exe_graph_free(&g);
    free(wl.items);
    strmap_free(users);
    free(p->table_users);
    p->table_users = NULL;
    for (size_t i = 0; i < p->nfuncs; i++) {
        if (!p->funcs[i].exe)
            p->funcs[i].exe = EXE_ALL;
        /* With mains, an address no program takes is no target. */
        if (!p->funcs[i].mention && !nmains)
            p->funcs[i].mention = EXE_ALL;
    }
}

/* Concurrency, per executable: masks only grow, so this terminates. */
static void seed_conc(struct program *p, int ri, struct work *wl)
{
    const struct prog_root *r = &p->roots[ri];
    unsigned long long m;
    struct work targets = {0};
    if (r->ctx == PROG_CTX_LOOP) /* runs where its registration runs */
        m = r->site_func >= 0 ? p->funcs[r->site_func].conc_mask : 0;
    else
        m = r->site_func >= 0 ? p->funcs[r->site_func].exe
                              : p->funcs[r->func].exe;
    if (!m)
        return;
    if (r->region_loop < 0) {
        VEC_PUSH(targets, r->func);
    } else {
        const struct prog_func *pf = &p->funcs[r->func];
        for (size_t j = 0; j < pf->f->ncalls; j++)
            if (loop_within(pf->f, pf->f->calls[j].loop, r->region_loop))
                for (int k = 0; k < pf->calls[j].ntargets; k++)
                    VEC_PUSH(targets, pf->calls[j].targets[k]);
    }
    for (size_t k = 0; k < targets.n; k++) {
        struct prog_func *g = &p->funcs[targets.items[k]];
        if ((g->conc_mask | m) == g->conc_mask)
            continue;
        if (g->conc.root < 0) {
            g->conc.root = ri;
            g->conc.from = r->region_loop >= 0 ? r->func : -1;
            g->conc.call = -1;
        }
        g->conc_mask |= m;
        VEC_PUSH(*wl, targets.items[k]);
    }
    free(targets.items);
}

/*
 * How many targets a call through a pointer can reach in the programs of
 * mask m.  Past MAX_CONC_FANOUT the call is a dispatch over a table (a
 * server's command handlers), and which handler runs depends on data the
 * analysis cannot see: concurrency is not inferred through it.  A pool's
 * task call has a handful of targets and stays below the limit.
 */
#define MAX_CONC_FANOUT 64

static int dispatch_fanout(const struct program *p, const struct prog_call *pc,
                           unsigned long long m)
{
    int n = 0;
    for (int k = 0; k < pc->ntargets; k++)
        if (m & p->funcs[pc->targets[k]].mention)
            n++;
    return n;
}

static void propagate_conc(struct program *p, struct work *wl)
{
    while (wl->n) {
        int f = wl->items[--wl->n];
        const struct prog_func *pf = &p->funcs[f];
        int checked = -1, table = 0;
        for (size_t e = p->edge_start[f]; e < p->edge_start[f + 1]; e++) {
            const struct prog_edge *ed = &p->edges[e];
            struct prog_func *g = &p->funcs[ed->to];
            unsigned long long m = pf->conc_mask;
            if (ed->elsewhere)
                continue; /* a crash path or a child process */
            if (ed->indirect && (int)ed->call != checked) {
                checked = (int)ed->call;
                table = dispatch_fanout(p, &pf->calls[ed->call], m) >
                        MAX_CONC_FANOUT;
            }
            if (ed->indirect && table)
                continue; /* a command table: the handler depends on data */
            if (ed->indirect)
                m &= g->mention;
            if (!m || (g->conc_mask | m) == g->conc_mask)
                continue;
            if (g->conc.root < 0) {
                g->conc.root = pf->conc.root;
                g->conc.from = f;
                g->conc.call = (int)ed->call;
            }
            g->conc_mask |= m;
            VEC_PUSH(*wl, ed->to);
        }
    }
}

static void compute_contexts(struct program *p)
{
    struct work wl = {0};
    for (int ctx = 0; ctx < PROG_CTX_COUNT; ctx++) {
        for (size_t r = 0; r < p->nroots; r++)
            if (p->roots[r].ctx == (enum prog_ctx)ctx)
                seed_root(p, (int)r, ctx, &wl);
        propagate(p, ctx, &wl);
    }
    /* Dispatch roots found from loop code; repeat while new ones appear. */
    for (int round = 0; round < MAX_FLOW_ROUNDS; round++) {
        size_t before = p->nroots;
        if (!add_dispatch_roots(p))
            break;
        for (size_t r = before; r < p->nroots; r++)
            seed_root(p, (int)r, PROG_CTX_LOOP, &wl);
        propagate(p, PROG_CTX_LOOP, &wl);
    }

    /*
     * Concurrency.  A start routine runs at the same time as its spawner
     * unless the spawner waits for it at once; several instances run at the
     * same time as each other.  Loop callbacks registered by code that runs
     * concurrently (a worker thread's own loop) are concurrent too.
     */
    for (size_t r = 0; r < p->nroots; r++)
        if (p->roots[r].ctx == PROG_CTX_THREAD ||
            p->roots[r].ctx == PROG_CTX_POOL)
            p->funcs[p->roots[r].func].spawn_sites++;
    for (int round = 0; round < 3; round++) {
        for (size_t r = 0; r < p->nroots; r++) {
            struct prog_root *root = &p->roots[r];
            int site_conc = root->site_func >= 0 &&
                            p->funcs[root->site_func].conc.root >= 0;
            if (root->ctx == PROG_CTX_THREAD || root->ctx == PROG_CTX_POOL) {
                if (p->funcs[root->func].spawn_sites > 1 || site_conc)
                    root->multi = 1;
                root->concurrent = root->multi || !root->waited ||
                                   program_spawn_beside(p, (int)r);
            } else if (root->ctx == PROG_CTX_LOOP &&
                       root->kind != PROG_ROOT_DISPATCH) {
                /* Dispatch targets are reached by propagation itself. */
                root->concurrent = site_conc;
            }
            if (root->concurrent)
                seed_conc(p, (int)r, &wl);
        }
        propagate_conc(p, &wl);
    }
    free(wl.items);
}

int program_spawn_beside(const struct program *p, int ri)
{
    const struct prog_root *r = &p->roots[ri];
    if (r->site_func < 0 || r->kind != PROG_ROOT_SPAWN)
        return 0;
    for (size_t k = 0; k < p->nroots; k++) {
        const struct prog_root *o = &p->roots[k];
        if ((int)k != ri && o->kind == PROG_ROOT_SPAWN && !o->waited &&
            o->site_func == r->site_func && o->site_call < r->site_call)
            return 1;
    }
    return 0;
}

/* ---- summaries ---------------------------------------------------------- */

static int same_object(const struct fact_call *a, int ia,
                       const struct fact_call *b, int ib);

/*
 * 1 when func also calls one of b's companion calls (nonblocking "after")
 * on the handle that call c uses: PQgetResult in code that asks PQisBusy
 * or PQconsumeInput about the same connection is readiness-driven.
 */
static int called_after_on_handle(const struct program *p, int func,
                                  const struct fact_call *c,
                                  const struct cat_blocking *b)
{
    const struct fact_func *f = p->funcs[func].f;
    int h = b->nb_handle;
    for (size_t j = 0; j < f->ncalls; j++) {
        const struct fact_call *o = &f->calls[j];
        if (o == c || p->funcs[func].calls[j].kind == PCALL_INDIRECT)
            continue;
        for (size_t k = 0; k < b->nb_nafter; k++)
            if (strcmp(o->name, b->nb_after[k]) == 0 && same_object(c, h, o, h))
                return 1;
    }
    return 0;
}

const struct cat_blocking *program_blocking_api(const struct program *p,
                                                int func, int call)
{
    const struct fact_call *c = &p->funcs[func].f->calls[call];
    const struct cat_blocking *b;
    if (p->funcs[func].calls[call].kind != PCALL_API)
        return NULL;
    b = catalog_blocking(p->cat, c->name);
    if (!b)
        return NULL;
    if (b->nb_nafter && called_after_on_handle(p, func, c, b))
        return NULL;
    if (b->fd_mode && p->funcs[func].calls[call].fd_blocking &&
        b->on_blocking_fd)
        b = b->on_blocking_fd;
    if (b->nb_mask || b->nb_not_null) {
        int a = b->nb_arg >= 0 ? b->nb_arg : (int)c->nargs - 1;
        if (a >= 0 && a < (int)c->nargs) {
            const struct fact_arg *arg = &c->args[a];
            if (b->nb_mask && arg->kind == FACT_ARG_INT &&
                (arg->ival & b->nb_mask))
                return NULL;
            if (b->nb_not_null && arg->kind != FACT_ARG_NULL)
                return NULL;
        }
    }
    return b;
}

int program_call_dies(const struct program *p, int func, int call)
{
    return p->funcs[func].calls[call].dies;
}

static int call_dies(const struct program *p, int func, int call)
{
    const struct fact_func *f = p->funcs[func].f;
    const struct fact_call *c = &f->calls[call];
    if (c->noreturn)
        return 1;
    /*
     * panic(fmt, time(NULL)), __builtin_unreachable(): the macro idiom of
     * a dying call; calls in the arguments come in between.
     */
    for (size_t j = (size_t)call + 1; j < f->ncalls && j < (size_t)call + 16;
         j++) {
        if (f->calls[j].line != c->line)
            break;
        if (f->calls[j].noreturn)
            return 1;
    }
    return 0;
}

/* 1 when the guard of a branch starts a child process. */
static int guard_forks(const struct program *p, const struct fact_branch *b)
{
    int g;
    if (catalog_is_fork(p->cat, b->guard))
        return 1;
    g = program_find(p, b->guard_usr);
    if (g < 0)
        return 0;
    for (size_t j = 0; j < p->funcs[g].f->ncalls; j++)
        if (catalog_is_fork(p->cat, p->funcs[g].f->calls[j].name))
            return 1;
    return 0;
}

int program_call_in_child(const struct program *p, int func, int call)
{
    return p->funcs[func].calls[call].in_child;
}

static int call_in_child(const struct program *p, int func, int call)
{
    const struct fact_func *f = p->funcs[func].f;
    int b = f->calls[call].branch;
    for (int guard = 0; b >= 0 && guard < 1000; guard++) {
        if (guard_forks(p, &f->branches[b]))
            return 1;
        b = f->branches[b].parent;
    }
    return 0;
}

/* Calls whose blocking does not hold up the caller's context. */
static int call_elsewhere(const struct program *p, int func, int call)
{
    const struct prog_call *pc = &p->funcs[func].calls[call];
    return pc->dies || pc->in_child;
}

/* The per-call flags that summaries ask about again and again. */
static void compute_call_flags(struct program *p)
{
    for (size_t i = 0; i < p->nfuncs; i++)
        for (size_t j = 0; j < p->funcs[i].f->ncalls; j++) {
            struct prog_call *pc = &p->funcs[i].calls[j];
            pc->dies = (unsigned char)call_dies(p, (int)i, (int)j);
            pc->in_child = (unsigned char)call_in_child(p, (int)i, (int)j);
        }
}

struct prog_witness *program_blocking(const struct program *p,
                                      prog_block_filter accept, void *data)
{
    struct prog_witness *w = xmalloc((p->nfuncs ? p->nfuncs : 1) * sizeof(*w));
    int *queue = xmalloc((p->nfuncs ? p->nfuncs : 1) * sizeof(int));
    size_t head = 0, tail = 0;

    for (size_t i = 0; i < p->nfuncs; i++)
        w[i].dist = w[i].call = -1;
    /* Seeds: functions that make an accepted blocking call themselves. */
    for (size_t i = 0; i < p->nfuncs; i++) {
        const struct prog_func *pf = &p->funcs[i];
        for (size_t j = 0; j < pf->f->ncalls; j++) {
            const struct cat_blocking *b =
                program_blocking_api(p, (int)i, (int)j);
            if (b && !call_elsewhere(p, (int)i, (int)j) &&
                (!accept || accept(b, &pf->f->calls[j], data))) {
                w[i].dist = 0;
                w[i].call = (int)j;
                queue[tail++] = (int)i;
                break;
            }
        }
    }
    /* Then their callers, through direct calls that return. */
    while (head < tail) {
        int g = queue[head++];
        for (size_t k = p->caller_start[g]; k < p->caller_start[g + 1]; k++) {
            const struct prog_edge *e = &p->callers[k];
            if (!e->elsewhere && w[e->to].dist < 0) {
                w[e->to].dist = w[g].dist + 1;
                w[e->to].call = (int)e->call;
                queue[tail++] = e->to;
            }
        }
    }
    free(queue);
    return w;
}

/* ---- descriptor modes --------------------------------------------------- */

/* 1 when some loop of f contains both calls (one can run after the other). */
static int share_loop(const struct fact_func *f, const struct fact_call *a,
                      const struct fact_call *b)
{
    for (int l = a->loop, guard = 0; l >= 0 && guard < 100000; guard++) {
        if (loop_within(f, b->loop, l))
            return 1;
        l = f->loops[l].parent;
    }
    return 0;
}

/*
 * 1 when call j's descriptor (argument 0, a variable) is visibly in
 * blocking mode: every call whose value the function stores in it is a
 * catalogued creator without the non-blocking flag, one of them comes
 * before the call, and nothing that could change the mode (fcntl, ioctl,
 * a project function: anything but descriptor calls known to keep it,
 * mode-fd APIs and cheap functions) receives it before the call or in a
 * loop around both.
 */
static int fd_visibly_blocking(const struct program *p, int func, int j)
{
    const struct fact_func *f = p->funcs[func].f;
    const struct fact_call *c = &f->calls[j];
    const char *fd;
    int created = 0;
    if (!c->nargs || c->args[0].kind != FACT_ARG_VAR || !c->args[0].ref)
        return 0;
    fd = c->args[0].ref;
    for (size_t k = 0; k < f->ncalls; k++) {
        const struct fact_call *o = &f->calls[k];
        const struct cat_descriptor *d =
            o->name ? catalog_descriptor(p->cat, o->name) : NULL;
        const struct cat_blocking *b;
        if ((int)k == j)
            continue;
        if (o->result && strcmp(o->result, fd) == 0) {
            const struct fact_arg *fl;
            if (!d || !d->creates || d->flags >= (int)o->nargs)
                return 0; /* stored from something else: unknown */
            fl = &o->args[d->flags];
            if (fl->kind != FACT_ARG_INT || (fl->ival & d->nb_mask))
                return 0; /* non-blocking, or flags not visible */
            if (o->seq < c->seq)
                created = 1;
            continue;
        }
        if (o->seq > c->seq && !share_loop(f, o, c))
            continue; /* after the call: cannot change its mode */
        for (size_t a = 0; a < o->nargs; a++) {
            if (!o->args[a].ref || strcmp(o->args[a].ref, fd) != 0 ||
                (o->args[a].kind != FACT_ARG_VAR &&
                 o->args[a].kind != FACT_ARG_ADDR))
                continue;
            b = o->name ? catalog_blocking(p->cat, o->name) : NULL;
            if (p->funcs[func].calls[k].kind == PCALL_INDIRECT ||
                !((d && !d->creates) || (b && b->fd_mode) ||
                  catalog_is_cheap(p->cat, o->name)))
                return 0;
        }
    }
    return created;
}

static void compute_fd_modes(struct program *p)
{
    for (size_t i = 0; i < p->nfuncs; i++) {
        struct prog_func *pf = &p->funcs[i];
        for (size_t j = 0; j < pf->f->ncalls; j++) {
            const struct cat_blocking *b;
            if (pf->calls[j].kind != PCALL_API)
                continue;
            b = catalog_blocking(p->cat, pf->f->calls[j].name);
            if (b && b->fd_mode && b->on_blocking_fd)
                pf->calls[j].fd_blocking =
                    fd_visibly_blocking(p, (int)i, (int)j);
        }
    }
}

/* ---- build and free ----------------------------------------------------- */

struct program *program_build(const struct catalog *cat,
                              const struct fact_tu *const *tus, size_t ntus)
{
    struct program *p = xcalloc(1, sizeof(*p));
    struct flows fl;
    struct targets t = {0};

    p->cat = cat;
    p->tus = tus;
    p->ntus = ntus;
    p->by_usr = strmap_new();
    p->conc_cache = conc_cache_new();
    p->prof_cache = prof_cache_new();
    p->memo = xcalloc(1, sizeof(*p->memo));
    t.index = strmap_new();

    link_functions(p);
    resolve_direct(p);
    compute_call_flags(p);
    flows_init(p, &fl);
    compute_param_flows(p, &fl);
    resolve_indirect(p, &fl, &t);
    build_edges(p);
    derive_wrappers(p);
    compute_poll_dist(p);
    compute_fd_modes(p);

    find_entry_roots(p);
    find_spawn_and_callback_roots(p, &t);
    find_field_roots(p, &fl);
    find_poll_roots(p);
    compute_executables(p);
    compute_contexts(p);

    flows_free(p, &fl);
    for (size_t i = 0; i < t.n; i++)
        free(t.sets[i].items);
    free(t.sets);
    strmap_free(t.index);
    return p;
}

void program_free(struct program *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->nfuncs; i++)
        free(p->funcs[i].calls);
    free(p->target_pool[0]);
    free(p->target_pool[1]);
    free(p->edge_start);
    free(p->edges);
    free(p->caller_start);
    free(p->callers);
    free(p->funcs);
    free(p->roots);
    strmap_free(p->by_usr);
    program_conc_cache_free(p);
    prof_cache_free(p->prof_cache, p->nfuncs);
    for (int k = 0; k < PROG_MEMO_COUNT; k++)
        if (p->memo->model[k])
            p->memo->release[k](p->memo->model[k]);
    free(p->memo);
    free(p);
}

void *program_memo(const struct program *p, enum prog_memo_kind kind,
                   void *(*build)(const struct program *p),
                   void (*release)(void *model))
{
    if (!p->memo->model[kind]) {
        p->memo->model[kind] = build(p);
        p->memo->release[kind] = release;
    }
    return p->memo->model[kind];
}

/* ---- concurrency paths -------------------------------------------------- */

/*
 * The concurrency pass above merges the masks of every root into one
 * worklist: fast, but a chain of "called from" links can mix two roots.
 * Evidence must be a real path, so a finding's path is searched again here,
 * from one root at a time with that root's own programs.  Search trees are
 * computed on demand and a few are kept; which functions each root's tree
 * reaches is kept for every root (a bit per function), so that asking
 * which roots reach a function does not rebuild trees.
 */
#define CONC_TREES 32

struct conc_tree {
    int root;    /* root index */
    int *parent; /* per function: caller on the path, -1 at a seed, -2 unreached
                  */
    int *call;   /* per function: call index in the caller */
};

struct conc_cache {
    struct conc_tree trees[CONC_TREES];
    size_t n;               /* trees in use */
    struct conc_tree *last; /* the tree asked for last */
    unsigned char **reach;  /* per root: bit f set when its tree has f */
    size_t nreach;          /* roots reach has room for */
};

static void conc_tree_build(const struct program *p, int ri,
                            struct conc_tree *t)
{
    const struct prog_root *r = &p->roots[ri];
    unsigned long long m;
    int *queue = xmalloc((p->nfuncs ? p->nfuncs : 1) * sizeof(int));
    size_t head = 0, tail = 0;

    t->root = ri;
    for (size_t i = 0; i < p->nfuncs; i++)
        t->parent[i] = -2;
    if (r->ctx == PROG_CTX_LOOP)
        m = r->site_func >= 0 ? p->funcs[r->site_func].conc_mask : 0;
    else
        m = r->site_func >= 0 ? p->funcs[r->site_func].exe
                              : p->funcs[r->func].exe;
    if (r->region_loop < 0) {
        t->parent[r->func] = -1;
        t->call[r->func] = -1;
        queue[tail++] = r->func;
    } else {
        const struct prog_func *pf = &p->funcs[r->func];
        for (size_t j = 0; j < pf->f->ncalls; j++) {
            const struct prog_call *pc = &pf->calls[j];
            if (!loop_within(pf->f, pf->f->calls[j].loop, r->region_loop))
                continue;
            for (int k = 0; k < pc->ntargets; k++)
                if (t->parent[pc->targets[k]] == -2) {
                    t->parent[pc->targets[k]] = r->func;
                    t->call[pc->targets[k]] = (int)j;
                    queue[tail++] = pc->targets[k];
                }
        }
    }
    while (head < tail && m) {
        int f = queue[head++];
        int checked = -1, table = 0;
        for (size_t e = p->edge_start[f]; e < p->edge_start[f + 1]; e++) {
            const struct prog_edge *ed = &p->edges[e];
            int g = ed->to;
            if (ed->elsewhere || t->parent[g] != -2)
                continue;
            if (ed->indirect && (int)ed->call != checked) {
                checked = (int)ed->call;
                table = dispatch_fanout(p, &p->funcs[f].calls[ed->call], m) >
                        MAX_CONC_FANOUT;
            }
            if (ed->indirect && (table || !(m & p->funcs[g].mention)))
                continue;
            t->parent[g] = f;
            t->call[g] = (int)ed->call;
            queue[tail++] = g;
        }
    }
    free(queue);
}

static const struct conc_tree *conc_tree_get(const struct program *p, int ri)
{
    struct conc_cache *c = p->conc_cache;
    struct conc_tree *t;
    if (c->last && c->last->root == ri)
        return c->last;
    for (size_t i = 0; i < c->n; i++)
        if (c->trees[i].root == ri)
            return c->last = &c->trees[i];
    if (c->n < CONC_TREES) {
        t = &c->trees[c->n++];
        t->parent = xmalloc((p->nfuncs ? p->nfuncs : 1) * sizeof(int));
        t->call = xmalloc((p->nfuncs ? p->nfuncs : 1) * sizeof(int));
    } else {
        t = &c->trees[(size_t)ri % CONC_TREES]; /* reuse a slot */
    }
    conc_tree_build(p, ri, t);
    return c->last = t;
}

/* 1 when concurrent root ri's search tree reaches func. */
static int conc_reaches(const struct program *p, int ri, int func)
{
    struct conc_cache *c = p->conc_cache;
    if (!c->reach) {
        c->nreach = p->nroots;
        c->reach = xcalloc(c->nreach + 1, sizeof(*c->reach));
    }
    if (!c->reach[ri]) {
        const struct conc_tree *t = conc_tree_get(p, ri);
        unsigned char *b = xcalloc(p->nfuncs / 8 + 1, 1);
        for (size_t f = 0; f < p->nfuncs; f++)
            if (t->parent[f] != -2)
                b[f >> 3] |= (unsigned char)(1u << (f & 7));
        c->reach[ri] = b;
    }
    return c->reach[ri][func >> 3] >> (func & 7) & 1;
}

int program_conc_path(const struct program *p, int func,
                      struct prog_step *steps, int max, int *root)
{
    for (size_t ri = 0; ri < p->nroots; ri++) {
        const struct conc_tree *t;
        int n = 0, f = func;
        if (!p->roots[ri].concurrent || !conc_reaches(p, (int)ri, func))
            continue;
        t = conc_tree_get(p, (int)ri);
        /* Walk up to the seed: func first, the root's function last. */
        while (f >= 0 && n < max) {
            steps[n].func = f;
            steps[n].from = t->parent[f];
            steps[n].call = t->call[f];
            n++;
            if (t->parent[f] < 0 || t->parent[f] == p->roots[ri].func)
                break;
            f = t->parent[f];
        }
        *root = (int)ri;
        return n;
    }
    return 0;
}

static struct conc_cache *conc_cache_new(void)
{
    return xcalloc(1, sizeof(struct conc_cache));
}

void program_conc_cache_free(struct program *p)
{
    struct conc_cache *c = p->conc_cache;
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++) {
        free(c->trees[i].parent);
        free(c->trees[i].call);
    }
    for (size_t i = 0; c->reach && i < c->nreach; i++)
        free(c->reach[i]);
    free(c->reach);
    free(c);
    p->conc_cache = NULL;
}

/* ---- async-overhead summaries (SW101-SW104 and syncwise advise) -------- */

static const char *const wait_class_names[] = {
#define X(id, str) str,
    PROG_WAIT_CLASSES(X)
#undef X
};

const char *prog_wait_class_name(enum prog_wait_class c)
{
    return (unsigned)c < PROG_WAIT_COUNT ? wait_class_names[c] : "?";
}

/* 1: the host names this machine, 0: another one, -1: cannot tell. */
static int host_is_local(const char *h, size_t len)
{
    if (!h || !len)
        return -1;
    if ((len == 9 && strncmp(h, "localhost", 9) == 0) ||
        (len >= 4 && strncmp(h, "127.", 4) == 0) ||
        (len == 3 && strncmp(h, "::1", 3) == 0) || h[0] == '/' ||
        (len >= 5 && strncmp(h, "unix:", 5) == 0))
        return 1;
    return 0;
}

/* Where a connection set-up call goes, from its literal arguments. */
static int endpoint_judge_arg(const struct cat_endpoint *ep,
                              const struct fact_arg *a);

static int endpoint_judge(const struct cat_endpoint *ep,
                          const struct fact_call *c)
{
    if (ep->local)
        return 1;
    if (ep->host < 0 || ep->host >= (int)c->nargs)
        return -1;
    return endpoint_judge_arg(ep, &c->args[ep->host]);
}

/* Where a connection goes, from the argument that names its host. */
static int endpoint_judge_arg(const struct cat_endpoint *ep,
                              const struct fact_arg *a)
{
    if (ep->local)
        return 1;
    if (a->kind == FACT_ARG_NULL)
        return ep->null_local ? 1 : -1;
    if (a->kind != FACT_ARG_STRING || !a->text)
        return -1;
    if (ep->conninfo) {
        /* "host=db.example.com dbname=app": no host means a local socket */
        const char *s = a->text, *v = NULL;
        while ((s = strstr(s, "host")) != NULL) {
            if ((s == a->text || s[-1] == ' ') &&
                (strncmp(s, "host=", 5) == 0 ||
                 strncmp(s, "hostaddr=", 9) == 0)) {
                v = strchr(s, '=') + 1;
                break;
            }
            s += 4;
        }
        if (!v)
            return strchr(a->text, '=') ? 1 : -1; /* a URI: cannot tell */
        return host_is_local(v, strcspn(v, " "));
    }
    return host_is_local(a->text, strlen(a->text));
}

/* Combines two judgements: any remote wins, unknown beats local. */
static int judge_merge(int have, int add)
{
    if (have == -2)
        return add;
    if (have == 0 || add == 0)
        return 0;
    if (have < 0 || add < 0)
        return -1;
    return 1;
}

/* Judgement of the connections of family `prefix` opened by any code. */
static int program_endpoint_family(const struct program *p, const char *prefix)
{
    int v = -2;
    for (size_t i = 0; i < p->nfuncs; i++) {
        const struct fact_func *f = p->funcs[i].f;
        for (size_t j = 0; j < f->ncalls; j++) {
            const struct cat_endpoint *ep =
                catalog_endpoint(p->cat, f->calls[j].name);
            if (ep && strcmp(ep->prefix, prefix) == 0)
                v = judge_merge(v, endpoint_judge(ep, &f->calls[j]));
        }
    }
    return v == -2 ? -1 : v;
}

int program_host_is_local(const char *host)
{
    return host ? host_is_local(host, strlen(host)) : -1;
}

int program_endpoint_call(const struct program *p, int func, int call)
{
    const struct fact_call *c = &p->funcs[func].f->calls[call];
    const struct cat_endpoint *ep = catalog_endpoint(p->cat, c->name);
    return ep ? endpoint_judge(ep, c) : -2;
}

int program_endpoint_host_arg(const struct program *p, int func, int call)
{
    const struct fact_call *c = &p->funcs[func].f->calls[call];
    const struct cat_endpoint *ep = catalog_endpoint(p->cat, c->name);
    return ep && !ep->local && ep->host >= 0 && ep->host < (int)c->nargs
               ? ep->host
               : -1;
}

int program_endpoint_call_with(const struct program *p, int func, int call,
                               const struct fact_arg *host)
{
    const struct fact_call *c = &p->funcs[func].f->calls[call];
    const struct cat_endpoint *ep = catalog_endpoint(p->cat, c->name);
    if (!ep)
        return -2;
    return host ? endpoint_judge_arg(ep, host) : endpoint_judge(ep, c);
}

static int prof_program_family(const struct program *p, struct prof_cache *pc,
                               const char *prefix);

int program_endpoint_family_judge(const struct program *p, const char *prefix)
{
    return prof_program_family(p, p->prof_cache, prefix);
}

#define MAX_ENDPOINT_FAMILIES 8

struct families {
    const char *prefix[MAX_ENDPOINT_FAMILIES]; /* family prefixes seen */
    int verdict[MAX_ENDPOINT_FAMILIES];        /* their judgement */
    int n;
};

static void families_add(struct families *fm, const char *prefix, int v)
{
    for (int i = 0; i < fm->n; i++)
        if (strcmp(fm->prefix[i], prefix) == 0) {
            fm->verdict[i] = judge_merge(fm->verdict[i], v);
            return;
        }
    if (fm->n < MAX_ENDPOINT_FAMILIES) {
        fm->prefix[fm->n] = prefix;
        fm->verdict[fm->n++] = v;
    }
}

static void add_site(struct prog_profile *pr, int func, int call,
                     enum prog_wait_class cls, int judged, const char *api)
{
    struct prog_wait_site s = {func, call, cls, judged, api};
    if (pr->nsites == pr->sites_cap)
        xgrow((void **)&pr->sites, &pr->sites_cap, pr->nsites + 1,
              sizeof(*pr->sites));
    pr->sites[pr->nsites++] = s;
}

/*
 * The class of a blocking call; net and db calls of unknown locality are
 * settled later from the connections (*family set to their prefix).
 */
static enum prog_wait_class blocking_class(const struct program *p,
                                           const struct cat_blocking *b,
                                           const char *name, int *judged,
                                           const char **family)
{
    *judged = 1;
    *family = NULL;
    switch (b->category) {
    case SW_CAT_SLEEP:
        return PROG_WAIT_SLEEP;
    case SW_CAT_WAIT:
        return PROG_WAIT_SYNC;
    case SW_CAT_PROCESS:
    case SW_CAT_CONSOLE:
        return PROG_WAIT_LOCAL;
    case SW_CAT_FILE:
        *judged = b->locality == SW_LOC_LOCAL;
        return PROG_WAIT_LOCAL;
    case SW_CAT_DNS:
        return PROG_WAIT_REMOTE;
    case SW_CAT_NET:
    case SW_CAT_DB:
    default:
        if (b->locality == SW_LOC_LOCAL)
            return PROG_WAIT_LOCAL;
        if (b->locality == SW_LOC_REMOTE)
            return PROG_WAIT_REMOTE;
        *judged = 0;
        *family = catalog_endpoint_prefix(p->cat, name);
        return PROG_WAIT_REMOTE;
    }
}

/* 1 when a call in loop l (of func) waits, or may (unknown). */
static int loop_waits(const struct program *p, const struct prog_witness *w,
                      int func, int l)
{
    const struct prog_func *pf = &p->funcs[func];
    for (size_t j = 0; j < pf->f->ncalls; j++) {
        const struct prog_call *pc = &pf->calls[j];
        if (!loop_within(pf->f, pf->f->calls[j].loop, l))
            continue;
        if (pc->kind == PCALL_API &&
            (program_blocking_api(p, func, (int)j) ||
             catalog_wait(p->cat, pf->f->calls[j].name) ||
             call_event_wait(p, func, (int)j)))
            return 1;
        if (pc->kind == PCALL_INDIRECT && pc->ntargets == 0)
            return 1;
        for (int k = 0; k < pc->ntargets; k++)
            if (w && w[pc->targets[k]].dist >= 0)
                return 1;
        if (program_call_polls(p, func, (int)j))
            return 1;
    }
    return 0;
}

/*
 * 1 for a loop that a macro wrote on one line (do { ... } while (0) in an
 * ASSERT): on its parent's line, or with every call on its own line.  It
 * runs once, so it is not CPU work.
 */
static int macro_loop(const struct fact_func *f, int l)
{
    int par = f->loops[l].parent, calls = 0;
    if (par >= 0 && f->loops[par].line == f->loops[l].line)
        return 1;
    for (size_t j = 0; j < f->ncalls; j++)
        if (loop_within(f, f->calls[j].loop, l)) {
            if (f->calls[j].line != f->loops[l].line)
                return 0;
            calls++;
        }
    return calls > 0;
}

/*
 * A profile is a union over the functions a root reaches, so it is one
 * breadth-first walk per root.  What each function adds by itself (its
 * loops, waits, unknown calls, connections and callees) is computed once
 * per program; the walk only adds those parts up, and a function's whole
 * profile is kept once computed (SW102, SW103 and advise ask for the same
 * roots).  The walk order, and so the order of sites and names, is the
 * order of the walk over the call graph.
 */
struct prof_fam {
    const char *prefix; /* endpoint family */
    int verdict;        /* judgement of its connections (endpoint_judge) */
};

struct prof_fn {
    int loops, cpu_loops;
    int nested_cpu_loops; /* counted only at depth <= 1 */
    int ncalls, unresolved, external;
    const char *first_unknown;
    size_t site0, nsites; /* its waits, in cache sites */
    size_t fam0, nfams;   /* its connections per family, in cache fams */
    size_t succ0, nsucc;  /* functions it calls, in call order, in succ */
};

struct prof_cache {
    int built;
    struct prof_fn *fn; /* per function */
    struct {
        struct prog_wait_site *items;
        size_t n, cap;
    } sites;
    struct {
        int *items;
        size_t n, cap;
    } succ;
    struct {
        struct prof_fam *items;
        size_t n, cap;
    } fams, program_fams; /* program_fams: program_endpoint_family() memo */
    unsigned *fn_mark;    /* walk scratch: marked with gen */
    unsigned gen;
    int *queue;
    struct prog_profile **memo; /* per function: its profile, once computed */
};

static struct prof_cache *prof_cache_new(void)
{
    return xcalloc(1, sizeof(struct prof_cache));
}

static void prof_cache_free(struct prof_cache *pc, size_t nfuncs)
{
    if (!pc)
        return;
    for (size_t i = 0; pc->memo && i < nfuncs; i++)
        if (pc->memo[i]) {
            prog_profile_release(pc->memo[i]);
            free(pc->memo[i]);
        }
    free(pc->memo);
    free(pc->fn);
    free(pc->sites.items);
    free(pc->succ.items);
    free(pc->fams.items);
    free(pc->program_fams.items);
    free(pc->fn_mark);
    free(pc->queue);
    free(pc);
}

/* Adds a connection's judgement to function fn's families. */
static void prof_fam_add(struct prof_cache *pc, struct prof_fn *fn,
                         const char *prefix, int v)
{
    for (size_t i = fn->fam0; i < pc->fams.n; i++)
        if (strcmp(pc->fams.items[i].prefix, prefix) == 0) {
            pc->fams.items[i].verdict =
                judge_merge(pc->fams.items[i].verdict, v);
            return;
        }
    {
        struct prof_fam fa = {prefix, v};
        VEC_PUSH(pc->fams, fa);
    }
}

/* What function f adds to a profile by itself. */
static void prof_fn_build(const struct program *p, const struct prog_witness *w,
                          struct prof_cache *pc, int f)
{
    const struct prog_func *pf = &p->funcs[f];
    struct prof_fn *fn = &pc->fn[f];
    fn->site0 = pc->sites.n;
    fn->fam0 = pc->fams.n;
    fn->succ0 = pc->succ.n;
    for (size_t l = 0; l < pf->f->nloops; l++) {
        fn->loops++;
        if (!loop_waits(p, w, f, (int)l)) {
            fn->cpu_loops++;
            if (pf->f->loops[l].parent >= 0 && !macro_loop(pf->f, (int)l))
                fn->nested_cpu_loops++;
        }
    }
    for (size_t j = 0; j < pf->f->ncalls; j++) {
        const struct fact_call *c = &pf->f->calls[j];
        const struct prog_call *pc_ = &pf->calls[j];
        const struct cat_endpoint *ep;
        const struct cat_blocking *b;
        if (call_elsewhere(p, f, (int)j))
            continue;
        fn->ncalls++;
        switch (pc_->kind) {
        case PCALL_API:
            ep = catalog_endpoint(p->cat, c->name);
            if (ep)
                prof_fam_add(pc, fn, ep->prefix, endpoint_judge(ep, c));
            b = program_blocking_api(p, f, (int)j);
            if (b) {
                int judged;
                const char *fam;
                enum prog_wait_class cls =
                    blocking_class(p, b, c->name, &judged, &fam);
                struct prog_wait_site s = {f, (int)j, cls, judged, c->name};
                VEC_PUSH(pc->sites, s);
            } else if (catalog_wait(p->cat, c->name) ||
                       call_event_wait(p, f, (int)j)) {
                struct prog_wait_site s = {f, (int)j, PROG_WAIT_SYNC, 1,
                                           c->name};
                VEC_PUSH(pc->sites, s);
            }
            break;
        case PCALL_DIRECT:
            VEC_PUSH(pc->succ, pc_->targets[0]);
            break;
        case PCALL_INDIRECT:
            if (pc_->ntargets == 0 || pc_->ntargets > MAX_CONC_FANOUT) {
                fn->unresolved++;
                if (!fn->first_unknown)
                    fn->first_unknown = c->name;
                break;
            }
            for (int k = 0; k < pc_->ntargets; k++)
                VEC_PUSH(pc->succ, pc_->targets[k]);
            break;
        case PCALL_EXTERNAL:
            ep = catalog_endpoint(p->cat, c->name);
            if (ep) {
                prof_fam_add(pc, fn, ep->prefix, endpoint_judge(ep, c));
            } else if (!catalog_is_cheap(p->cat, c->name) &&
                       !catalog_pool(p->cat, c->name, NULL)) {
                fn->external++;
                if (!fn->first_unknown)
                    fn->first_unknown = c->name;
            }
            break;
        }
    }
    fn->nsites = pc->sites.n - fn->site0;
    fn->nfams = pc->fams.n - fn->fam0;
    fn->nsucc = pc->succ.n - fn->succ0;
}

static struct prof_cache *prof_cache_get(const struct program *p,
                                         const struct prog_witness *w)
{
    struct prof_cache *pc = p->prof_cache;
    size_t n = p->nfuncs ? p->nfuncs : 1;
    if (pc->built)
        return pc;
    pc->fn = xcalloc(n, sizeof(*pc->fn));
    pc->fn_mark = xcalloc(n, sizeof(*pc->fn_mark));
    pc->queue = xmalloc(n * sizeof(*pc->queue));
    pc->memo = xcalloc(n, sizeof(*pc->memo));
    for (size_t f = 0; f < p->nfuncs; f++)
        prof_fn_build(p, w, pc, (int)f);
    pc->built = 1;
    return pc;
}

/* program_endpoint_family(), memoised: it looks at every call. */
static int prof_program_family(const struct program *p, struct prof_cache *pc,
                               const char *prefix)
{
    struct prof_fam fa;
    for (size_t i = 0; i < pc->program_fams.n; i++)
        if (strcmp(pc->program_fams.items[i].prefix, prefix) == 0)
            return pc->program_fams.items[i].verdict;
    fa.prefix = prefix;
    fa.verdict = program_endpoint_family(p, prefix);
    VEC_PUSH(pc->program_fams, fa);
    return fa.verdict;
}

static void prof_walk(const struct program *p, struct prof_cache *pc, int func,
                      struct prog_profile *pr)
{
    unsigned gen = ++pc->gen;
    size_t head = 0, tail = 0, depth1 = 1; /* queue[0, depth1): depth <= 1 */
    struct families fm = {0};

    if (gen == 0) { /* wrapped: clear the marks */
        memset(pc->fn_mark, 0, p->nfuncs * sizeof(*pc->fn_mark));
        gen = pc->gen = 1;
    }
    pc->queue[tail++] = func;
    pc->fn_mark[func] = gen;
    while (head < tail) {
        int f = pc->queue[head++];
        const struct prof_fn *fn = &pc->fn[f];
        pr->nfuncs++;
        pr->loops += fn->loops;
        pr->cpu_loops += fn->cpu_loops;
        if (head <= depth1)
            pr->nested_cpu_loops += fn->nested_cpu_loops;
        pr->ncalls += fn->ncalls;
        pr->unresolved += fn->unresolved;
        pr->external += fn->external;
        if (!pr->first_unknown)
            pr->first_unknown = fn->first_unknown;
        for (size_t k = 0; k < fn->nsites; k++) {
            const struct prog_wait_site *s = &pc->sites.items[fn->site0 + k];
            add_site(pr, s->func, s->call, s->cls, s->judged, s->api);
        }
        for (size_t k = 0; k < fn->nfams; k++)
            families_add(&fm, pc->fams.items[fn->fam0 + k].prefix,
                         pc->fams.items[fn->fam0 + k].verdict);
        for (size_t k = 0; k < fn->nsucc; k++) {
            int g = pc->succ.items[fn->succ0 + k];
            if (pc->fn_mark[g] != gen) {
                pc->fn_mark[g] = gen;
                pc->queue[tail++] = g;
            }
        }
        if (head == 1)
            depth1 = tail;
    }
    /* Settle net and db waits of unknown locality from the connections. */
    for (size_t i = 0; i < pr->nsites; i++) {
        struct prog_wait_site *s = &pr->sites[i];
        const struct cat_blocking *b = catalog_blocking(p->cat, s->api);
        const char *fam = NULL;
        int judged, v = -1, found = 0;
        if (!b || s->judged)
            continue;
        (void)blocking_class(p, b, s->api, &judged, &fam);
        if (!fam)
            continue;
        for (int k = 0; k < fm.n; k++)
            if (strcmp(fm.prefix[k], fam) == 0) {
                v = fm.verdict[k];
                found = 1;
            }
        if (!found)
            v = prof_program_family(p, pc, fam);
        if (v == 1) {
            s->cls = PROG_WAIT_LOCAL;
            s->judged = 1;
        } else if (v == 0) {
            s->judged = 1;
        }
    }
    for (size_t i = 0; i < pr->nsites; i++)
        pr->nwaits[pr->sites[i].cls]++;
    /* Callee names, in walk order (the queue) and call order, only for
     * trivial work: SW102 says what it calls; other work reaches too much
     * to list. */
    if (prog_profile_trivial(pr)) {
        struct strmap *seen = strmap_new();
        for (size_t q = 0; q < tail; q++) {
            const struct prog_func *qf = &p->funcs[pc->queue[q]];
            for (size_t j = 0; j < qf->f->ncalls; j++) {
                const char *name = qf->f->calls[j].name;
                if (!name || call_elsewhere(p, pc->queue[q], (int)j) ||
                    strmap_get(seen, name) >= 0)
                    continue;
                strmap_put(seen, name, 1);
                if (pr->ncallees < 4)
                    pr->callees[pr->ncallees] = name;
                pr->ncallees++;
            }
        }
        strmap_free(seen);
    }
}

static void profile_copy(struct prog_profile *to,
                         const struct prog_profile *from)
{
    *to = *from;
    to->sites = NULL;
    to->sites_cap = 0;
    if (from->nsites) {
        to->sites = xmalloc(from->nsites * sizeof(*to->sites));
        memcpy(to->sites, from->sites, from->nsites * sizeof(*to->sites));
        to->sites_cap = from->nsites;
    }
}

void program_profile(const struct program *p, const struct prog_witness *w,
                     int func, struct prog_profile *pr)
{
    struct prof_cache *pc = prof_cache_get(p, w);
    if (!pc->memo[func]) {
        pc->memo[func] = xcalloc(1, sizeof(struct prog_profile));
        prof_walk(p, pc, func, pc->memo[func]);
    }
    profile_copy(pr, pc->memo[func]);
}

void prog_profile_release(struct prog_profile *pr)
{
    free(pr->sites);
    memset(pr, 0, sizeof(*pr));
}

int prog_profile_trivial(const struct prog_profile *pr)
{
    return pr->nsites == 0 && pr->loops == 0 && pr->unresolved == 0 &&
           pr->external == 0;
}

int prog_profile_local_only(const struct prog_profile *pr)
{
    if (pr->nsites == 0 || pr->unresolved)
        return 0;
    for (size_t i = 0; i < pr->nsites; i++)
        if (pr->sites[i].cls != PROG_WAIT_LOCAL || !pr->sites[i].judged)
            return 0;
    return 1;
}

/* 1 when two arguments name the same object (&t and t count as one). */
static int same_object(const struct fact_call *a, int ia,
                       const struct fact_call *b, int ib)
{
    const struct fact_arg *x, *y;
    const char *tx, *ty;
    if (ia < 0 || ib < 0 || ia >= (int)a->nargs || ib >= (int)b->nargs)
        return 0;
    x = &a->args[ia];
    y = &b->args[ib];
    if (x->ref && y->ref && x->kind != FACT_ARG_OTHER &&
        y->kind != FACT_ARG_OTHER)
        return strcmp(x->ref, y->ref) == 0;
    tx = x->text;
    ty = y->text;
    if (!tx || !ty)
        return 0;
    while (*tx == '&' || *tx == ' ')
        tx++;
    while (*ty == '&' || *ty == ' ')
        ty++;
    return strcmp(tx, ty) == 0;
}

/* The pool a call takes part in, by name, for calls to APIs only. */
static const struct cat_pool *call_pool(const struct program *p, int func,
                                        int call, enum sw_pool_role *role)
{
    const struct prog_call *pc = &p->funcs[func].calls[call];
    if (pc->kind == PCALL_DIRECT || pc->kind == PCALL_INDIRECT)
        return NULL; /* the project's own function of that name */
    return catalog_pool(p->cat, p->funcs[func].f->calls[call].name, role);
}

/* 1 when the argument is a local variable (or its address). */
static int local_handle(const struct fact_call *c, int i)
{
    return i >= 0 && i < (int)c->nargs && c->args[i].ref && c->args[i].local &&
           (c->args[i].kind == FACT_ARG_VAR ||
            c->args[i].kind == FACT_ARG_ADDR);
}

/*
 * For a wait that drains a whole loop or pool (uv_run, thpool_wait,
 * aio_suspend): 1 when the work started at `call` is all that is pending.
 */
static int nothing_pending(const struct program *p, int func, int call,
                           const struct cat_pool *pool)
{
    const struct fact_func *f = p->funcs[func].f;
    const struct fact_call *c = &f->calls[call];
    for (size_t j = 0; j < (size_t)call; j++) {
        enum sw_pool_role r;
        const char *loop = NULL;
        const struct cat_spawn *s = catalog_spawn(p->cat, f->calls[j].name);
        if ((call_pool(p, func, (int)j, &r) == pool && r == SW_POOL_SUBMIT) ||
            (s && p->funcs[func].calls[j].kind == PCALL_API) ||
            call_loop_args(p, func, (int)j, &loop))
            return 0; /* other work or handles started before */
    }
    if (pool->handle >= 0 && local_handle(c, pool->handle)) {
        /* Anything else given the loop or pool is other pending work. */
        for (size_t j = 0; j < f->ncalls; j++) {
            enum sw_pool_role r;
            if (j == (size_t)call || call_pool(p, func, (int)j, &r) == pool)
                continue;
            for (size_t a = 0; a < f->calls[j].nargs; a++)
                if (f->calls[j].args[a].ref &&
                    strcmp(f->calls[j].args[a].ref,
                           c->args[pool->handle].ref) == 0)
                    return 0;
        }
        return 1;
    }
    if (pool->handle < 0)
        return 1;
    /* A shared loop (uv_default_loop()): nothing else may register on it. */
    for (size_t r = 0; r < p->nroots; r++) {
        const struct prog_root *root = &p->roots[r];
        if ((root->kind == PROG_ROOT_CALLBACK ||
             root->kind == PROG_ROOT_FIELD) &&
            !(root->site_func == func && root->site_call == call))
            return 0;
    }
    for (size_t i = 0; i < p->nfuncs; i++)
        for (size_t j = 0; j < p->funcs[i].f->ncalls; j++) {
            enum sw_pool_role r;
            if ((i != (size_t)func || j != (size_t)call) &&
                call_pool(p, (int)i, (int)j, &r) == pool && r == SW_POOL_SUBMIT)
                return 0;
        }
    return 1;
}

/* 1 when call n is written inside one of c's arguments: f(g(x)). */
static int in_arguments(const struct fact_call *c, const struct fact_call *n)
{
    size_t len = n->name ? strlen(n->name) : 0;
    if (!len || n->line < c->line || (n->line == c->line && n->col <= c->col))
        return 0;
    for (size_t a = 0; a < c->nargs; a++) {
        const char *t = c->args[a].text, *at;
        for (at = t ? strstr(t, n->name) : NULL; at;
             at = strstr(at + 1, n->name))
            if (at[len] == '(' &&
                (at == t ||
                 !(at[-1] == '_' || (at[-1] >= 'a' && at[-1] <= 'z') ||
                   (at[-1] >= 'A' && at[-1] <= 'Z') ||
                   (at[-1] >= '0' && at[-1] <= '9'))))
                return 1;
    }
    return 0;
}

/*
 * 1 when call j is the only call (besides calls on its own line) of a loop
 * directly inside loop `outer`:
 * a retry around the wait (while (aio_suspend(...) < 0 && errno == EINTR)).
 */
static int retry_loop(const struct fact_func *f, int j, int outer)
{
    int l = f->calls[j].loop;
    if (l < 0 || f->loops[l].parent != outer)
        return 0;
    for (size_t k = 0; k < f->ncalls; k++)
        if ((int)k != j && loop_within(f, f->calls[k].loop, l) &&
            f->calls[k].line != f->calls[j].line)
            return 0; /* errno's __errno_location() in the test is fine */
    return 1;
}

int program_spawn_waited(const struct program *p, int func, int call, int *wait)
{
    const struct prog_func *pf = &p->funcs[func];
    const struct fact_call *c = &pf->f->calls[call], *n;
    const struct cat_spawn *s = NULL;
    const struct cat_pool *pool, *wp;
    enum sw_pool_role role = SW_POOL_CREATE, wrole = SW_POOL_CREATE;
    int next = -1, matched = 0;

    if (pf->calls[call].kind == PCALL_API)
        s = catalog_spawn(p->cat, c->name);
    pool = call_pool(p, func, call, &role);
    if (pool && role != SW_POOL_SUBMIT)
        pool = NULL;
    if ((!s || !s->nwaits) && !pool)
        return 0;
    /*
     * The next call at the spawn's level: deeper calls are error paths, and
     * calls in the spawn's own arguments come before it runs.
     */
    for (size_t j = (size_t)call + 1; j < pf->f->ncalls; j++) {
        if (pf->f->calls[j].cond > c->cond || in_arguments(c, &pf->f->calls[j]))
            continue;
        if (pf->f->calls[j].cond == c->cond)
            next = (int)j;
        break;
    }
    if (next < 0)
        return 0;
    n = &pf->f->calls[next];
    if (!n->name || (n->loop != c->loop && !retry_loop(pf->f, next, c->loop)))
        return 0; /* joined in a later loop: they did overlap */
    if (loop_between(pf->f, c, n))
        return 0; /* the spawner loops in between (calls, if any, guarded) */
    for (size_t k = 0; s && k < s->nwaits && !matched; k++) {
        const struct cat_wait *cw;
        if (strcmp(n->name, s->waits[k]) != 0)
            continue;
        cw = catalog_wait(p->cat, n->name);
        if (s->handle < 0 || !cw || cw->handle < 0 ||
            same_object(c, s->handle, n, cw->handle))
            matched = 1;
    }
    wp = call_pool(p, func, next, &wrole);
    if (!matched && pool && wp == pool &&
        (wrole == SW_POOL_RUN || wrole == SW_POOL_DESTROY) &&
        (pool->handle < 0 || same_object(c, pool->handle, n, pool->handle)))
        matched = 1;
    if (!matched)
        return 0;
    if (wp && (wrole == SW_POOL_RUN || wrole == SW_POOL_DESTROY) &&
        !nothing_pending(p, func, call, wp))
        return 0;
    *wait = next;
    return 1;
}

int program_single_use_pool(const struct program *p, int func, int call,
                            int *create, int *destroy,
                            const struct cat_pool **poolp)
{
    const struct fact_func *f = p->funcs[func].f;
    const struct fact_call *c = &f->calls[call];
    enum sw_pool_role role;
    const struct cat_pool *pool = call_pool(p, func, call, &role);
    const char *ref;
    int cr = -1, de = -1, ncreate = 0, nsubmit = 0, ndestroy = 0;

    if (!pool || role != SW_POOL_SUBMIT || pool->handle < 0 ||
        !local_handle(c, pool->handle))
        return 0;
    ref = c->args[pool->handle].ref;
    for (size_t j = 0; j < f->ncalls; j++) {
        const struct fact_call *d = &f->calls[j];
        enum sw_pool_role r;
        const struct cat_pool *q = call_pool(p, func, (int)j, &r);
        int mine = 0;
        if (q == pool) {
            int h = r == SW_POOL_CREATE ? pool->create_handle : pool->handle;
            mine = h < 0 ? r == SW_POOL_CREATE
                         : h < (int)d->nargs && d->args[h].ref &&
                               strcmp(d->args[h].ref, ref) == 0;
        }
        if (mine) {
            if (r == SW_POOL_CREATE) {
                ncreate++;
                cr = (int)j;
            } else if (r == SW_POOL_SUBMIT) {
                nsubmit++;
            } else if (r == SW_POOL_DESTROY) {
                ndestroy++;
                de = (int)j;
            }
            continue;
        }
        if (q == pool && r == SW_POOL_CREATE)
            return 0; /* another pool of the kind: cannot tell which */
        for (size_t a = 0; a < d->nargs; a++)
            if (d->args[a].ref && strcmp(d->args[a].ref, ref) == 0)
                return 0; /* handed to other code: more tasks may come */
    }
    if (ncreate != 1 || nsubmit != 1 || ndestroy != 1 || cr > call ||
        de < call || f->calls[cr].loop != c->loop)
        return 0;
    *create = cr;
    *destroy = de;
    *poolp = pool;
    return 1;
}

int program_blocks_loop(const struct cat_blocking *b, int include_local_io)
{
    if (b->fd_mode)
        return 0;
    /* A call that a callback would make asynchronous (nb_not_null) is the
     * sync form of the loop's own API: reported even for local files. */
    if (b->category == SW_CAT_FILE && b->locality == SW_LOC_LOCAL &&
        !include_local_io && !b->nb_not_null)
        return 0;
    return 1;
}

/* Functions of the executables in mask m (all for 0), and library code. */
static int same_executable(const struct program *p, int f, unsigned long long m)
{
    return !m || !p->funcs[f].exe || (p->funcs[f].exe & m);
}

/* 1 when the work of func only waits locally, without blocking a loop. */
static int callback_local(const struct program *p, const struct prog_witness *w,
                          int func, int include_local_io)
{
    struct prog_profile pr = {0};
    int ok;
    program_profile(p, w, func, &pr);
    ok = pr.unresolved == 0;
    for (size_t k = 0; ok && k < pr.nsites; k++) {
        const struct prog_wait_site *s = &pr.sites[k];
        const struct cat_blocking *b = catalog_blocking(p->cat, s->api);
        ok = s->cls == PROG_WAIT_LOCAL && s->judged && b &&
             !program_blocks_loop(b, include_local_io);
    }
    prog_profile_release(&pr);
    return ok;
}

/* 1 unless every callback argument of the call is NULL (uv_fs_read(...,
 * NULL) runs synchronously and registers nothing). */
static int registers(const struct cat_callback *cb, const struct fact_call *c)
{
    for (size_t i = 0; i < cb->nargs; i++) {
        int a = cb->args[i] >= 0 ? cb->args[i] : (int)c->nargs - 1;
        if (a >= 0 && a < (int)c->nargs && c->args[a].kind != FACT_ARG_NULL)
            return 1;
    }
    return 0;
}

/* 1 when registration x comes before y in the source. */
static int reg_before(const struct program *p, const struct prog_loop_reg *x,
                      const struct prog_loop_reg *y)
{
    const struct fact_func *fx = p->funcs[x->func].f, *fy = p->funcs[y->func].f;
    const struct fact_call *cx = &fx->calls[x->call], *cy = &fy->calls[y->call];
    int c = strcmp(fx->file, fy->file);
    if (c)
        return c < 0;
    if (cx->line != cy->line)
        return cx->line < cy->line;
    return cx->col < cy->col;
}

/* Fills l for the run call when its loop is local-only; else returns 0. */
static int local_loop(const struct program *p, const struct prog_witness *w,
                      int include_local_io, const char *loop,
                      unsigned long long m, struct prog_local_loop *l)
{
    struct {
        struct prog_loop_reg *items;
        size_t n, cap;
    } regs = {0};
    struct {
        int *items;
        size_t n, cap;
    } roots = {0};

    for (size_t f = 0; f < p->nfuncs; f++) {
        const struct prog_func *pf = &p->funcs[f];
        if (!same_executable(p, (int)f, m))
            continue;
        for (size_t j = 0; j < pf->f->ncalls; j++) {
            const struct cat_callback *cb;
            struct prog_loop_reg r = {(int)f, (int)j, -1};
            if (pf->calls[j].kind != PCALL_API)
                continue;
            cb = catalog_callback(p->cat, pf->f->calls[j].name);
            if (!cb || strcmp(cb->loop, loop) != 0)
                continue;
            if (cb->wait == SW_CB_WAIT_OTHER)
                goto quiet; /* the loop waits on something else too */
            if (cb->wait == SW_CB_WAIT_LOCAL && registers(cb, &pf->f->calls[j]))
                VEC_PUSH(regs, r);
        }
    }
    if (!regs.n)
        goto quiet;
    for (size_t ri = 0; ri < p->nroots; ri++) {
        const struct prog_root *r = &p->roots[ri];
        /* A hand-written event loop may serve other sources and run this
         * loop a step at a time (uv_run(loop, UV_RUN_NOWAIT)). */
        if (r->kind == PROG_ROOT_POLL && same_executable(p, r->func, m))
            goto quiet;
        /* Functions called through pointers from callbacks (DISPATCH) are
         * in the callbacks' profiles, or make them unresolved. */
        if (r->ctx != PROG_CTX_LOOP || r->kind == PROG_ROOT_DISPATCH ||
            !r->loop_name || strcmp(r->loop_name, loop) != 0 ||
            (r->site_func >= 0 && !same_executable(p, r->site_func, m)))
            continue;
        /* A field callback (libev): cannot tell what it waits on. */
        if (r->kind != PROG_ROOT_CALLBACK || r->site_func < 0 ||
            !callback_local(p, w, r->func, include_local_io))
            goto quiet;
        VEC_PUSH(roots, (int)ri);
        for (size_t k = 0; k < regs.n; k++)
            if (regs.items[k].root < 0 && regs.items[k].func == r->site_func &&
                regs.items[k].call == r->site_call)
                regs.items[k].root = (int)ri;
    }
    for (size_t i = 1; i < regs.n; i++) /* few: insertion sort */
        for (size_t k = i;
             k > 0 && reg_before(p, &regs.items[k], &regs.items[k - 1]); k--) {
            struct prog_loop_reg t = regs.items[k];
            regs.items[k] = regs.items[k - 1];
            regs.items[k - 1] = t;
        }
    l->loop = loop;
    l->reg = regs.items;
    l->nreg = regs.n;
    l->roots = roots.items;
    l->nroots = roots.n;
    return 1;
quiet:
    free(regs.items);
    free(roots.items);
    return 0;
}

/*
 * Of the run calls of l's loop in the executables m, the first one in a
 * function that also registers a local operation (the function that
 * starts the chain and runs it), if any; else l keeps the first run call.
 */
static void prefer_run_with_registration(const struct program *p,
                                         struct prog_local_loop *l,
                                         unsigned long long m)
{
    for (size_t k = 0; k < l->nreg; k++) {
        const struct prog_func *pf = &p->funcs[l->reg[k].func];
        if (pf->exe != m)
            continue;
        for (size_t j = 0; j < pf->f->ncalls; j++) {
            const struct cat_loop_run *run =
                catalog_loop_run(p->cat, pf->f->calls[j].name);
            if (pf->calls[j].kind != PCALL_DIRECT && run &&
                strcmp(run->loop, l->loop) == 0) {
                l->func = l->reg[k].func;
                l->call = (int)j;
                return;
            }
        }
    }
}

size_t program_local_loops(const struct program *p,
                           const struct prog_witness *w, int include_local_io,
                           struct prog_local_loop **out)
{
    struct {
        struct prog_local_loop *items;
        size_t n, cap;
    } found = {0};
    struct seen {
        const char *loop;
        unsigned long long m;
    };
    struct {
        struct seen *items;
        size_t n, cap;
    } seen = {0};

    for (size_t f = 0; f < p->nfuncs; f++) {
        const struct prog_func *pf = &p->funcs[f];
        for (size_t j = 0; j < pf->f->ncalls; j++) {
            const struct cat_loop_run *run;
            struct prog_local_loop l = {(int)f, (int)j, NULL, NULL, 0, NULL, 0};
            struct seen s = {NULL, pf->exe};
            int dup = 0;
            if (pf->calls[j].kind == PCALL_DIRECT ||
                !(run = catalog_loop_run(p->cat, pf->f->calls[j].name)))
                continue;
            s.loop = run->loop;
            for (size_t k = 0; k < seen.n && !dup; k++)
                dup = seen.items[k].m == s.m &&
                      strcmp(seen.items[k].loop, s.loop) == 0;
            if (dup)
                continue;
            VEC_PUSH(seen, s);
            if (local_loop(p, w, include_local_io, run->loop, pf->exe, &l)) {
                prefer_run_with_registration(p, &l, pf->exe);
                VEC_PUSH(found, l);
            }
        }
    }
    free(seen.items);
    *out = found.items;
    return found.n;
}

void program_local_loops_free(struct prog_local_loop *l, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(l[i].reg);
        free(l[i].roots);
    }
    free(l);
}

int program_root_offloaded_from_loop(const struct program *p, int root)
{
    const struct prog_root *r = &p->roots[root];
    if (r->site_func < 0)
        return 0;
    if (p->funcs[r->site_func].reach[PROG_CTX_LOOP].root >= 0)
        return 1;
    for (size_t k = 0; k < p->nroots; k++)
        if (p->roots[k].kind == PROG_ROOT_POLL &&
            p->roots[k].func == r->site_func && r->site_call >= 0 &&
            loop_within(p->funcs[r->site_func].f,
                        p->funcs[r->site_func].f->calls[r->site_call].loop,
                        p->roots[k].region_loop))
            return 1;
    return 0;
}

int program_conc_roots(const struct program *p, int func, int *roots, int max)
{
    int n = 0;
    for (size_t ri = 0; ri < p->nroots && n < max; ri++) {
        if (!p->roots[ri].concurrent)
            continue;
        if (conc_reaches(p, (int)ri, func))
            roots[n++] = (int)ri;
    }
    return n;
}

int program_conc_parent(const struct program *p, int ri, int func, int *call)
{
    const struct conc_tree *t;
    if (ri < 0 || (size_t)ri >= p->nroots || !p->roots[ri].concurrent)
        return -2;
    t = conc_tree_get(p, ri);
    if (call)
        *call = t->call[func];
    return t->parent[func];
}

int program_spawn_context_arg(const struct program *p, int ri,
                              const struct cat_spawn **cat)
{
    const struct prog_root *r = &p->roots[ri];
    const struct prog_func *sf;
    const struct fact_call *c;
    const struct prog_call *pc;
    int arg = -1;
    *cat = NULL;
    if (r->kind != PROG_ROOT_SPAWN || r->site_func < 0)
        return -1;
    sf = &p->funcs[r->site_func];
    c = &sf->f->calls[r->site_call];
    pc = &sf->calls[r->site_call];
    if (pc->kind == PCALL_API) {
        *cat = catalog_spawn(p->cat, c->name);
        arg = *cat ? (*cat)->context : -1;
    } else if (pc->kind == PCALL_DIRECT) {
        arg = p->funcs[pc->targets[0]].spawn_ctx_param;
    }
    return arg >= 0 && arg < (int)c->nargs ? arg : -1;
}
