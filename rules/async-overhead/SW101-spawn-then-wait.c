/*
 * SW101 spawn-then-wait: concurrent work started and waited for before the
 * spawner does anything else.  pthread_create then pthread_join,
 * uv_queue_work then uv_run with nothing else pending, a pool submit then
 * the pool's wait, aio_read then aio_suspend; also both inside the same
 * loop iteration.  The work runs while its spawner only waits, so it runs
 * sequentially: a direct call does the same without the machinery.
 *
 * Threads started in one loop and joined in a later loop did overlap and
 * are not reported; calls nested in a conditional between the two (the
 * error path of the spawn) are not work done meanwhile.  A task that is
 * the only one of a pool created and torn down in the same function is
 * SW104's finding, not this one.
 */
#include "engine/rules.h"

void rule_SW101(struct rule_ctx *ctx)
{
    const struct program *p = ctx->prog;
    for (size_t i = 0; i < p->nfuncs; i++) {
        const struct prog_func *pf = &p->funcs[i];
        for (size_t j = 0; j < pf->f->ncalls; j++) {
            const struct fact_call *c = &pf->f->calls[j];
            const struct cat_spawn *s;
            const struct cat_pool *pool;
            const struct fact_call *n;
            const char *work = NULL;
            int wait, cr, de;
            struct sw_diag *d;
            if (!program_spawn_waited(p, (int)i, (int)j, &wait))
                continue;
            if (program_single_use_pool(p, (int)i, (int)j, &cr, &de, &pool))
                continue; /* SW104 */
            n = &pf->f->calls[wait];
            s = catalog_spawn(p->cat, c->name);
            if (s && s->callback < (int)c->nargs)
                work = c->args[s->callback].text;
            if (work)
                d = rule_report_call(
                    ctx, (int)i, (int)j,
                    "'%s' is started with '%s' and '%s' waits for it at "
                    "once%s: it runs sequentially, and calling '%s' directly "
                    "does the same",
                    work, c->name, n->name,
                    c->loop >= 0 ? " in the same loop iteration" : "", work);
            else
                d = rule_report_call(
                    ctx, (int)i, (int)j,
                    "'%s' is waited for at once by '%s'%s: the request runs "
                    "sequentially, and the plain blocking call does the same",
                    c->name, n->name,
                    c->loop >= 0 ? " in the same loop iteration" : "");
            diag_note(d, pf->f->file, n->line, n->col,
                      "'%s' waits here, before '%s' does anything else",
                      n->name, pf->f->name);
            if (work)
                diag_set(&d->suggestion,
                         "call '%s' directly instead of starting and "
                         "waiting for it",
                         work);
            else
                diag_set(&d->suggestion,
                         "make the blocking call directly, or do other work "
                         "before '%s'",
                         n->name);
        }
    }
}
