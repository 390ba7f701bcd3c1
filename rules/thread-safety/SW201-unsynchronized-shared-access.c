/*
 * SW201 unsynchronized-shared-access: a shared object (program/shared.h)
 * written in one context and read or written in another that can run at
 * the same time, with no lock common to both accesses and no atomic.
 *
 * One finding per object member and writing function: the write is
 * reported (the one in a thread when both write), with a note for the other
 * access (preferably in another function) and how each context starts.  A flag
 * a waiting loop polls racily is SW205's: no access of it is reported here.
 */
#include "engine/rules.h"

#include "common/strmap.h"
#include "common/xalloc.h"
#include "program/shared.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *ctx_label(const struct program *p, int ctx)
{
    return ctx < 0 ? "main" : prog_ctx_name(p->roots[ctx].ctx);
}

/* " without a lock" or " under 'mu' (read hold)". */
static const char *lock_phrase(const struct shared_locks *l, char *buf,
                               size_t size)
{
    if (l->n)
        snprintf(buf, size, " under '%s'%s", l->name,
                 l->rd[0] ? " (read hold)" : "");
    else if (l->entered)
        snprintf(buf, size, " under its callers' lock");
    else
        snprintf(buf, size, " without a lock");
    return buf;
}

static void report(struct rule_ctx *ctx, const struct shared_model *m,
                   const struct shared_inst *a, const struct shared_inst *b)
{
    const struct program *p = ctx->prog;
    const struct fact_func *fa = p->funcs[a->func].f;
    const struct fact_func *fb = p->funcs[b->func].f;
    const struct fact_access *xa = &fa->accesses[a->access];
    const struct fact_access *xb = &fb->accesses[b->access];
    char na[256], nb[256], la[200], lb[200];
    const char *name = shared_access_name(xa, na, sizeof(na));
    struct sw_diag *d;
    int same = a->func == b->func && a->access == b->access;

    d = diags_add(
        ctx->out, ctx->rule, fa->file, xa->line, xa->col,
        "'%s' is written in '%s'%s; also %s in '%s' (%s:%d)%s, which can "
        "run at the same time",
        name, fa->name, lock_phrase(shared_locks_at(m, a), la, sizeof(la)),
        (b->flags & FACT_ACC_WRITE) ? "written" : "read", fb->name,
        rule_basename(fb->file), xb->line,
        same ? " by another instance"
             : lock_phrase(shared_locks_at(m, b), lb, sizeof(lb)));
    d->end_col = xa->col + (int)strlen(xa->name);
    diag_set(&d->function, "%s", fa->name);
    diag_set(&d->context, "%s", ctx_label(p, a->ctx));
    if (!same)
        diag_note(d, fb->file, xb->line, xb->col, "'%s' is %s here in '%s'",
                  shared_access_name(xb, nb, sizeof(nb)),
                  (b->flags & FACT_ACC_WRITE) ? "written" : "read", fb->name);
    if (a->ctx >= 0)
        rule_context_notes(ctx, d, a->func, -1);
    if (b->ctx >= 0 && b->ctx != a->ctx)
        rule_root_note(ctx, d, b->ctx);
    if (a->ctx < 0 || b->ctx < 0) {
        const struct prog_func *mf = &p->funcs[a->ctx < 0 ? a->func : b->func];
        diag_note(d, mf->f->file, mf->f->line, mf->f->col,
                  "'%s' runs on the main thread", mf->f->name);
    }
    diag_set(&d->suggestion,
             "hold one lock around both accesses, make the object _Atomic "
             "(or use atomic_load/atomic_store), or give each thread its own "
             "copy");
}

static int locked(const struct shared_model *m, const struct shared_inst *a)
{
    const struct shared_locks *l = shared_locks_at(m, a);
    return l->n > 0 || l->entered;
}

static void flag_key(char *buf, size_t size, const struct shared_inst *a)
{
    snprintf(buf, size, "%d|%s", a->obj, a->field ? a->field : "");
}

/*
 * The (object, member, writing function) triples reported: a pair's key is
 * looked up for every pair of an object's accesses, so this is a plain
 * open-addressing set (members are interned by the model: compared by
 * pointer).
 */
struct seen {
    struct seen_key {
        const char *field;
        int obj, func; /* func -1: empty slot */
    } * slots;
    size_t cap, n;
};

