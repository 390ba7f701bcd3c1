/*
 * SW305 sleep-polling: a loop that sleeps and re-reads state that another
 * concurrent context writes: it polls.  A condition variable, an eventfd or
 * poll() wakes the waiter when the state changes, with no sleep latency
 * and no wasted wake-ups.
 *
 * A loop counts when it contains a sleep (catalog category "sleep") and
 * its exit test (the loop condition, an if that breaks out or returns, a
 * local copied in the loop and tested there, or a function called in the
 * test, two calls deep: "while (!peers_up())") reads a global or static
 * variable that some other function writes, and that other function or
 * this one runs in a thread, pool or loop context, or the writer is a
 * signal handler (so the write can happen while the loop waits).  Writes
 * made by the loop's own code, and writes the thread's starter makes
 * before starting it, do not count.  A loop that also makes a real
 * attempt (a connect, a read, a query, a DNS lookup: any other blocking
 * category, directly or through a callee; or a lock try) is a retry loop
 * with a back-off, not polling; progress output to stdout or stderr is not
 * an attempt.  Only globals and statics are followed.
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

/*
 * Progress output: file output to the standard streams (fflush(stdout),
 * fprintf(stderr, ...), write(1, ...)).  A loop that prints where it is
 * and sleeps has made no attempt at anything.
 */
static int progress_output(const struct cat_blocking *b,
                           const struct fact_call *c)
{
    if (b->category != SW_CAT_FILE && b->category != SW_CAT_CONSOLE)
        return 0;
    for (size_t i = 0; i < c->nargs; i++) {
        const struct fact_arg *a = &c->args[i];
        if (a->text &&
            (strcmp(a->text, "stdout") == 0 || strcmp(a->text, "stderr") == 0 ||
             strcmp(a->text, "STDOUT_FILENO") == 0 ||
             strcmp(a->text, "STDERR_FILENO") == 0))
            return 1;
    }
    /* write(1, ...), write(2, ...) */
    return c->nargs > 0 && c->args[0].kind == FACT_ARG_INT &&
           (c->args[0].ival == 1 || c->args[0].ival == 2) && b->fd_mode;
}

static int is_attempt(const struct cat_blocking *b, const struct fact_call *c,
                      void *data)
{
    (void)data;
    /* connect() or read() in a retry loop is an attempt, whatever its fd;
     * a sleep or progress output is not. */
    return b->category != SW_CAT_SLEEP && !progress_output(b, c);
}

/*
 * 1 when call j of func tries a lock (pthread_mutex_trylock), itself or in
 * the function it calls: a sleep after a failed try is a back-off on the
 * lock, not a wait for state.
 */
static int tries_lock(const struct program *p, int func, int j)
{
    const struct prog_func *pf = &p->funcs[func];
    const struct cat_lock *l;
    if (pf->calls[j].kind == PCALL_API) {
        l = catalog_lock(p->cat, pf->f->calls[j].name);
        return l && l->op == SW_LOCK_TRY;
    }
    if (pf->calls[j].kind != PCALL_DIRECT)
        return 0;
    pf = &p->funcs[pf->calls[j].targets[0]];
    for (size_t k = 0; k < pf->f->ncalls; k++) {
        l = pf->calls[k].kind == PCALL_API
                ? catalog_lock(p->cat, pf->f->calls[k].name)
                : NULL;
        if (l && l->op == SW_LOCK_TRY)
            return 1;
    }
    return 0;
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
    int access; /* its last write access there */
    long next;  /* next writer of the same variable, -1 at the end */
};

/* Where a function is installed as a signal handler. */
struct handler_site {
    const char *file;
    int line, col;
    const char *how; /* the registering call or field */
};

struct writers {
    struct handler_site *handlers; /* per function; file NULL: not one */
    struct strmap *first;          /* var USR -> index of its first writer */
    struct {
        struct writer *items;
        size_t n, cap;
    } w;
};

