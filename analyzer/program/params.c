#include "program/params.h"

#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define PARAMS_MAX_ROUNDS 64 /* fixpoint rounds; chains longer are cut */

/* Bit for argument a's parameter (through: also t[i], *t, p->f), or 0. */
static unsigned arg_param_bit(const struct fact_arg *a, int through)
{
    int k = -1;
    if (a->kind == FACT_ARG_PARAM)
        k = a->param;
    else if (through)
        k = a->base_param;
    return k >= 0 && k < 32 ? 1u << k : 0;
}

static int call_bit(const unsigned *bits, const struct prog_call *pc, int arg)
{
    if (arg < 0 || arg >= 32)
        return 0;
    for (int t = 0; t < pc->ntargets; t++)
        if (bits[pc->targets[t]] & (1u << arg))
            return 1;
    return 0;
}

int params_call_writes(const struct program *p, const struct param_summary *s,
                       int func, int call, int arg)
{
    const struct prog_call *pc = &p->funcs[func].calls[call];
    if (pc->kind == PCALL_API || pc->kind == PCALL_EXTERNAL)
        return catalog_writes_arg(p->cat, p->funcs[func].f->calls[call].name,
                                  arg);
    return call_bit(s->writes, pc, arg);
}

int params_call_joins(const struct program *p, const struct param_summary *s,
                      int func, int call, int arg)
{
    const struct prog_call *pc = &p->funcs[func].calls[call];
    if (pc->kind == PCALL_API || pc->kind == PCALL_EXTERNAL) {
        const struct cat_wait *w =
            catalog_wait(p->cat, p->funcs[func].f->calls[call].name);
        return w && w->handle == arg;
    }
    return call_bit(s->joins, pc, arg);
}

/* Direct writes through parameters: accesses to "param:N" that write. */
static unsigned own_writes(const struct fact_func *f)
{
    unsigned bits = 0;
    for (size_t k = 0; k < f->naccesses; k++) {
        const struct fact_access *a = &f->accesses[k];
        char *end;
        long n;
        if (!(a->flags & FACT_ACC_WRITE) || strncmp(a->var, "param:", 6) != 0)
            continue;
        n = strtol(a->var + 6, &end, 10);
        if (!*end && n >= 0 && n < 32)
            bits |= 1u << n;
    }
    return bits;
}

/* An argument that passes a parameter on to a project function. */
struct param_pass {
    int func, call, arg;
    unsigned wb, jb; /* the parameter's bit, for writes and for joins */
};

void params_summarise(struct param_summary *s, const struct program *p)
{
    struct {
        struct param_pass *items;
        size_t n, cap;
    } pass = {0};
    s->n = p->nfuncs;
    s->writes = xcalloc(s->n ? s->n : 1, sizeof(*s->writes));
    s->joins = xcalloc(s->n ? s->n : 1, sizeof(*s->joins));
    for (size_t i = 0; i < p->nfuncs; i++)
        s->writes[i] = own_writes(p->funcs[i].f);
    /* Library calls are settled once; calls into the project iterate. */
    for (size_t i = 0; i < p->nfuncs; i++) {
        const struct fact_func *f = p->funcs[i].f;
        for (size_t c = 0; c < f->ncalls; c++) {
            enum prog_call_kind kind = p->funcs[i].calls[c].kind;
            for (size_t a = 0; a < f->calls[c].nargs; a++) {
                const struct fact_arg *x = &f->calls[c].args[a];
                struct param_pass pp = {(int)i, (int)c, (int)a,
                                        arg_param_bit(x, 0),
                                        arg_param_bit(x, 1)};
                if (!pp.wb && !pp.jb)
                    continue;
                if (kind != PCALL_API && kind != PCALL_EXTERNAL) {
                    VEC_PUSH(pass, pp);
                    continue;
                }
                if (pp.wb && params_call_writes(p, s, pp.func, pp.call, pp.arg))
                    s->writes[i] |= pp.wb;
                if (pp.jb && params_call_joins(p, s, pp.func, pp.call, pp.arg))
                    s->joins[i] |= pp.jb;
            }
        }
    }
    for (int round = 0; round < PARAMS_MAX_ROUNDS; round++) {
        int changed = 0;
        for (size_t k = 0; k < pass.n; k++) {
            const struct param_pass *pp = &pass.items[k];
            const struct prog_call *pc = &p->funcs[pp->func].calls[pp->call];
            if (pp->wb && !(s->writes[pp->func] & pp->wb) &&
                call_bit(s->writes, pc, pp->arg)) {
                s->writes[pp->func] |= pp->wb;
                changed = 1;
            }
            if (pp->jb && !(s->joins[pp->func] & pp->jb) &&
                call_bit(s->joins, pc, pp->arg)) {
                s->joins[pp->func] |= pp->jb;
                changed = 1;
            }
        }
        if (!changed)
            break;
    }
    free(pass.items);
}

void params_release(struct param_summary *s)
{
    free(s->writes);
    free(s->joins);
    memset(s, 0, sizeof(*s));
}
