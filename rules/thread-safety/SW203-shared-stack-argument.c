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
#include "program/params.h"

#include <string.h>

#define SW203_MAX_WRAP 8 /* wrapper levels followed */

/*
 * For a call to the project's own spawn wrapper (a function passing its
 * start-routine parameter on to a spawn, maybe through other wrappers):
 * the catalogued spawn it ends in.  *handle_param gets the wrapper's
 * parameter that becomes that spawn's handle, or -1 when the handle is the
 * wrapper's own (a local it keeps, detaches or stores away).
 */
static const struct cat_spawn *wrapper_spawn(const struct program *p, int g,
                                             int *handle_param)
{
    int chain[SW203_MAX_WRAP], calls[SW203_MAX_WRAP], n = 0, h = -1;
    const struct cat_spawn *cat = NULL;
    *handle_param = -1;
    while (n < SW203_MAX_WRAP && !cat && g >= 0) {
        const struct prog_func *pf = &p->funcs[g];
        int next = -1;
        for (size_t j = 0; j < pf->f->ncalls && next < 0 && !cat; j++) {
            const struct fact_call *c = &pf->f->calls[j];
            const struct prog_call *pc = &pf->calls[j];
            const struct cat_spawn *s =
                pc->kind == PCALL_API ? catalog_spawn(p->cat, c->name) : NULL;
            int cb = s ? s->callback
                     : pc->kind == PCALL_DIRECT
                         ? p->funcs[pc->targets[0]].spawn_param
                         : -1;
            if (cb < 0 || cb >= (int)c->nargs ||
                c->args[cb].kind != FACT_ARG_PARAM ||
                c->args[cb].param != pf->spawn_param)
                continue;
            chain[n] = g;
            calls[n] = (int)j;
            if (s)
                cat = s;
            else
                next = pc->targets[0];
        }
        if (!cat && next < 0)
            return NULL;
        n++;
        g = next;
    }
    if (!cat)
        return NULL;
    /* The handle, from the innermost spawn back out to the first wrapper. */
    h = cat->handle;
    for (int k = n - 1; k >= 0 && h >= 0; k--) {
        const struct fact_call *c = &p->funcs[chain[k]].f->calls[calls[k]];
        h = h < (int)c->nargs && c->args[h].kind == FACT_ARG_PARAM
                ? c->args[h].param
                : -1;
    }
    *handle_param = h;
    return cat;
}

/* The spawn root ri was started by: context and handle arguments, and the
 * catalogued spawn it ends in (through the project's wrappers). */
static int spawn_shape(const struct program *p, int ri, int *ctx_arg,
                       int *handle_arg, const struct cat_spawn **cat)
{
    const struct prog_root *r = &p->roots[ri];
    const struct prog_call *pc = &p->funcs[r->site_func].calls[r->site_call];
    *ctx_arg = program_spawn_context_arg(p, ri, cat);
    if (*ctx_arg < 0)
        return 0;
    if (pc->kind == PCALL_API)
        *handle_arg = (*cat)->handle;
    else
        *cat = wrapper_spawn(p, pc->targets[0], handle_arg);
    return 1;
}

/* 1 when loop l is loop outer or nested in it (outer -1: any). */
static int in_loop(const struct fact_func *f, int l, int outer)
{
    for (int guard = 0; outer >= 0 && guard < 100000; guard++) {
        if (l == outer)
            return 1;
        if (l < 0)
            return 0;
        l = f->loops[l].parent;
    }
    return outer < 0;
}

/*
 * 1 when the spawner later waits for what it started, in loop `within`
 * (-1: anywhere after it): a matching join on the same handle, a project
 * function that joins the handle it is given (join_all(threads, n)), or a
 * wait on the very object it passed (a semaphore or barrier the threads
 * signal once they are done with it).
 */
