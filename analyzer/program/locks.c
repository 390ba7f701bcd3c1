#include "program/locks.h"

#include "common/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *locks_arg_name(const struct fact_call *c, int arg, char *buf,
                           size_t size)
{
    const char *t;
    size_t n = 0;
    if (arg < 0 || arg >= (int)c->nargs || !c->args[arg].text || !size)
        return NULL;
    t = c->args[arg].text;
    while (*t == '&' || *t == ' ')
        t++;
    for (; *t && n + 1 < size; t++)
        if (*t != ' ')
            buf[n++] = *t;
    buf[n] = '\0';
    return n ? buf : NULL;
}

static const struct cat_lock *call_lock(const struct program *p, int func,
                                        int call)
{
    const struct prog_func *pf = &p->funcs[func];
    const struct cat_lock *l;
    if (pf->calls[call].kind != PCALL_API)
        return NULL;
    l = catalog_lock(p->cat, pf->f->calls[call].name);
    /* Semaphores are signals at least as often as mutexes: not held. */
    return l && !l->semaphore ? l : NULL;
}

/* What identifies a lock: its variable (and field path), else its text. */
static const char *lock_key(const struct fact_call *c, int arg)
{
    if (arg < 0 || arg >= (int)c->nargs)
        return NULL;
    return c->args[arg].ref ? c->args[arg].ref : c->args[arg].text;
}

/* A lock that means the same to every caller: &global, not &local. */
static int global_lock_arg(const struct fact_call *c, int arg)
{
    return arg >= 0 && arg < (int)c->nargs &&
           c->args[arg].kind == FACT_ARG_ADDR && !c->args[arg].local;
}

void locks_summaries_init(struct lock_summaries *s, const struct program *p)
{
    s->n = p->nfuncs;
    s->acquires = xcalloc(s->n ? s->n : 1, sizeof(char *));
    s->releases = xcalloc(s->n ? s->n : 1, sizeof(char *));
    s->acquire_keys = xcalloc(s->n ? s->n : 1, sizeof(char *));
    s->release_keys = xcalloc(s->n ? s->n : 1, sizeof(char *));
    for (size_t i = 0; i < p->nfuncs; i++) {
        const struct fact_func *f = p->funcs[i].f;
        for (size_t j = 0; j < f->ncalls; j++) {
            const struct fact_call *c = &f->calls[j];
            const struct cat_lock *l = call_lock(p, (int)i, (int)j);
            char buf[LOCKS_NAME_MAX];
            const char *n;
            if (!l || c->cond || c->loop >= 0 || !global_lock_arg(c, l->lock))
                continue;
            n = locks_arg_name(c, l->lock, buf, sizeof(buf));
            if (!n)
                continue;
            if (l->op == SW_LOCK_ACQUIRE) {
                free(s->acquires[i]);
                s->acquires[i] = xstrdup(n);
                s->acquire_keys[i] = lock_key(c, l->lock);
            } else if (l->op == SW_LOCK_RELEASE) {
                const char *key = lock_key(c, l->lock);
                if (s->acquires[i] && key && s->acquire_keys[i] &&
                    strcmp(s->acquire_keys[i], key) == 0) {
                    /* Locked and unlocked here: not a wrapper. */
                    free(s->acquires[i]);
                    s->acquires[i] = NULL;
                    s->acquire_keys[i] = NULL;
                } else if (!s->releases[i]) {
                    s->releases[i] = xstrdup(n);
                    s->release_keys[i] = key;
                }
            }
        }
    }
}

void locks_summaries_release(struct lock_summaries *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->acquires[i]);
        free(s->releases[i]);
    }
    free(s->acquires);
    free(s->releases);
    free(s->acquire_keys);
    free(s->release_keys);
    memset(s, 0, sizeof(*s));
}

static void release(struct lock_held *held, size_t *nheld, const char *key,
                    int cond)
{
    for (size_t k = *nheld; k-- > 0;) {
        if (key && held[k].key && strcmp(held[k].key, key) != 0)
            continue;
        if (cond > held[k].cond)
            return; /* an unlock on an early-exit path */
        memmove(&held[k], &held[k + 1], (*nheld - k - 1) * sizeof(held[0]));
        (*nheld)--;
        return;
    }
}

static void acquire(struct lock_held *held, size_t *nheld, const char *name,
                    const char *key, int call, int cond, int shared)
{
    if (*nheld >= LOCKS_MAX_HELD)
        return;
    held[*nheld].key = key;
    snprintf(held[*nheld].name, sizeof(held[*nheld].name), "%s",
             name ? name : "a lock");
    held[*nheld].call = call;
    held[*nheld].cond = cond;
    held[*nheld].shared = shared;
    (*nheld)++;
}

/*
 * A condition wait releases only the mutex it is given: the other locks
 * held stay held while it waits, and the wait is a call made under them.
 */
static void cond_wait_others(const struct lock_held *held, size_t nheld,
                             const char *key, int call, locks_walk_fn walk,
                             void *data)
{
    struct lock_held others[LOCKS_MAX_HELD];
    size_t n = 0;
    for (size_t k = 0; k < nheld; k++)
        if (!held[k].key || strcmp(held[k].key, key) != 0)
            others[n++] = held[k];
    if (n)
        walk(data, call, others, n);
}

