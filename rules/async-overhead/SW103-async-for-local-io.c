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
 *
 * The same for callback chains: an event loop (uv_run, g_main_loop_run,
 * ...) that is only ever handed local operations (uv_fs_* with a callback,
 * g_file_*_async) and whose callbacks only wait on local resources that do
 * not block the loop (program_local_loops()).  Reported at the run call,
 * with the registrations and the callbacks' waits as notes.
 */
#include "engine/rules.h"

#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define MAX_SITE_NOTES 3
#define MAX_REG_NOTES 4

/* "'uv_fs_open', 'uv_fs_read', ..." from the registrations; caller frees. */
static char *api_list(const struct program *p, const struct prog_local_loop *l)
{
    const char *names[3];
    int n = 0, more = 0;
    char *s = NULL;
    for (size_t k = 0; k < l->nreg; k++) {
        const char *name =
            p->funcs[l->reg[k].func].f->calls[l->reg[k].call].name;
        int dup = 0;
        for (int i = 0; i < n && !dup; i++)
            dup = strcmp(names[i], name) == 0;
        if (dup)
            continue;
        if (n == 3) {
            more = 1;
            break;
        }
        names[n++] = name;
    }
    for (int i = 0; i < n; i++) {
        char *t = xasprintf("%s%s'%s'", s ? s : "", s ? ", " : "", names[i]);
        free(s);
        s = t;
    }
    if (more) {
        char *t = xasprintf("%s, ...", s);
        free(s);
        s = t;
    }
    return s;
}

/* 1 when an earlier root of the loop runs the same function. */
static int callback_seen(const struct program *p,
                         const struct prog_local_loop *l, size_t r)
{
    for (size_t k = 0; k < r; k++)
        if (p->roots[l->roots[k]].func == p->roots[l->roots[r]].func)
            return 1;
    return 0;
}

static void report_loop(struct rule_ctx *ctx, const struct prog_witness *w,
                        const struct prog_local_loop *l)
{
    const struct program *p = ctx->prog;
    const struct fact_call *run = &p->funcs[l->func].f->calls[l->call];
    char buf[64];
    const char *where = rule_loop_phrase(l->loop, buf, sizeof(buf));
    char *apis = api_list(p, l);
    size_t ncb = 0;
    int shown = 0;
    struct sw_diag *d;

    for (size_t r = 0; r < l->nroots; r++)
        ncb += !callback_seen(p, l, r);
    d = rule_report_call(
        ctx, l->func, l->call,
        "%s run by '%s' is only handed local operations (%s) and its %zu "
        "callback%s only wait%s on local resources: there is little to "
        "overlap, plain calls would do",
        where, run->name, apis, ncb, ncb == 1 ? "" : "s", ncb == 1 ? "s" : "");
    for (size_t k = 0; k < l->nreg && k < MAX_REG_NOTES; k++) {
        const struct prog_func *rf = &p->funcs[l->reg[k].func];
        const struct fact_call *c = &rf->f->calls[l->reg[k].call];
        if (l->reg[k].root >= 0)
            diag_note(d, rf->f->file, c->line, c->col,
                      "'%s' hands the loop a local operation; '%s' runs when "
                      "it completes",
                      c->name, p->funcs[p->roots[l->reg[k].root].func].f->name);
        else
            diag_note(d, rf->f->file, c->line, c->col,
                      "'%s' hands the loop a local operation", c->name);
    }
    for (size_t r = 0; r < l->nroots && shown < MAX_SITE_NOTES; r++) {
        struct prog_profile pr = {0};
        if (callback_seen(p, l, r))
            continue;
        program_profile(p, w, p->roots[l->roots[r]].func, &pr);
        for (size_t k = 0; k < pr.nsites && shown < MAX_SITE_NOTES; k++) {
            const struct prog_func *sf = &p->funcs[pr.sites[k].func];
            const struct fact_call *c = &sf->f->calls[pr.sites[k].call];
            diag_note(d, sf->f->file, c->line, c->col,
                      "'%s' calls '%s', a local wait", sf->f->name, c->name);
            shown++;
        }
        prog_profile_release(&pr);
    }
    diag_set(&d->suggestion,
             "do the work with plain calls (open, read, write) instead of "
             "%s",
             where);
    free(apis);
}

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
    {
        struct prog_local_loop *loops;
        size_t n = program_local_loops(p, w, ctx->include_local_io, &loops);
        for (size_t i = 0; i < n; i++)
            report_loop(ctx, w, &loops[i]);
        program_local_loops_free(loops, n);
    }
    free(w);
}