/* Every function that writes a global or static (one access each). */
static void writers_init(struct writers *ws, const struct program *p)
{
    ws->first = strmap_new();
    ws->w.items = NULL;
    ws->w.n = ws->w.cap = 0;
    for (size_t i = 0; i < p->nfuncs; i++) {
        const struct fact_func *f = p->funcs[i].f;
        for (size_t k = 0; k < f->naccesses; k++) {
            const struct fact_access *a = &f->accesses[k];
            long head;
            /* &v passed on (atomic_store(&v, 1)) may write it too. */
            if (!(a->flags & (FACT_ACC_WRITE | FACT_ACC_ADDR)) ||
                strncmp(a->var, "param:", 6) == 0)
                continue;
            head = strmap_get(ws->first, a->var);
            if (head >= 0 && ws->w.items[head].func == (int)i) {
                ws->w.items[head].access = (int)k; /* keep the last write */
                continue;
            }
            {
                struct writer wr = {(int)i, (int)k, head};
                VEC_PUSH(ws->w, wr);
            }
            strmap_put(ws->first, a->var, (long)ws->w.n - 1);
        }
    }
}

static void mark_handler(struct writers *ws, const struct program *p,
                         const char *usr, const char *file, int line, int col,
                         const char *how)
{
    int g = usr ? program_find(p, usr) : -1;
    if (g >= 0 && !ws->handlers[g].file) {
        ws->handlers[g].file = file;
        ws->handlers[g].line = line;
        ws->handlers[g].col = col;
        ws->handlers[g].how = how;
    }
}

static int signal_field_target(const struct catalog *cat, const char *target)
{
    const char *f = target ? strstr(target, "::") : NULL;
    return f && strncmp(target, "field:", 6) == 0 &&
           catalog_signal_field(cat, f + 2);
}

/*
 * Signal handlers: functions passed to signal() and the like, or stored in
 * sigaction's sa_handler.  A handler interrupts the thread at any moment,
 * so its writes are changes another context makes.
 */
static void find_handlers(struct writers *ws, const struct program *p)
{
    ws->handlers = xcalloc(p->nfuncs ? p->nfuncs : 1, sizeof(*ws->handlers));
    for (size_t i = 0; i < p->nfuncs; i++) {
        const struct fact_func *f = p->funcs[i].f;
        for (size_t j = 0; j < f->ncalls; j++) {
            const struct fact_call *c = &f->calls[j];
            int a = catalog_signal_arg(p->cat, c->name);
            if (a >= 0 && a < (int)c->nargs && c->args[a].kind == FACT_ARG_FUNC)
                mark_handler(ws, p, c->args[a].ref, f->file, c->line, c->col,
                             c->name);
        }
        for (size_t k = 0; k < f->nassigns; k++) {
            const struct fact_assign *as = &f->assigns[k];
            if (as->func && signal_field_target(p->cat, as->target))
                mark_handler(ws, p, as->func, f->file, as->line, as->col,
                             strstr(as->target, "::") + 2);
        }
    }
    for (size_t t = 0; t < p->ntus; t++)
        for (size_t k = 0; k < p->tus[t]->nassigns; k++) {
            const struct fact_assign *as = &p->tus[t]->assigns[k];
            if (as->func && signal_field_target(p->cat, as->target))
                mark_handler(ws, p, as->func, p->tus[t]->file, as->line,
                             as->col, strstr(as->target, "::") + 2);
        }
}

static void writers_free(struct writers *ws)
{
    free(ws->handlers);
    free(ws->w.items);
    strmap_free(ws->first);
}

/* Functions the polling loop runs itself: their writes are its own. */
#define SW305_OWN_MAX 32 /* functions followed from one loop */

struct own {
    int funcs[SW305_OWN_MAX];
    unsigned char test[SW305_OWN_MAX]; /* reached from the exit test */
    int n;
};

static int own_has(const struct own *o, int func)
{
    for (int k = 0; k < o->n; k++)
        if (o->funcs[k] == func)
            return 1;
    return 0;
}

/*
 * 1 when the writer is the function that starts func's thread or pool and
 * its last write comes before the start: ordered with the thread (SPEC
 * 1.3), not a change the loop can wait for.
 */
