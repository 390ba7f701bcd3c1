/*
 * SW104 single-use-pool: a pool or an event loop created, given exactly
 * one task, and torn down in the same function.  The pool's threads (or
 * the loop) exist for one piece of work that the function then waits for:
 * a direct call does the same.
 *
 * The pool must be a local variable that no other call receives (a
 * helper given the pool may submit more), the one submit must not be in a
 * loop of its own, and the function must create the pool once.
 */
#include "engine/rules.h"

void rule_SW104(struct rule_ctx *ctx)
{
    const struct program *p = ctx->prog;
    for (size_t i = 0; i < p->nfuncs; i++) {
        const struct prog_func *pf = &p->funcs[i];
        for (size_t j = 0; j < pf->f->ncalls; j++) {
            const struct fact_call *c = &pf->f->calls[j], *cr, *de;
            const struct cat_pool *pool;
            const struct cat_spawn *s;
            const char *work = NULL;
            int create, destroy;
            struct sw_diag *d;
            if (!program_single_use_pool(p, (int)i, (int)j, &create, &destroy,
                                         &pool))
                continue;
            cr = &pf->f->calls[create];
            de = &pf->f->calls[destroy];
            s = catalog_spawn(p->cat, c->name);
            if (s && s->callback < (int)c->nargs)
                work = c->args[s->callback].text;
            d = rule_report_call(ctx, (int)i, (int)j,
                                 "%s is created with '%s', given this one "
                                 "task%s%s%s, and torn down with '%s' in '%s': "
                                 "a direct call does the same",
                                 pool->what, cr->name, work ? " ('" : "",
                                 work ? work : "", work ? "')" : "", de->name,
                                 pf->f->name);
            diag_note(d, pf->f->file, cr->line, cr->col,
                      "created here with '%s'", cr->name);
            diag_note(d, pf->f->file, de->line, de->col,
                      "torn down here with '%s'", de->name);
            diag_set(&d->suggestion, "call the task directly and drop %s",
                     pool->what);
        }
    }
}
