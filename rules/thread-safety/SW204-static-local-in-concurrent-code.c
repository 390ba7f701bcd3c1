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
 */
#include "engine/rules.h"

#include "common/strmap.h"
#include "program/locks.h"

#include <stdlib.h>
#include <string.h>

struct sw204 {
    struct rule_ctx *ctx;         /* the run */
    int func;                     /* function walked */
    const struct strmap *statics; /* USR of a static local -> 1 */
    const char *reported;         /* last variable reported (once each) */
};

static void on_access(void *data, int access, const struct lock_held *held,
                      size_t nheld)
{
    struct sw204 *s = data;
    const struct program *p = s->ctx->prog;
    const struct prog_func *pf = &p->funcs[s->func];
    const struct fact_access *a = &pf->f->accesses[access];
    struct sw_diag *d;
    (void)held;
    if (nheld || !(a->flags & FACT_ACC_WRITE) || (a->flags & FACT_ACC_ATOMIC) ||
        strmap_get(s->statics, a->var) < 0)
        return;
    if (s->reported && strcmp(s->reported, a->var) == 0)
        return;
    s->reported = a->var;
    d = diags_add(s->ctx->out, s->ctx->rule, pf->f->file, a->line, a->col,
                  "'%s' is a static local written in '%s', which runs "
                  "concurrently with other threads, without a lock",
                  a->name, pf->f->name);
    d->end_col = a->col + (int)strlen(a->name);
    diag_set(&d->function, "%s", pf->f->name);
    diag_set(&d->context, "thread");
    rule_context_notes(s->ctx, d, s->func, -1);
    diag_set(&d->suggestion,
             "make it a local, pass it in, make it _Thread_local or "
             "_Atomic, or hold a lock around every use");
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
    struct lock_summaries sums;
    unsigned char *entered;

    for (size_t t = 0; t < p->ntus; t++)
        for (size_t g = 0; g < p->tus[t]->nglobals; g++) {
            const struct fact_global *gl = &p->tus[t]->globals[g];
            if (gl->owner && !gl->is_atomic && !gl->is_tls && !gl->is_const)
                strmap_put(statics, gl->usr, 1);
        }
    locks_summaries_init(&sums, p);
    entered = locks_entered_locked(p, &sums);
    for (size_t i = 0; i < p->nfuncs; i++) {
        struct prog_step step;
        int root;
        struct sw204 s = {ctx, (int)i, statics, NULL};
        if (p->funcs[i].conc.root < 0 ||
            !program_conc_path(p, (int)i, &step, 1, &root) ||
            !runs_twice_at_once(p, (int)i) || entered[i])
            continue; /* entered[i]: every caller holds a lock */
        locks_walk_accesses(p, &sums, (int)i, on_access, &s);
    }
    locks_summaries_release(&sums);
    free(entered);
    strmap_free(statics);
}
