/*
 * SW103 async-for-local-io: work handed to a thread or pool whose only
 * waits are local (files, sqlite, a database reached at localhost or on a
 * unix socket, judged from literal connection arguments): the waits are
 * short and there is little to overlap, so a direct call would do.
 *
 * Quiet when the work is offloaded from event-loop code: doing it inline
 * there would block the loop (SW303), so the offload is right.  Quiet
 * when any wait is remote, of unknown locality, a sleep or a wait for
 * another thread, and when the work calls a pointer with no visible
 * target.
 */
#include "engine/rules.h"

#include <stdlib.h>

#define MAX_SITE_NOTES 3

void rule_SW103(struct rule_ctx *ctx)
{
    const struct program *p = ctx->prog;
    struct prog_witness *w = program_blocking(p, NULL, NULL);
    for (size_t r = 0; r < p->nroots; r++) {
        const struct prog_root *root = &p->roots[r];
        const struct prog_func *g = &p->funcs[root->func];
        struct prog_profile pr = {0};
        struct sw_diag *d;
        if (root->kind != PROG_ROOT_SPAWN || root->site_func < 0 ||
            program_root_offloaded_from_loop(p, (int)r))
            continue;
        program_profile(p, w, root->func, &pr);
        if (!prog_profile_local_only(&pr)) {
            prog_profile_release(&pr);
            continue;
        }
        d = rule_report_call(
            ctx, root->site_func, root->site_call,
            "'%s' is handed to %s with '%s' but only waits on local "
            "resources ('%s'%s): the waits are short and there is little to "
            "overlap",
            g->f->name, root->ctx == PROG_CTX_THREAD ? "a thread" : "a pool",
            root->api, pr.sites[0].api, pr.nsites > 1 ? ", ..." : "");
        for (size_t k = 0; k < pr.nsites && k < MAX_SITE_NOTES; k++) {
            const struct prog_func *sf = &p->funcs[pr.sites[k].func];
            const struct fact_call *c = &sf->f->calls[pr.sites[k].call];
            diag_note(d, sf->f->file, c->line, c->col,
                      "'%s' calls '%s', a local wait", sf->f->name, c->name);
        }
        diag_set(&d->suggestion, "call '%s' directly", g->f->name);
        prog_profile_release(&pr);
    }
    free(w);
}