static int written_before_start(const struct program *p,
                                const struct writer *wr, int func)
{
    for (int k = PROG_CTX_THREAD; k <= PROG_CTX_POOL; k++) {
        int r = p->funcs[func].reach[k].root;
        const struct prog_root *root;
        const struct fact_func *wf = p->funcs[wr->func].f;
        if (r < 0)
            continue;
        root = &p->roots[r];
        if (root->site_func == wr->func && root->site_call >= 0 &&
            (size_t)root->site_call < wf->ncalls &&
            wf->accesses[wr->access].seq < wf->calls[root->site_call].seq)
            return 1;
    }
    return 0;
}

/*
 * A writer of var that can run while the loop in function `func` waits:
 * not the loop's own code, and either it or the loop runs in a thread, a
 * pool or an event loop.  Writers in other contexts come first.
 */
static const struct writer *other_writer(const struct program *p,
                                         const struct writers *ws,
                                         const char *var, const struct own *o,
                                         int func)
{
    const struct writer *fallback = NULL;
    for (long at = strmap_get(ws->first, var); at >= 0;
         at = ws->w.items[at].next) {
        const struct writer *wr = &ws->w.items[at];
        if (own_has(o, wr->func) || written_before_start(p, wr, func))
            continue;
        if (runs_elsewhere(&p->funcs[wr->func]) || ws->handlers[wr->func].file)
            return wr;
        if (!fallback && runs_elsewhere(&p->funcs[func]))
            fallback = wr;
    }
    return fallback;
}

/* 1 when var is a lock that f passes to a lock call (&mu): not state. */
static int lock_object(const struct program *p, const struct fact_func *f,
                       const char *var)
{
    for (size_t j = 0; j < f->ncalls; j++) {
        const struct fact_call *c = &f->calls[j];
        const struct cat_lock *l = catalog_lock(p->cat, c->name);
        if (l && l->lock >= 0 && l->lock < (int)c->nargs &&
            c->args[l->lock].ref && strcmp(c->args[l->lock].ref, var) == 0)
            return 1;
    }
    return 0;
}

/* A read of shared state in the loop: in the loop's function, or in a
 * function called from the loop (through `via`, a call in the loop). */
struct polled {
    int func;   /* function that reads */
    int access; /* the read */
    int via;    /* call in the loop leading to func, or -1 */
};

#define SW305_CALLEE_DEPTH 2 /* calls followed below the loop */

/*
 * The loop's own functions: func, then the direct callees of calls made
 * in loop l, down to SW305_CALLEE_DEPTH; via[k] is the loop's call that
 * reaches funcs[k].
 */
static void own_code(const struct program *p, int func, int l, struct own *o,
                     int *via)
{
    const struct fact_func *f = p->funcs[func].f;
    o->n = 0;
    o->test[o->n] = 1;
    o->funcs[o->n] = func;
    via[o->n++] = -1;
    for (size_t j = 0; j < f->ncalls && o->n < SW305_OWN_MAX; j++) {
        const struct prog_call *pc = &p->funcs[func].calls[j];
        if (!within(f, f->calls[j].loop, l) || pc->kind != PCALL_DIRECT ||
            own_has(o, pc->targets[0]))
            continue;
        /* Calls in the loop's exit test read the polled state; the others
         * only run with the loop (their writes are its own). */
        o->test[o->n] = f->calls[j].loop == l && f->calls[j].test;
        o->funcs[o->n] = pc->targets[0];
        via[o->n++] = (int)j;
    }
    for (int d = 1, from = 1; d < SW305_CALLEE_DEPTH; d++) {
        int to = o->n;
        for (int k = from; k < to; k++) {
            const struct prog_func *g = &p->funcs[o->funcs[k]];
            for (size_t j = 0; j < g->f->ncalls && o->n < SW305_OWN_MAX; j++) {
                const struct prog_call *pc = &g->calls[j];
                if (pc->kind != PCALL_DIRECT || own_has(o, pc->targets[0]))
                    continue;
                o->test[o->n] = o->test[k];
                o->funcs[o->n] = pc->targets[0];
                via[o->n++] = via[k];
            }
        }
        from = to;
    }
}

/* The first read of state another context writes in the loop's exit test
 * (its condition, or an if that breaks out), directly or in a function
 * called there; *wr gets the writer. */
