/*
 * SW302 remote-call-in-loop: a remote wait (direct or through callees) in a
 * loop whose iterations do not depend on each other: one request per item,
 * N round trips one after another.
 *
 * Remote waits and independence are program/remote.c's.  Iterations are
 * independent when the request changes from one iteration to the next
 * (its arguments, or the set-up on its connection, read something the
 * loop writes: the item) and nothing the reply produced feeds the next
 * request or the loop's exit test.  Not reported: retries until success,
 * reads until EOF, pagination with a cursor or token carried over, and
 * the same request repeated (a poll).
 */
#include "engine/rules.h"

#include "common/xalloc.h"
#include "program/remote.h"

#include <stdlib.h>
#include <string.h>

void rule_SW302(struct rule_ctx *ctx)
{
    const struct program *p = ctx->prog;
    struct remote *r = remote_get(p);

    for (size_t func = 0; func < p->nfuncs; func++) {
        const struct fact_func *f = p->funcs[func].f;
        size_t n;
        struct remote_call *calls = remote_calls(r, (int)func, &n);
        for (size_t i = 0; i < n; i++) {
            const struct remote_call *rc = &calls[i];
            const struct fact_call *c = &f->calls[rc->call];
            const struct fact_call *api =
                &p->funcs[rc->api_func].f->calls[rc->api_call];
            const struct fact_loop *l;
            struct sw_diag *d;
            if (!remote_loop_independent(r, (int)func, rc))
                continue;
            l = &f->loops[c->loop];
            if (rc->callee < 0)
                d = rule_report_call(ctx, (int)func, rc->call,
                                     "'%s' makes one remote round trip per "
                                     "iteration of the loop in '%s', and the "
                                     "iterations do not depend on each other",
                                     c->name, f->name);
            else
                d = rule_report_call(ctx, (int)func, rc->call,
                                     "'%s' makes one remote round trip ('%s') "
                                     "per iteration of the loop in '%s', and "
                                     "the iterations do not depend on each "
                                     "other",
                                     c->name, api->name, f->name);
            diag_note(d, f->file, l->line, l->col,
                      "the loop: each iteration waits for its own reply");
            if (rc->callee >= 0)
                rule_witness_notes(ctx, d, remote_witnesses(r), rc->callee);
            if (rc->api->async)
                diag_set(&d->suggestion,
                         "issue the requests together and collect the "
                         "replies (%s), or batch them into one request",
                         rc->api->async);
            else
                diag_set(&d->suggestion,
                         "issue the requests together and collect the "
                         "replies, or batch them into one request");
        }
        free(calls);
    }
}