static size_t seen_slot(const struct seen *s, int obj, const char *field,
                        int func)
{
    uint64_t h = (uint64_t)(uintptr_t)field * 0x9e3779b97f4a7c15ULL;
    size_t i;
    h ^= ((uint64_t)(unsigned)obj << 32 | (unsigned)func) *
         0xc2b2ae3d27d4eb4fULL;
    h ^= h >> 29;
    for (i = (size_t)h & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        const struct seen_key *k = &s->slots[i];
        if (k->func < 0 ||
            (k->obj == obj && k->func == func && k->field == field))
            return i;
    }
}

static int seen_has(const struct seen *s, int obj, const char *field, int func)
{
    return s->cap && s->slots[seen_slot(s, obj, field, func)].func >= 0;
}

static void seen_add(struct seen *s, int obj, const char *field, int func)
{
    struct seen_key *k;
    if (2 * (s->n + 1) > s->cap) {
        struct seen old = *s;
        s->cap = s->cap ? 2 * s->cap : 64;
        s->slots = xmalloc(s->cap * sizeof(*s->slots));
        for (size_t i = 0; i < s->cap; i++)
            s->slots[i].func = -1;
        for (size_t i = 0; i < old.cap; i++)
            if (old.slots[i].func >= 0)
                s->slots[seen_slot(s, old.slots[i].obj, old.slots[i].field,
                                   old.slots[i].func)] = old.slots[i];
        free(old.slots);
    }
    k = &s->slots[seen_slot(s, obj, field, func)];
    if (k->func < 0) {
        k->obj = obj;
        k->field = field;
        k->func = func;
        s->n++;
    }
}

/*
 * Per instance, found once: its class (PI_* bits) and whether its own key
 * (object, its member, its function) is reported already.  The object's
 * accesses are [s, e).
 */
enum {
    PI_WRITE = 1,  /* the access writes */
    PI_LOCKED = 2, /* under a lock */
    PI_MAIN = 4,   /* on the main thread */
    PI_WAITED = 8  /* its member is a flag a loop waits on: SW205's */
};

struct pair_info {
    const struct shared_inst *inst; /* the model's instances, in order */
    unsigned char *cls, *done;
    size_t s, e;
    signed char side[16][16];        /* writer_side() of two classes */
    unsigned char second_writes[16]; /* some class makes the second the
                                        writer against this one */
};

/*
 * Of two instances of classes ci and cj, the one a finding reports: the
 * write; of two writes, the unprotected one, else the one in a thread.
 * 0: the first, 1: the second, -1: the pair is no finding's (neither
 * writes, or it is a flag a loop waits on).
 */
static int writer_side(unsigned ci, unsigned cj)
{
    if (!((ci | cj) & PI_WRITE) || ((ci | cj) & PI_WAITED))
        return -1;
    if (!(ci & PI_WRITE))
        return 1;
    if (!(cj & PI_WRITE))
        return 0;
    if ((ci ^ cj) & PI_LOCKED)
        return ci & PI_LOCKED ? 1 : 0;
    return (ci & PI_MAIN) && !(cj & PI_MAIN) ? 1 : 0;
}

/*
 * Reports a race between instances ia, the writer writer_side() chose,
 * and ib once per member and functions.
 */
static void check_pair(struct rule_ctx *ctx, const struct shared_model *m,
                       struct seen *seen, struct pair_info *pi, size_t ia,
                       size_t ib)
{
    const struct shared_inst *a = &pi->inst[ia];
    const struct shared_inst *b = &pi->inst[ib];
    const char *field;
    /* Of the same member, and its writer's key is reported already. */
    if (pi->done[ia] && a->field == b->field)
        return;
    field = a->field ? a->field : b->field;
    if (seen_has(seen, a->obj, field, a->func) || !shared_race(m, a, b))
        return;
    seen_add(seen, a->obj, field, a->func);
    for (size_t k = pi->s; k < pi->e; k++)
        if (pi->inst[k].func == a->func && pi->inst[k].field == field)
            pi->done[k] = 1;
    report(ctx, m, a, b);
}

/*
 * check_pair() unless the classes say the pair can be no finding: no
 * writer, or a writer whose key is reported (same member: before
 * same_end).
 */
static inline void check_one(struct rule_ctx *ctx, const struct shared_model *m,
                             struct seen *seen, struct pair_info *pi, size_t i,
                             size_t j, size_t same_end)
{
    int side = pi->side[pi->cls[i]][pi->cls[j]];
    size_t ia = side ? j : i;
    if (side >= 0 && !(pi->done[ia] && j < same_end))
        check_pair(ctx, m, seen, pi, ia, side ? i : j);
}

