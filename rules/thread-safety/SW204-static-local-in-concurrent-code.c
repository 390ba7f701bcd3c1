/*
 * SW204 static-local-in-concurrent-code: a function-static variable that
 * the function writes without holding a lock (and that is not _Atomic),
 * where the function runs concurrently with other threads.  Every caller
 * shares the one variable: "static int initialised" and "static char
 * buf[64]" become races.
 *
 * Concurrency is a real path from a concurrent root (program_conc_path),
 * as for SW202, and two executions must be able to overlap: a thread with
 * several instances, two concurrent roots, or one and main.  Locks are
 * those held at the write (program/locks.h).
 *
 * A write is an assignment (=, op=, ++), or the static's address (or the
 * array itself, which decays to it) passed to a function that writes
 * through that argument: a library function of the "writes" catalog
 * (snprintf, strftime, memcpy into the buffer) or a project function that
 * writes through the parameter (program/params.h).
 */
#include "engine/rules.h"

#include "common/strmap.h"
#include "common/xalloc.h"
#include "program/locks.h"
#include "program/params.h"

#include <stdlib.h>
#include <string.h>

struct sw204 {
    struct rule_ctx *ctx;             /* the run */
    int func;                         /* function walked */
    const struct strmap *statics;     /* USR of a static local -> index */
    const struct fact_global **owned; /* those statics, by index */
    const struct param_summary *sums; /* writes through parameters */
    const char *reported;             /* last variable reported (once each) */
};

/* Reports a write of static var (named name) at line:col, once per var. */
static struct sw_diag *report(struct sw204 *s, const char *var,
                              const char *name, int line, int col)
{
    const struct prog_func *pf = &s->ctx->prog->funcs[s->func];
    struct sw_diag *d;
    if (s->reported && strcmp(s->reported, var) == 0)
        return NULL;
    s->reported = var;
    d = diags_add(s->ctx->out, s->ctx->rule, pf->f->file, line, col,
                  "'%s' is a static local written in '%s', which runs "
                  "concurrently with other threads, without a lock",
                  name, pf->f->name);
    d->end_col = col + (int)strlen(name);
    diag_set(&d->function, "%s", pf->f->name);
    diag_set(&d->context, "thread");
    rule_context_notes(s->ctx, d, s->func, -1);
    diag_set(&d->suggestion,
             "make it a local, pass it in, make it _Thread_local or "
             "_Atomic, or hold a lock around every use");
    return d;
}

static void on_access(void *data, int access, const struct lock_held *held,
                      size_t nheld)
{
    struct sw204 *s = data;
    const struct program *p = s->ctx->prog;
    const struct fact_access *a = &p->funcs[s->func].f->accesses[access];
    (void)held;
    if (nheld || !(a->flags & FACT_ACC_WRITE) || (a->flags & FACT_ACC_ATOMIC) ||
        strmap_get(s->statics, a->var) < 0)
        return;
    report(s, a->var, a->name, a->line, a->col);
}

/* The static an argument points to (&st, &st.f, buf, p = buf), or NULL. */
static const char *static_pointee(const struct sw204 *s,
                                  const struct fact_arg *a)
{
    if (a->origin)
        a = a->origin;
    if (!a->ref ||
        !(a->kind == FACT_ARG_ADDR || (a->kind == FACT_ARG_VAR && a->array)))
        return NULL;
    return strmap_get(s->statics, a->ref) >= 0 ? a->ref : NULL;
}

/* A call writing into a static through its address: snprintf(buf, ...). */
static void on_call(void *data, int call, const struct lock_held *held,
                    size_t nheld)
{
    struct sw204 *s = data;
    const struct program *p = s->ctx->prog;
    const struct prog_func *pf = &p->funcs[s->func];
    const struct fact_call *c = &pf->f->calls[call];
    (void)held;
    if (nheld)
        return;
    for (size_t i = 0; i < c->nargs; i++) {
        const char *var = static_pointee(s, &c->args[i]);
        const struct fact_func *g;
        struct sw_diag *d;
        if (!var || !params_call_writes(p, s->sums, s->func, call, (int)i))
            continue;
        d = report(s, var, s->owned[strmap_get(s->statics, var)]->name, c->line,
                   c->col);
        if (!d)
            continue;
        g = pf->calls[call].kind == PCALL_DIRECT
                ? p->funcs[pf->calls[call].targets[0]].f
                : NULL;
        if (g)
            diag_note(d, g->file, g->line, g->col,
                      "'%s' writes through its parameter %zu", g->name, i + 1);
        else
            diag_note(d, pf->f->file, c->line, c->col,
                      "'%s' writes into its argument %zu ('%s')", c->name,
                      i + 1, c->args[i].text ? c->args[i].text : "?");
    }
}

/*
 * 1 when two executions of func can overlap: a thread with several
 * instances reaches it, or two concurrent roots do, or one does and so
 * does main.  A static used by one single thread is not shared.
 */
static int runs_twice_at_once(const struct program *p, int func)
{
    int roots[8];
    int n = program_conc_roots(p, func, roots, 8);
    if (n > 1 || p->funcs[func].reach[PROG_CTX_MAIN].root >= 0)
        return n > 0;
    return n == 1 && p->roots[roots[0]].multi;
}

void rule_SW204(struct rule_ctx *ctx)
{
    const struct program *p = ctx->prog;
    struct strmap *statics = strmap_new();
    const struct fact_global **owned = NULL;
    size_t nowned = 0, cap = 0;
    struct lock_summaries sums;
    struct param_summary writes;
    unsigned char *entered;

    for (size_t t = 0; t < p->ntus; t++)
        for (size_t g = 0; g < p->tus[t]->nglobals; g++) {
            const struct fact_global *gl = &p->tus[t]->globals[g];
            if (!gl->owner || gl->is_atomic || gl->is_tls || gl->is_const ||
                strmap_get(statics, gl->usr) >= 0)
                continue;
            if (nowned == cap)
                xgrow((void **)&owned, &cap, nowned + 1, sizeof(*owned));
            owned[nowned] = gl;
            strmap_put(statics, gl->usr, (long)nowned++);
        }
    locks_summaries_init(&sums, p);
    params_summarise(&writes, p);
    entered = locks_entered_locked(p, &sums);
    for (size_t i = 0; i < p->nfuncs; i++) {
        struct prog_step step;
        int root;
        struct sw204 s = {ctx, (int)i, statics, owned, &writes, NULL};
        if (p->funcs[i].conc.root < 0 ||
            !program_conc_path(p, (int)i, &step, 1, &root) ||
            !runs_twice_at_once(p, (int)i) || entered[i])
            continue; /* entered[i]: every caller holds a lock */
        locks_walk_events(p, &sums, (int)i, on_call, on_access, &s);
    }
    params_release(&writes);
    locks_summaries_release(&sums);
    free(entered);
    free(owned);
    strmap_free(statics);
}
