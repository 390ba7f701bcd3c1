/*
 * SW202 mt-unsafe-call-in-thread: a function that is not thread-safe
 * (strtok, localtime, rand, ...: static state shared by every caller)
 * called by code that runs at the same time as other threads.
 *
 * Only contexts that really run concurrently count: start routines of
 * threads that the spawner does not wait for at once, start routines with
 * several instances, pool tasks, and loop callbacks of loops that run in
 * such threads.  Code in a program without concurrency is never reported.
 */
#include "engine/rules.h"

void rule_SW202(struct rule_ctx *ctx)
{
    const struct program *p = ctx->prog;
    for (size_t i = 0; i < p->nfuncs; i++) {
        const struct prog_func *pf = &p->funcs[i];
        const struct prog_root *root;
        struct prog_step step;
        int ri;
        if (pf->conc.root < 0)
            continue;
        /* Only where a real path from a concurrent root exists. */
        if (!program_conc_path(p, (int)i, &step, 1, &ri))
            continue;
        root = &p->roots[ri];
        for (size_t j = 0; j < pf->f->ncalls; j++) {
            const struct fact_call *c = &pf->f->calls[j];
            const struct cat_mt_unsafe *m;
            struct sw_diag *d;
            if (pf->calls[j].kind != PCALL_API)
                continue;
            m = catalog_mt_unsafe(p->cat, c->name);
            if (!m)
                continue;
            d = rule_report_call(
                ctx, (int)i, (int)j,
                "'%s' is not thread-safe and '%s' runs concurrently with "
                "other threads; use %s",
                c->name, pf->f->name, m->replacement);
            diag_set(&d->context, "%s", prog_ctx_name(root->ctx));
            if (m->reason)
                diag_note(d, pf->f->file, c->line, c->col, "'%s' %s", c->name,
                          m->reason);
            rule_context_notes(ctx, d, (int)i, -1);
            diag_set(&d->suggestion, "replace '%s' with %s", c->name,
                     m->replacement);
        }
    }
}
