/*
 * SW304 blocking-under-lock: a blocking call, made directly or through
 * callees, while a lock is held.  Every thread that needs the lock waits
 * for the I/O too.
 *
 * Locks come from the catalog (mutexes, rwlocks, spinlocks, C11 mtx, GLib,
 * libuv, semaphores used as mutexes) and from the project's own lock
 * wrappers (program/locks.h).  A condition wait counts when locks other
 * than its mutex are held: it releases only its mutex.  Not counted:
 * condition waits on the held mutex alone (they release it while they
 * wait), calls whose blocking depends on the descriptor's mode unless the
 * function visibly created it blocking (program_blocking_api), calls made
 * non-blocking by their arguments, and local file I/O unless the
 * include-local-io option is set (writing a log line under the log's own lock
 * is the common, short case).
 */
#include "engine/rules.h"

#include "program/locks.h"

#include <stdlib.h>
#include <string.h>

struct sw304 {
    struct rule_ctx *ctx;         /* the run */
    const struct prog_witness *w; /* blocking summaries */
    int func;                     /* function being walked */
};

static int blocks_holder(const struct cat_blocking *b,
                         const struct fact_call *c, void *data)
{
    const struct rule_ctx *ctx = data;
    /* Taking another lock, or a condition wait that releases this one, is
     * not I/O. */
    if (catalog_lock(ctx->cat, c->name))
        return 0;
    if (b->fd_mode)
        return 0;
    if (b->category == SW_CAT_FILE && b->locality == SW_LOC_LOCAL &&
        !ctx->include_local_io)
        return 0;
    return 1;
}

static void on_call(void *data, int call, const struct lock_held *held,
                    size_t nheld)
{
    struct sw304 *s = data;
    struct rule_ctx *ctx = s->ctx;
    const struct program *p = ctx->prog;
    const struct prog_func *pf = &p->funcs[s->func];
    const struct fact_call *c = &pf->f->calls[call];
    const struct lock_held *lock = &held[nheld - 1];
    const struct fact_call *at = &pf->f->calls[lock->call];
    const struct cat_blocking *api;
    struct sw_diag *d;
    int g = -1;

    const struct cat_lock *wait = catalog_lock(ctx->cat, c->name);
    char mutex[LOCKS_NAME_MAX];

    if (program_call_dies(p, s->func, call) ||
        program_call_in_child(p, s->func, call))
        return;
    if (wait && wait->op != SW_LOCK_COND_WAIT)
        wait = NULL;
    api = program_blocking_api(p, s->func, call);
    /* A condition wait reaches here only when it leaves other locks held. */
    if (api && !wait && !blocks_holder(api, c, ctx))
        return;
    if (!api) {
        if (pf->calls[call].kind != PCALL_DIRECT)
            return;
        g = pf->calls[call].targets[0];
        if (s->w[g].dist < 0)
            return;
    }
    if (api) {
        d = rule_report_call(
            ctx, s->func, call, "'%s' blocks while '%s' is held in '%s' (%s)",
            c->name, lock->name, pf->f->name, sw_category_desc(api->category));
    } else {
        /* The API at the end of the callee chain, for the message. */
        const struct fact_call *end = NULL;
        int h = g, guard = 0;
        while (h >= 0 && s->w[h].dist >= 0 && guard++ < 64) {
            end = &p->funcs[h].f->calls[s->w[h].call];
            if (s->w[h].dist == 0)
                break;
            h = p->funcs[h].calls[s->w[h].call].targets[0];
        }
        api = end ? catalog_blocking(p->cat, end->name) : NULL;
        d = rule_report_call(ctx, s->func, call,
                             "'%s' blocks while '%s' is held in '%s': it "
                             "calls '%s' (%s)",
                             c->name, lock->name, pf->f->name,
                             end ? end->name : "?",
                             api ? sw_category_desc(api->category) : "?");
        rule_witness_notes(ctx, d, s->w, g);
    }
    diag_note(d, pf->f->file, at->line, at->col, "'%s' is locked here",
              lock->name);
    if (wait && locks_arg_name(c, wait->lock, mutex, sizeof(mutex)))
        diag_note(d, pf->f->file, c->line, c->col,
                  "'%s' releases only '%s' while it waits", c->name, mutex);
    if (api && api->async)
        diag_set(&d->suggestion, "release '%s' before the call, or use %s",
                 lock->name, api->async);
    else
        diag_set(&d->suggestion,
                 "copy what the call needs, release '%s', then make the call",
                 lock->name);
}

void rule_SW304(struct rule_ctx *ctx)
{
    const struct program *p = ctx->prog;
    struct lock_summaries sums;
    struct prog_witness *w = program_blocking(p, blocks_holder, ctx);
    struct sw304 s = {ctx, w, 0};

    locks_summaries_init(&sums, p);
    for (size_t i = 0; i < p->nfuncs; i++) {
        s.func = (int)i;
        locks_walk(p, &sums, (int)i, on_call, &s);
    }
    locks_summaries_release(&sums);
    free(w);
}
