/*
 * SW305 sleep-polling: a loop that sleeps and re-reads state that another
 * concurrent context writes: it polls.  A condition variable, an eventfd or
 * poll() wakes the waiter when the state changes, with no sleep latency
 * and no wasted wake-ups.
 *
 * A loop counts when it contains a sleep (catalog category "sleep") and
 * reads a global or static variable that some other function writes, and
 * that other function or this one runs in a thread, pool or loop context
 * (so the write can happen while the loop waits).  A loop that also makes a
 * real blocking attempt (a connect, a read, a query, a DNS lookup: any
 * other blocking category, directly or through a callee) is a retry loop
 * with a back-off, not polling.  Only globals and statics are followed.
 */
#include "engine/rules.h"

#include "common/strmap.h"
#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* A loop index is `outer` or nested inside it. */
static int within(const struct fact_func *f, int l, int outer)
{
    for (int guard = 0; l >= 0 && guard < 100000; guard++) {
        if (l == outer)
            return 1;
        l = f->loops[l].parent;
    }
    return 0;
}

static int is_attempt(const struct cat_blocking *b, const struct fact_call *c,
                      void *data)
{
    (void)c;
    (void)data;
    /* connect() or read() in a retry loop is an attempt, whatever its fd. */
    return b->category != SW_CAT_SLEEP;
}

/* 1 when function f runs in a thread, a pool or an event loop. */
static int runs_elsewhere(const struct prog_func *pf)
{
    return pf->reach[PROG_CTX_THREAD].root >= 0 ||
           pf->reach[PROG_CTX_POOL].root >= 0 ||
           pf->reach[PROG_CTX_LOOP].root >= 0;
}

struct writer {
    int func;   /* a function that writes the variable */
    int access; /* the access index there */
};

void rule_SW305(struct rule_ctx *ctx)
{
    const struct program *p = ctx->prog;
    struct prog_witness *attempts = program_blocking(p, is_attempt, NULL);
    struct strmap *writers = strmap_new(); /* var USR -> index into w */
    struct {
        struct writer *items;
        size_t n, cap;
    } w = {0};

    /* The first writer of each global or static, for the note. */
    for (size_t i = 0; i < p->nfuncs; i++) {
        const struct fact_func *f = p->funcs[i].f;
        for (size_t k = 0; k < f->naccesses; k++) {
            const struct fact_access *a = &f->accesses[k];
            struct writer wr = {(int)i, (int)k};
            /* &v passed on (atomic_store(&v, 1)) may write it too. */
            if (!(a->flags & (FACT_ACC_WRITE | FACT_ACC_ADDR)) ||
                strncmp(a->var, "param:", 6) == 0)
                continue;
            /* Prefer a writer that runs in another context. */
            if (strmap_get(writers, a->var) < 0) {
                VEC_PUSH(w, wr);
                strmap_put(writers, a->var, (long)w.n - 1);
            } else if (runs_elsewhere(&p->funcs[i])) {
                long at = strmap_get(writers, a->var);
                if (!runs_elsewhere(&p->funcs[w.items[at].func]))
                    w.items[at] = wr;
            }
        }
    }

    for (size_t i = 0; i < p->nfuncs; i++) {
        const struct prog_func *pf = &p->funcs[i];
        const struct fact_func *f = pf->f;
        for (size_t l = 0; l < f->nloops; l++) {
            int sleep_call = -1, attempt = 0;
            const struct fact_access *polled = NULL;
            const struct writer *wr = NULL;
            for (size_t j = 0; j < f->ncalls; j++) {
                const struct fact_call *c = &f->calls[j];
                const struct cat_blocking *b;
                if (!within(f, c->loop, (int)l))
                    continue;
                b = program_blocking_api(p, (int)i, (int)j);
                if (b && b->category == SW_CAT_SLEEP) {
                    if (sleep_call < 0 && c->loop == (int)l)
                        sleep_call = (int)j;
                } else if (b && is_attempt(b, c, NULL)) {
                    attempt = 1;
                } else if (pf->calls[j].kind == PCALL_DIRECT &&
                           attempts[pf->calls[j].targets[0]].dist >= 0) {
                    attempt = 1;
                }
            }
            if (sleep_call < 0 || attempt)
                continue;
            /* A variable read in the loop that another function writes. */
            for (size_t k = 0; k < f->naccesses && !polled; k++) {
                const struct fact_access *a = &f->accesses[k];
                long at;
                if (!within(f, a->loop, (int)l) ||
                    !(a->flags & (FACT_ACC_READ | FACT_ACC_ADDR)) ||
                    strncmp(a->var, "param:", 6) == 0)
                    continue;
                at = strmap_get(writers, a->var);
                if (at < 0)
                    continue;
                /* Written here only, or by code that cannot run meanwhile. */
                if (w.items[at].func == (int)i)
                    continue;
                if (!runs_elsewhere(&p->funcs[w.items[at].func]) &&
                    !runs_elsewhere(pf))
                    continue;
                polled = a;
                wr = &w.items[at];
            }
            if (polled) {
                const struct fact_call *sc = &f->calls[sleep_call];
                const struct prog_func *wf = &p->funcs[wr->func];
                const struct fact_access *wa = &wf->f->accesses[wr->access];
                struct sw_diag *d = rule_report_call(
                    ctx, (int)i, sleep_call,
                    "'%s' in a loop polls '%s' in '%s': use a condition "
                    "variable, an eventfd or poll() to wait for the change",
                    sc->name, polled->name, f->name);
                diag_note(d, f->file, polled->line, polled->col,
                          "'%s' is read here on every round", polled->name);
                diag_note(d, wf->f->file, wa->line, wa->col,
                          "'%s' is written in '%s'", polled->name, wf->f->name);
                for (int ctxk = PROG_CTX_THREAD; ctxk < PROG_CTX_COUNT; ctxk++)
                    if (wf->reach[ctxk].root >= 0) {
                        rule_context_notes(ctx, d, wr->func, ctxk);
                        break;
                    }
                diag_set(&d->suggestion,
                         "signal the change (pthread_cond_signal, "
                         "eventfd_write) and wait for it instead of "
                         "sleeping");
            }
        }
    }
    free(w.items);
    strmap_free(writers);
    free(attempts);
}