static int find_polled(const struct program *p, const struct writers *ws,
                       int func, int l, struct polled *out,
                       const struct writer **wr)
{
    struct own o;
    int via[SW305_OWN_MAX];
    own_code(p, func, l, &o, via);
    for (int k = 0; k < o.n; k++) {
        const struct fact_func *g = p->funcs[o.funcs[k]].f;
        for (size_t a = 0; a < g->naccesses; a++) {
            const struct fact_access *acc = &g->accesses[a];
            /* The loop's exit test, or a function called there. */
            if (!o.test[k] || (k == 0 && (acc->loop != l || !acc->test)))
                continue;
            if (!(acc->flags & (FACT_ACC_READ | FACT_ACC_ADDR)) ||
                strncmp(acc->var, "param:", 6) == 0)
                continue;
            if (!(acc->flags & FACT_ACC_READ) && lock_object(p, g, acc->var))
                continue; /* &mu handed to pthread_mutex_lock */
            *wr = other_writer(p, ws, acc->var, &o, func);
            if (*wr) {
                out->func = o.funcs[k];
                out->access = (int)a;
                out->via = via[k];
                return 1;
            }
        }
    }
    return 0;
}

void rule_SW305(struct rule_ctx *ctx)
{
    const struct program *p = ctx->prog;
    struct prog_witness *attempts = program_blocking(p, is_attempt, NULL);
    struct writers ws;

    writers_init(&ws, p);
    find_handlers(&ws, p);
    for (size_t i = 0; i < p->nfuncs; i++) {
        const struct prog_func *pf = &p->funcs[i];
        const struct fact_func *f = pf->f;
        for (size_t l = 0; l < f->nloops; l++) {
            int sleep_call = -1, attempt = 0;
            struct polled polled;
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
                } else if (tries_lock(p, (int)i, (int)j)) {
                    attempt = 1;
                }
            }
            if (sleep_call < 0 || attempt)
                continue;
            if (find_polled(p, &ws, (int)i, (int)l, &polled, &wr)) {
                const struct fact_call *sc = &f->calls[sleep_call];
                const struct prog_func *rf = &p->funcs[polled.func];
                const struct fact_access *ra = &rf->f->accesses[polled.access];
                const struct prog_func *wf = &p->funcs[wr->func];
                const struct fact_access *wa = &wf->f->accesses[wr->access];
                struct sw_diag *d = rule_report_call(
                    ctx, (int)i, sleep_call,
                    "'%s' in a loop polls '%s' in '%s': use a condition "
                    "variable, an eventfd or poll() to wait for the change",
                    sc->name, ra->name, f->name);
                if (polled.via >= 0) {
                    const struct fact_call *vc = &f->calls[polled.via];
                    diag_note(d, f->file, vc->line, vc->col,
                              "'%s' is called on every round and reads '%s'",
                              vc->name, ra->name);
                    diag_note(d, rf->f->file, ra->line, ra->col,
                              "'%s' is read here, in '%s'", ra->name,
                              rf->f->name);
                } else {
                    diag_note(d, f->file, ra->line, ra->col,
                              "'%s' is read here on every round", ra->name);
                }
                diag_note(d, wf->f->file, wa->line, wa->col,
                          "'%s' is written in '%s'", ra->name, wf->f->name);
                /* How the writer, else the poller, runs concurrently. */
                if (ws.handlers[wr->func].file)
                    diag_note(d, ws.handlers[wr->func].file,
                              ws.handlers[wr->func].line,
                              ws.handlers[wr->func].col,
                              "'%s' runs as a signal handler (installed "
                              "with '%s')",
                              wf->f->name, ws.handlers[wr->func].how);
                for (int side = 0; side < 2 && !ws.handlers[wr->func].file;
                     side++) {
                    int fn = side ? (int)i : wr->func, ctxk;
                    for (ctxk = PROG_CTX_THREAD; ctxk < PROG_CTX_COUNT; ctxk++)
                        if (p->funcs[fn].reach[ctxk].root >= 0)
                            break;
                    if (ctxk < PROG_CTX_COUNT) {
                        rule_context_notes(ctx, d, fn, ctxk);
                        break;
                    }
                }
                diag_set(&d->suggestion,
                         "signal the change (pthread_cond_signal, "
                         "eventfd_write) and wait for it instead of "
                         "sleeping");
            }
        }
    }
    writers_free(&ws);
    free(attempts);
}