static void walk_events(const struct program *p, const struct lock_summaries *s,
                        int func, locks_walk_fn walk, locks_access_fn access,
                        int all_calls, void *data, int releases_count)
{
    const struct prog_func *pf = &p->funcs[func];
    struct lock_held held[LOCKS_MAX_HELD];
    size_t nheld = 0, k = 0;
    const struct fact_func *ff = pf->f;

    for (size_t j = 0; j <= ff->ncalls; j++) {
        /* Accesses that come before call j (or after the last call). */
        while (access && k < ff->naccesses &&
               (j == ff->ncalls || ff->accesses[k].seq < ff->calls[j].seq)) {
            access(data, (int)k, held, nheld);
            k++;
        }
        if (j == ff->ncalls)
            break;
        const struct fact_call *c = &pf->f->calls[j];
        const struct cat_lock *l = call_lock(p, func, (int)j);
        char buf[LOCKS_NAME_MAX];
        if (l) {
            const char *n = locks_arg_name(c, l->lock, buf, sizeof(buf));
            const char *key = lock_key(c, l->lock);
            if (l->op == SW_LOCK_ACQUIRE || l->op == SW_LOCK_TRY)
                acquire(held, &nheld, n, key, (int)j, c->cond, l->shared);
            else if (l->op == SW_LOCK_RELEASE)
                release(held, &nheld, key, c->cond);
            else if (l->op == SW_LOCK_COND_WAIT && walk && key)
                cond_wait_others(held, nheld, key, (int)j, walk, data);
            continue;
        }
        if (s && pf->calls[j].kind == PCALL_DIRECT) {
            int g = pf->calls[j].targets[0];
            if (s->acquires[g]) {
                acquire(held, &nheld, s->acquires[g], s->acquire_keys[g],
                        (int)j, c->cond, 0);
                continue;
            }
            if (s->releases[g]) {
                /* Entered with the lock held: it runs under it until it
                 * lets go (for entry locksets, not as a call under it). */
                if (nheld && walk && releases_count)
                    walk(data, (int)j, held, nheld);
                release(held, &nheld, s->release_keys[g], c->cond);
                continue;
            }
        }
        if ((nheld || all_calls) && walk)
            walk(data, (int)j, held, nheld);
    }
}

void locks_walk(const struct program *p, const struct lock_summaries *s,
                int func, locks_walk_fn walk, void *data)
{
    walk_events(p, s, func, walk, NULL, 0, data, 0);
}

void locks_walk_accesses(const struct program *p,
                         const struct lock_summaries *s, int func,
                         locks_access_fn access, void *data)
{
    walk_events(p, s, func, NULL, access, 0, data, 0);
}

void locks_walk_events(const struct program *p, const struct lock_summaries *s,
                       int func, locks_walk_fn walk, locks_access_fn access,
                       void *data)
{
    walk_events(p, s, func, walk, access, 1, data, 0);
}

struct site_marks {
    unsigned char **held; /* per function, per call: made under a lock */
    int func;             /* function being walked */
};

static void mark_site(void *data, int call, const struct lock_held *held,
                      size_t nheld)
{
    struct site_marks *m = data;
    (void)held;
    (void)nheld;
    m->held[m->func][call] = 1;
}

unsigned char *locks_entered_locked(const struct program *p,
                                    const struct lock_summaries *s)
{
    return locks_entered_locked_ignoring(p, s, NULL, NULL);
}

unsigned char *locks_entered_locked_ignoring(const struct program *p,
                                             const struct lock_summaries *s,
                                             locks_ignore_fn ignore, void *data)
{
    unsigned char *in = xmalloc(p->nfuncs ? p->nfuncs : 1);
    struct site_marks m;
    int changed = 1;

    m.held = xcalloc(p->nfuncs ? p->nfuncs : 1, sizeof(*m.held));
    for (size_t i = 0; i < p->nfuncs; i++) {
        m.held[i] = xcalloc(p->funcs[i].f->ncalls + 1, 1);
        m.func = (int)i;
        walk_events(p, s, (int)i, mark_site, NULL, 0, &m, 1);
        in[i] = p->funcs[i].ncallers > 0; /* optimistic start */
    }
    for (size_t r = 0; r < p->nroots; r++)
        in[p->roots[r].func] = 0;
    /* Calls that do not count are as good as locked (asked once each). */
    for (size_t i = 0; ignore && i < p->nfuncs; i++) {
        const struct prog_func *pf = &p->funcs[i];
        for (size_t j = 0; j < pf->f->ncalls; j++)
            if (!m.held[i][j] && pf->calls[j].kind != PCALL_INDIRECT &&
                pf->calls[j].ntargets && ignore(data, (int)i, (int)j))
                m.held[i][j] = 1;
    }
    /* Greatest fixpoint: clear a function when one call site is unlocked. */
    for (int round = 0; changed && round < 64; round++) {
        changed = 0;
        for (size_t i = 0; i < p->nfuncs; i++) {
            const struct prog_func *pf = &p->funcs[i];
            for (size_t j = 0; j < pf->f->ncalls; j++) {
                const struct prog_call *pc = &pf->calls[j];
                int locked = m.held[i][j] || in[i];
                for (int k = 0; k < pc->ntargets; k++) {
                    int g = pc->targets[k];
                    if (in[g] && (!locked || pc->kind == PCALL_INDIRECT)) {
                        in[g] = 0;
                        changed = 1;
                    }
                }
            }
        }
    }
    for (size_t i = 0; i < p->nfuncs; i++)
        free(m.held[i]);
    free(m.held);
    return in;
}