/*
 * Pairs (i, j) for lo <= i < hi and i < j < end, in that order; instances
 * before same_end have i's member.  Two accesses on the main thread never
 * race, so a main-thread instance is only paired with the object's thread
 * instances: thr, ascending.  Once i's key is reported and no partner of
 * the same member could be the writer instead (second_writes), those
 * partners are skipped as a whole.
 */
static void check_range(struct rule_ctx *ctx, const struct shared_model *m,
                        struct seen *seen, struct pair_info *pi, size_t lo,
                        size_t hi, size_t end, size_t same_end,
                        const size_t *thr, size_t nthr)
{
    size_t t = 0;
    for (size_t i = lo; i < hi; i++) {
        int main_i = pi->cls[i] & PI_MAIN;
        size_t u;
        while (t < nthr && thr[t] <= i)
            t++;
        u = t;
        for (size_t j = i + 1; j < end; j++) {
            if (main_i) {
                if (u >= nthr || thr[u] >= end)
                    break;
                j = thr[u++];
            }
            if (j < same_end && pi->done[i] && !pi->second_writes[pi->cls[i]]) {
                /* Past the member's partners. */
                j = same_end - 1;
                while (main_i && u < nthr && thr[u] < same_end)
                    u++;
                continue;
            }
            check_one(ctx, m, seen, pi, i, j, same_end);
        }
    }
}

/* check_pair() on an instance with itself: another instance of its code. */
static void check_self(struct rule_ctx *ctx, const struct shared_model *m,
                       struct seen *seen, struct pair_info *pi, size_t lo,
                       size_t hi)
{
    for (size_t i = lo; i < hi; i++)
        check_one(ctx, m, seen, pi, i, i, 0);
}

void rule_SW201(struct rule_ctx *ctx)
{
    struct shared_model *m = shared_get(ctx->prog);
    struct seen seen = {NULL, 0, 0};
    struct strmap *waited = strmap_new(); /* SW205's flags */
    size_t n = shared_count(m);
    struct pair_info pi = {0};
    size_t *thr = xmalloc((n + 1) * sizeof(*thr)), nthr;

    for (size_t i = 0; i < n; i++) {
        char key[128];
        if (shared_wait_writer(m, i) < 0)
            continue;
        flag_key(key, sizeof(key), shared_at(m, i));
        strmap_put(waited, key, 1);
    }
    for (unsigned ci = 0; ci < 16; ci++)
        for (unsigned cj = 0; cj < 16; cj++) {
            pi.side[ci][cj] = (signed char)writer_side(ci, cj);
            if (pi.side[ci][cj] == 1)
                pi.second_writes[ci] = 1;
        }
    pi.inst = n ? shared_at(m, 0) : NULL;
    pi.cls = xcalloc(n + 1, 1);
    pi.done = xcalloc(n + 1, 1);
    for (size_t i = 0; i < n; i++) {
        const struct shared_inst *a = shared_at(m, i);
        char key[128];
        flag_key(key, sizeof(key), a);
        pi.cls[i] =
            (unsigned char)((a->flags & FACT_ACC_WRITE ? PI_WRITE : 0) |
                            (locked(m, a) ? PI_LOCKED : 0) |
                            (a->ctx < 0 ? PI_MAIN : 0) |
                            (strmap_get(waited, key) >= 0 ? PI_WAITED : 0));
    }

    for (size_t s = 0; s < n;) {
        /* One object: [s, e); its whole-object accesses first: [s, w). */
        size_t e = s, w = s;
        int obj = shared_at(m, s)->obj;
        while (e < n && shared_at(m, e)->obj == obj)
            e++;
        while (w < e && !shared_at(m, w)->field)
            w++;
        pi.s = s;
        pi.e = e;
        nthr = 0;
        for (size_t k = s; k < e; k++)
            if (!(pi.cls[k] & PI_MAIN))
                thr[nthr++] = k;
        /* Pairs of two accesses first (their note is more telling), then
         * an access with itself in another instance. */
        for (int self = 0; self < 2; self++) {
            if (self)
                check_self(ctx, m, &seen, &pi, s, w);
            else
                check_range(ctx, m, &seen, &pi, s, w, e, w, thr, nthr);
            /* Then each member with itself. */
            for (size_t f = w; f < e;) {
                size_t g = f;
                while (g < e &&
                       shared_at(m, g)->field == shared_at(m, f)->field)
                    g++;
                if (self)
                    check_self(ctx, m, &seen, &pi, f, g);
                else
                    check_range(ctx, m, &seen, &pi, f, g, g, g, thr, nthr);
                f = g;
            }
        }
        s = e;
    }
    strmap_free(waited);
    free(thr);
    free(seen.slots);
    free(pi.cls);
    free(pi.done);
}
