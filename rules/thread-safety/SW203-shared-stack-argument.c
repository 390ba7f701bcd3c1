/*
 * SW203 shared-stack-argument: the address of a stack variable passed as a
 * thread's context argument when the thread can outlive the variable (the
 * spawner never waits for it), or the address of the loop's counter passed
 * to every thread started in the loop (they all share one object that the
 * loop keeps changing).  One object shared on purpose (&barrier, &config)
 * is fine when the loop does not change it.
 *
 * "&args[i]" is one object per iteration and is fine; so is a local whose
 * spawner waits for the thread (a matching join on the same handle, or the
 * pool's wait) before returning.
 */
#include "engine/rules.h"

#include <string.h>

/*
 * 1 when the spawner later waits for what it started: a matching join on
 * the same handle, or a wait on the very object it passed (a semaphore or
 * barrier the threads signal once they are done with it).
 */
static int waited_later(const struct program *p, const struct prog_root *r,
                        const struct cat_spawn *cat, const char *object)
{
    const struct fact_func *f = p->funcs[r->site_func].f;
    const struct fact_call *c = &f->calls[r->site_call];
    const char *handle = NULL;
    if (!cat) /* a wrapper: its handle is not visible; assume it waits */
        return 1;
    for (size_t k = (size_t)r->site_call + 1; k < f->ncalls; k++) {
        const struct fact_call *w = &f->calls[k];
        const struct cat_blocking *b = catalog_blocking(p->cat, w->name);
        if (!catalog_lock(p->cat, w->name) &&
            !(b && b->category == SW_CAT_WAIT))
            continue;
        for (size_t a = 0; a < w->nargs; a++)
            if (object && w->args[a].ref && strcmp(w->args[a].ref, object) == 0)
                return 1;
    }
    if (cat->handle >= 0 && cat->handle < (int)c->nargs)
        handle = c->args[cat->handle].ref;
    for (size_t k = (size_t)r->site_call + 1; k < f->ncalls; k++) {
        const struct fact_call *w = &f->calls[k];
        for (size_t i = 0; i < cat->nwaits; i++) {
            const struct cat_wait *cw;
            if (strcmp(w->name, cat->waits[i]) != 0)
                continue;
            cw = catalog_wait(p->cat, w->name);
            if (!handle || !cw || cw->handle < 0 ||
                cw->handle >= (int)w->nargs ||
                (w->args[cw->handle].ref &&
                 strcmp(w->args[cw->handle].ref, handle) == 0))
                return 1;
        }
    }
    return 0;
}

/* 1 when var is the counter of loop l or of a loop around it. */
static int loop_counter(const struct fact_func *f, int l, const char *var)
{
    for (int guard = 0; l >= 0 && var && guard < 100000; guard++) {
        if (f->loops[l].counter && strcmp(f->loops[l].counter, var) == 0)
            return 1;
        l = f->loops[l].parent;
    }
    return 0;
}

void rule_SW203(struct rule_ctx *ctx)
{
    const struct program *p = ctx->prog;
    for (size_t r = 0; r < p->nroots; r++) {
        const struct prog_root *root = &p->roots[r];
        const struct cat_spawn *cat;
        const struct fact_call *c;
        const struct fact_arg *a;
        int ctx_arg, dup = 0;
        struct sw_diag *d;
        if (root->kind != PROG_ROOT_SPAWN || root->site_func < 0)
            continue;
        /* One finding per spawn call, even with several start routines. */
        for (size_t q = 0; q < r && !dup; q++)
            dup = p->roots[q].kind == PROG_ROOT_SPAWN &&
                  p->roots[q].site_func == root->site_func &&
                  p->roots[q].site_call == root->site_call;
        if (dup || (ctx_arg = program_spawn_context_arg(p, (int)r, &cat)) < 0)
            continue;
        c = &p->funcs[root->site_func].f->calls[root->site_call];
        a = &c->args[ctx_arg];
        if (a->kind != FACT_ARG_ADDR || !a->local || !a->text)
            continue;
        if (c->loop >= 0 && !strchr(a->text, '[') &&
            loop_counter(p->funcs[root->site_func].f, c->loop, a->ref)) {
            d = rule_report_call(ctx, root->site_func, root->site_call,
                                 "every thread started in this loop gets "
                                 "the same address '%s': they share one "
                                 "stack variable that the loop keeps "
                                 "changing",
                                 a->text);
            diag_set(&d->suggestion,
                     "give each thread its own object: an array element "
                     "(&args[i]) or a heap allocation the thread frees");
        } else if (!waited_later(p, root, cat, a->ref)) {
            d = rule_report_call(ctx, root->site_func, root->site_call,
                                 "'%s' points to a stack variable of '%s', "
                                 "which can return while '%s' still uses it",
                                 a->text, p->funcs[root->site_func].f->name,
                                 p->funcs[root->func].f->name);
            diag_set(&d->suggestion,
                     "allocate the context on the heap (the thread frees "
                     "it), or wait for the thread before returning");
        } else {
            continue;
        }
        diag_set(&d->context, "%s", prog_ctx_name(root->ctx));
        diag_note(d, p->funcs[root->func].f->file, p->funcs[root->func].f->line,
                  p->funcs[root->func].f->col,
                  "'%s' receives it as its context",
                  p->funcs[root->func].f->name);
    }
}
