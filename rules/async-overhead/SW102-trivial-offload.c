/*
 * SW102 trivial-offload: a task whose work, with everything it calls,
 * neither waits, nor loops, nor calls anything unknown (a pointer without
 * a visible target, or a library function that no catalog describes and
 * that is not in the catalog's "cheap" list) is handed to a thread, pool
 * or work queue.  Starting a thread or queueing a task costs more than
 * such work: a direct call is faster and simpler.
 */
#include "engine/rules.h"

#include "common/strbuf.h"
#include "common/xalloc.h"

#include <stdlib.h>

/* "only updates memory", "only calls 'a' and 'b'"; caller frees. */
static char *what_it_does(const struct prog_profile *pr)
{
    char *s, *list;
    if (pr->ncallees == 0)
        return xstrdup("only computes and updates memory");
    if (pr->ncallees == 1)
        return xasprintf("only computes and calls '%s'", pr->callees[0]);
    list = xasprintf("'%s'", pr->callees[0]);
    for (int k = 1; k < pr->ncallees && k < 3; k++) {
        char *t = xasprintf("%s%s'%s'", list,
                            k + 1 == pr->ncallees || k == 2 ? " and " : ", ",
                            pr->callees[k]);
        free(list);
        list = t;
    }
    if (pr->ncallees > 3)
        s = xasprintf("only computes and calls %s (%d functions in all)", list,
                      pr->ncallees);
    else
        s = xasprintf("only computes and calls %s", list);
    free(list);
    return s;
}

void rule_SW102(struct rule_ctx *ctx)
{
    const struct program *p = ctx->prog;
    struct prog_witness *w = program_blocking(p, NULL, NULL);
    for (size_t r = 0; r < p->nroots; r++) {
        const struct prog_root *root = &p->roots[r];
        const struct prog_func *g = &p->funcs[root->func];
        struct prog_profile pr = {0};
        struct sw_diag *d;
        char *what;
        if (root->kind != PROG_ROOT_SPAWN || root->site_func < 0)
            continue;
        program_profile(p, w, root->func, &pr);
        if (!prog_profile_trivial(&pr)) {
            prog_profile_release(&pr);
            continue;
        }
        what = what_it_does(&pr);
        d = rule_report_call(
            ctx, root->site_func, root->site_call,
            "'%s' is handed to %s with '%s' but %s: no wait, no loop; the "
            "hand-off costs more than the work",
            g->f->name,
            root->ctx == PROG_CTX_THREAD ? "a new thread" : "a pool", root->api,
            what);
        diag_note(d, g->f->file, g->f->line, g->f->col,
                  "'%s' is defined here (%d function%s, no blocking call, no "
                  "loop)",
                  g->f->name, pr.nfuncs, pr.nfuncs == 1 ? "" : "s");
        diag_set(&d->suggestion, "call '%s' directly", g->f->name);
        free(what);
        prog_profile_release(&pr);
    }
    free(w);
}
