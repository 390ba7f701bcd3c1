/*
 * SW303 blocking-in-event-loop: a blocking call, made directly or through
 * callees, by a function that runs on an event loop.
 *
 * Loop code is: callbacks registered with a catalogued loop API (libuv,
 * libevent, libev, GLib), the body of a hand-written loop around an event
 * wait (epoll_wait, poll, select, kevent), and functions called through a
 * pointer from loop code (each is treated as a callback in its own right,
 * so the finding lands where the blocking call is).  The finding is
 * reported at the call in the loop function, with the callee chain down to
 * the blocking API as notes.
 *
 * Not counted: calls whose blocking depends on the descriptor's mode
 * (read, recv, accept, SSL_read...: event loops run non-blocking sockets)
 * unless the function visibly created the descriptor blocking
 * (program_blocking_api),
 * calls made non-blocking by their arguments (MSG_DONTWAIT, a uv_fs
 * callback) or by a companion call on the same handle (PQgetResult after
 * PQisBusy: program_blocking_api()), and local file I/O unless the
 * include-local-io option is set. The exception is the synchronous form of a
 * loop library's own async call (uv_fs_* with a NULL callback): the async form
 * is one argument away, so it is reported whatever the option says.
 * uv_queue_work's work callback runs on the pool, not the loop.
 */
#include "engine/rules.h"

#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>

static int blocks_loop(const struct cat_blocking *b, const struct fact_call *c,
                       void *data)
{
    const struct rule_ctx *ctx = data;
    (void)c;
    return program_blocks_loop(b, ctx->include_local_io);
}

/* "the libuv loop", "the GLib main loop", "the event loop"; caller frees. */
static char *loop_words(const char *loop)
{
    if (!loop || strcmp(loop, "event") == 0)
        return xstrdup("the event loop");
    if (strcmp(loop, "GLib") == 0)
        return xstrdup("the GLib main loop");
    return xasprintf("the %s loop", loop);
}

static void report(struct rule_ctx *ctx, const struct prog_witness *w,
                   const struct prog_root *root, int func, int call,
                   const struct cat_blocking *api, int callee)
{
    const struct program *p = ctx->prog;
    const struct prog_func *pf = &p->funcs[func];
    const struct fact_call *c = &pf->f->calls[call];
    char *where = loop_words(root->loop_name);
    struct sw_diag *d;

    if (api) {
        d = rule_report_call(ctx, func, call, "'%s' blocks %s in '%s' (%s)",
                             c->name, where, pf->f->name,
                             sw_category_desc(api->category));
    } else {
        /* Find the API at the end of the witness chain for the message. */
        int g = callee, guard = 0;
        const struct fact_call *end = NULL;
        while (g >= 0 && w[g].dist >= 0 && guard++ < 64) {
            end = &p->funcs[g].f->calls[w[g].call];
            if (w[g].dist == 0)
                break;
            g = p->funcs[g].calls[w[g].call].targets[0];
        }
        api = end ? catalog_blocking(p->cat, end->name) : NULL;
        d = rule_report_call(ctx, func, call,
                             "'%s' blocks %s in '%s': it calls '%s' (%s)",
                             c->name, where, pf->f->name, end ? end->name : "?",
                             api ? sw_category_desc(api->category) : "?");
        rule_witness_notes(ctx, d, w, callee);
    }
    diag_set(&d->context, "loop");
    if (root->region_loop >= 0 && root->func == func)
        rule_root_note(ctx, d, (int)(root - p->roots));
    else
        rule_context_notes(ctx, d, func, PROG_CTX_LOOP);
    if (api && api->async)
        diag_set(&d->suggestion, "use %s, or move the call off the loop",
                 api->async);
    else
        diag_set(&d->suggestion,
                 "move the blocking work off the loop (a worker thread or "
                 "the loop's work queue, e.g. uv_queue_work)");
    free(where);
}

void rule_SW303(struct rule_ctx *ctx)
{
    const struct program *p = ctx->prog;
    struct prog_witness *w = program_blocking(p, blocks_loop, ctx);
    unsigned char **done = xcalloc(p->nfuncs ? p->nfuncs : 1, sizeof(*done));

    for (size_t r = 0; r < p->nroots; r++) {
        const struct prog_root *root = &p->roots[r];
        const struct prog_func *pf = &p->funcs[root->func];
        int func = root->func;
        if (root->ctx != PROG_CTX_LOOP)
            continue;
        for (size_t j = 0; j < pf->f->ncalls; j++) {
            const struct fact_call *c = &pf->f->calls[j];
            const struct prog_call *pc = &pf->calls[j];
            const struct cat_blocking *api;
            if (root->region_loop >= 0) {
                int l = c->loop, in = 0;
                for (int guard = 0; l >= 0 && guard < 100000; guard++) {
                    if (l == root->region_loop) {
                        in = 1;
                        break;
                    }
                    l = pf->f->loops[l].parent;
                }
                if (!in)
                    continue;
            }
            if (program_call_polls(p, func, (int)j))
                continue; /* the loop's own wait */
            if (program_call_dies(p, func, (int)j) ||
                program_call_in_child(p, func, (int)j))
                continue; /* on the way to a crash, or in a child process */
            if (done[func] && done[func][j])
                continue;
            api = program_blocking_api(p, func, (int)j);
            if (api && blocks_loop(api, c, ctx)) {
                report(ctx, w, root, func, (int)j, api, -1);
            } else if (pc->kind == PCALL_DIRECT) {
                int g = pc->targets[0];
                if (p->funcs[g].loop_root >= 0 || w[g].dist < 0)
                    continue; /* a loop function of its own, or no block */
                report(ctx, w, root, func, (int)j, NULL, g);
            } else {
                continue;
            }
            if (!done[func])
                done[func] = xcalloc(pf->f->ncalls, 1);
            done[func][j] = 1;
        }
    }
    for (size_t i = 0; i < p->nfuncs; i++)
        free(done[i]);
    free(done);
    free(w);
}
