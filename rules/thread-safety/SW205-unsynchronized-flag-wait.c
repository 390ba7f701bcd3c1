/*
 * SW205 unsynchronized-flag-wait: a loop that waits for a plain variable
 * to change ("while (!done) ;", or with a sleep or a yield inside) while
 * another context that runs at the same time sets it, with no lock and no
 * atomic on the two accesses.  The compiler may read the flag once and
 * spin forever; without a barrier, what the setter wrote before the flag
 * need not be visible after it.
 *
 * The waiting loops and the races are program/shared.h's: the loop polls
 * the flag in an exit test (or calls nothing but sleeps and yields), and
 * neither it nor its callees write the flag; the flag is shared and its
 * write races with the loop's read (shared_wait_writer).  Locked reads,
 * atomic_load(&flag), _Atomic flags and condition-variable waits are fine.
 * A flag set only by a signal handler is not set by another context (a
 * handler is not a concurrent context), so "volatile sig_atomic_t" flags
 * set in handlers are fine.  One finding per loop.
 */
#include "engine/rules.h"

#include "common/strmap.h"
#include "program/shared.h"

#include <stdio.h>
#include <string.h>

static void report(struct rule_ctx *ctx, const struct shared_model *m,
                   const struct shared_inst *a, const struct shared_inst *w)
{
    const struct program *p = ctx->prog;
    const struct fact_func *fr = p->funcs[a->func].f;
    const struct fact_func *fw = p->funcs[w->func].f;
    const struct fact_access *ra = &fr->accesses[a->access];
    const struct fact_access *wa = &fw->accesses[w->access];
    const struct fact_loop *l =
        &fr->loops[shared_wait_loop(m, a->func, a->access)];
    char name[256], wname[256];
    struct sw_diag *d = diags_add(
        ctx->out, ctx->rule, fr->file, ra->line, ra->col,
        "the loop in '%s' waits for '%s' to change, but '%s' sets it in "
        "another thread without a lock or an atomic: the loop may never see "
        "the change",
        fr->name, shared_access_name(ra, name, sizeof(name)), fw->name);
    d->end_col = ra->col + (int)strlen(ra->name);
    diag_set(&d->function, "%s", fr->name);
    diag_set(&d->context, "%s",
             a->ctx < 0 ? "main" : prog_ctx_name(p->roots[a->ctx].ctx));
    diag_note(d, fr->file, l->line, l->col, "the waiting loop");
    diag_note(d, fw->file, wa->line, wa->col, "'%s' is written here in '%s'",
              shared_access_name(wa, wname, sizeof(wname)), fw->name);
    if (w->ctx >= 0)
        rule_root_note(ctx, d, w->ctx);
    if (a->ctx >= 0 && a->ctx != w->ctx)
        rule_root_note(ctx, d, a->ctx);
    diag_set(&d->suggestion,
             "make the flag atomic_bool (atomic_store / atomic_load), or "
             "wait on a condition variable that the setter signals");
}

void rule_SW205(struct rule_ctx *ctx)
{
    const struct program *p = ctx->prog;
    struct shared_model *m = shared_get(p);
    size_t n = shared_count(m);
    struct strmap *seen = strmap_new(); /* "func:loop" reported */

    /* Instances are sorted by object: a loop's reads and their writers
     * are neighbours. */
    for (size_t i = 0; i < n; i++) {
        const struct shared_inst *a = shared_at(m, i);
        int l = shared_wait_loop(m, a->func, a->access);
        long w;
        char key[48];
        if (l < 0)
            continue;
        snprintf(key, sizeof(key), "%d:%d", a->func, l);
        if (strmap_get(seen, key) >= 0)
            continue;
        w = shared_wait_writer(m, i);
        if (w < 0)
            continue;
        report(ctx, m, a, shared_at(m, (size_t)w));
        strmap_put(seen, key, 1);
    }
    strmap_free(seen);
}
