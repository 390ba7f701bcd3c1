/*
 * SW301 sequential-remote-calls: two or more remote waits made one after
 * another in one function, none of which needs what an earlier one
 * produced.  They could overlap.
 *
 * Waits are remote API calls (HTTP clients, SSH, DNS, and database or
 * cache connections judged to go to another machine) made directly or
 * through callees; independence is program/remote.c's: no shared
 * connection, no value from an earlier response (result, out-parameter,
 * buffer attached to the connection) in a later request, no early return
 * decided by an earlier result.  Waits in exclusive branches are not
 * sequential.  The finding lands at the last wait of the group, with a
 * note for each earlier one; `syncwise advise` counts the same group.
 */
#include "engine/rules.h"

#include "common/xalloc.h"
#include "program/remote.h"

#include <stdlib.h>
#include <string.h>

/* The remote API a wait ends in. */
static const char *api_name(const struct program *p,
                            const struct remote_call *rc)
{
    return p->funcs[rc->api_func].f->calls[rc->api_call].name;
}

static void report(struct rule_ctx *ctx, struct remote *r, int func,
                   const struct remote_call *calls, const int *kept, int n)
{
    const struct program *p = ctx->prog;
    const struct fact_func *f = p->funcs[func].f;
    const struct remote_call *last = &calls[kept[n - 1]];
    const struct fact_call *c = &f->calls[last->call];
    struct sw_diag *d;

    const char *where = c->loop >= 0 ? "one iteration of the loop in " : "";
    if (last->callee < 0)
        d = rule_report_call(ctx, func, last->call,
                             "'%s' waits for a remote reply that does not "
                             "depend on the %d remote wait%s before it in "
                             "%s'%s': they could overlap",
                             c->name, n - 1, n == 2 ? "" : "s", where, f->name);
    else
        d = rule_report_call(ctx, func, last->call,
                             "'%s' waits for a remote reply ('%s') that does "
                             "not depend on the %d remote wait%s before it in "
                             "%s'%s': they could overlap",
                             c->name, api_name(p, last), n - 1,
                             n == 2 ? "" : "s", where, f->name);
    for (int k = 0; k < n - 1; k++) {
        const struct remote_call *e = &calls[kept[k]];
        const struct fact_call *ec = &f->calls[e->call];
        if (e->callee < 0)
            diag_note(d, f->file, ec->line, ec->col,
                      "independent earlier remote wait: '%s'", ec->name);
        else
            diag_note(d, f->file, ec->line, ec->col,
                      "independent earlier remote wait: '%s' (it calls '%s')",
                      ec->name, api_name(p, e));
    }
    if (last->callee >= 0)
        rule_witness_notes(ctx, d, remote_witnesses(r), last->callee);
    if (last->api->async)
        diag_set(&d->suggestion,
                 "start the requests together and wait for all of them: %s",
                 last->api->async);
    else
        diag_set(&d->suggestion, "start the requests together and wait for "
                                 "all of them (worker threads, or the "
                                 "library's asynchronous API)");
}

void rule_SW301(struct rule_ctx *ctx)
{
    const struct program *p = ctx->prog;
    struct remote *r = remote_get(p);
    int kept[REMOTE_MAX_GROUP];

    for (size_t func = 0; func < p->nfuncs; func++) {
        size_t n;
        struct remote_call *calls = remote_calls(r, (int)func, &n);
        /* One group per loop level: outside loops, and each loop body. */
        for (size_t i = 0; i < n; i++) {
            int loop = p->funcs[func].f->calls[calls[i].call].loop, first = 1;
            for (size_t k = 0; k < i && first; k++)
                first = p->funcs[func].f->calls[calls[k].call].loop != loop;
            if (first) {
                int cnt = remote_independent(r, (int)func, calls, n, loop, kept,
                                             REMOTE_MAX_GROUP);
                if (cnt >= 2)
                    report(ctx, r, (int)func, calls, kept, cnt);
            }
        }
        free(calls);
    }
}