static int waited_later(const struct program *p,
                        const struct param_summary *sums,
                        const struct prog_root *r, const struct cat_spawn *cat,
                        int handle_arg, const char *object, int within)
{
    const struct fact_func *f = p->funcs[r->site_func].f;
    const struct fact_call *c = &f->calls[r->site_call];
    const char *handle = NULL;
    if (!cat || (handle_arg < 0 && cat->handle >= 0))
        return 1; /* a wrapper keeps the handle: assume it is waited for */
    if (handle_arg >= 0 && handle_arg < (int)c->nargs)
        handle = c->args[handle_arg].ref;
    for (size_t k = (size_t)r->site_call + 1; k < f->ncalls; k++) {
        const struct fact_call *w = &f->calls[k];
        const struct cat_blocking *b = catalog_blocking(p->cat, w->name);
        if (!in_loop(f, w->loop, within))
            continue;
        if (catalog_lock(p->cat, w->name) || (b && b->category == SW_CAT_WAIT))
            for (size_t a = 0; a < w->nargs; a++)
                if (object && w->args[a].ref &&
                    strcmp(w->args[a].ref, object) == 0)
                    return 1;
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
        if (handle && p->funcs[r->site_func].calls[k].kind == PCALL_DIRECT)
            for (size_t a = 0; a < w->nargs; a++)
                if (w->args[a].ref && strcmp(w->args[a].ref, handle) == 0 &&
                    params_call_joins(p, sums, r->site_func, (int)k, (int)a))
                    return 1;
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

/* The object a context argument points to: itself, or what a local
 * pointer holds (ctx = &sess); NULL when it is not a stack object. */
static const struct fact_arg *stack_object(const struct fact_arg *a)
{
    if (a->kind == FACT_ARG_VAR && a->origin)
        a = a->origin;
    if (!a->local || !a->text || !a->ref ||
        !(a->kind == FACT_ARG_ADDR || (a->kind == FACT_ARG_VAR && a->array)))
        return NULL;
    return a;
}

void rule_SW203(struct rule_ctx *ctx)
{
    const struct program *p = ctx->prog;
    struct param_summary sums;
    params_summarise(&sums, p);
    for (size_t r = 0; r < p->nroots; r++) {
        const struct prog_root *root = &p->roots[r];
        const struct cat_spawn *cat;
        const struct fact_func *sf;
        const struct fact_call *c;
        const struct fact_arg *a, *o;
        int ctx_arg, handle_arg = -1, dup = 0;
        struct sw_diag *d;
        if (root->kind != PROG_ROOT_SPAWN || root->site_func < 0)
            continue;
        /* One finding per spawn call, even with several start routines. */
        for (size_t q = 0; q < r && !dup; q++)
            dup = p->roots[q].kind == PROG_ROOT_SPAWN &&
                  p->roots[q].site_func == root->site_func &&
                  p->roots[q].site_call == root->site_call;
        if (dup || !spawn_shape(p, (int)r, &ctx_arg, &handle_arg, &cat))
            continue;
        sf = p->funcs[root->site_func].f;
        c = &sf->calls[root->site_call];
        if (ctx_arg >= (int)c->nargs)
            continue;
        a = &c->args[ctx_arg];
        if (!(o = stack_object(a)))
            continue;
        if (c->loop >= 0 && o->kind == FACT_ARG_ADDR && !strchr(o->text, '[') &&
            loop_counter(sf, c->loop, o->ref)) {
            d = rule_report_call(ctx, root->site_func, root->site_call,
                                 "every thread started in this loop gets "
                                 "the same address '%s': they share one "
                                 "stack variable that the loop keeps "
                                 "changing",
                                 a->text);
            diag_set(&d->suggestion,
                     "give each thread its own object: an array element "
                     "(&args[i]) or a heap allocation the thread frees");
        } else if (o->decl_loop >= 0 && in_loop(sf, c->loop, o->decl_loop) &&
                   !waited_later(p, &sums, root, cat, handle_arg, o->ref,
                                 o->decl_loop)) {
            const struct fact_loop *l = &sf->loops[o->decl_loop];
            d = rule_report_call(ctx, root->site_func, root->site_call,
                                 "'%s' points to a variable declared in the "
                                 "loop body: it ends with each iteration "
                                 "while '%s' may still use it",
                                 a->text, p->funcs[root->func].f->name);
            diag_note(d, sf->file, l->line, l->col,
                      "the loop ends the variable's life before the thread "
                      "is waited for");
            diag_set(&d->suggestion,
                     "give each thread its own object that outlives the "
                     "loop (an array element, or a heap allocation the "
                     "thread frees), or wait in the same iteration");
        } else if (!waited_later(p, &sums, root, cat, handle_arg, o->ref, -1)) {
            d = rule_report_call(ctx, root->site_func, root->site_call,
                                 "'%s' points to a stack variable of '%s', "
                                 "which can return while '%s' still uses it",
                                 a->text, sf->name,
                                 p->funcs[root->func].f->name);
            diag_set(&d->suggestion,
                     "allocate the context on the heap (the thread frees "
                     "it), or wait for the thread before returning");
        } else {
            continue;
        }
        if (o != a)
            diag_note(d, sf->file, c->line, c->col, "'%s' holds '%s'", a->text,
                      o->text);
        if (cat && p->funcs[root->site_func].calls[root->site_call].kind ==
                       PCALL_DIRECT) {
            int wf =
                p->funcs[root->site_func].calls[root->site_call].targets[0];
            const struct fact_func *w = p->funcs[wf].f;
            diag_note(d, w->file, w->line, w->col, "'%s' hands it on to '%s'%s",
                      w->name, cat->name,
                      handle_arg >= 0 ? " and leaves the waiting to its caller"
                                      : "");
        }
        diag_set(&d->context, "%s", prog_ctx_name(root->ctx));
        diag_note(d, p->funcs[root->func].f->file, p->funcs[root->func].f->line,
                  p->funcs[root->func].f->col,
                  "'%s' receives it as its context",
                  p->funcs[root->func].f->name);
    }
    params_release(&sums);
}
