#include "facts/facts.h"

#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>

static const char *const arg_kind_names[] = {
#define X(name, str) str,
    FACT_ARG_KINDS(X)
#undef X
};

const char *fact_arg_kind_name(enum fact_arg_kind k)
{
    if ((unsigned)k >= FACT_ARG_KIND_COUNT)
        BUG("bad argument kind");
    return arg_kind_names[k];
}

int fact_arg_kind_parse(const char *s)
{
    for (int i = 0; i < FACT_ARG_KIND_COUNT; i++)
        if (strcmp(arg_kind_names[i], s) == 0)
            return i;
    return -1;
}

struct fact_tu *facts_tu_new(const char *file)
{
    struct fact_tu *tu = xcalloc(1, sizeof(*tu));
    arena_init(&tu->arena);
    tu->file = arena_strdup(&tu->arena, file);
    return tu;
}

struct fact_tu *facts_tu_failed(const char *file, const char *message)
{
    struct fact_tu *tu = facts_tu_new(file);
    tu->parse_failed = 1;
    tu->nerrors = 1;
    tu->first_error.file = tu->file;
    tu->first_error.message = arena_strdup(&tu->arena, message);
    return tu;
}

void facts_tu_free(struct fact_tu *tu)
{
    if (!tu)
        return;
    for (size_t i = 0; i < tu->nfuncs; i++) {
        struct fact_func *f = &tu->funcs[i];
        for (size_t j = 0; j < f->ncalls; j++)
            free(f->calls[j].args);
        free(f->calls);
        free(f->loops);
        free(f->branches);
        free(f->accesses);
        free(f->assigns);
        free(f->arms);
        free(f->flows);
    }
    free(tu->funcs);
    free(tu->globals);
    free(tu->assigns);
    free(tu->inputs);
    arena_release(&tu->arena);
    free(tu);
}

/* ---- invariants (facts_tu_check()) ------------------------------------- */

#define E_MISSING "missing string field"
#define E_INDEX "index out of range"
#define E_POS "position out of range"
#define E_COUNT "count out of range"
#define E_ORIGIN "bad argument origin"

/* Returns msg from the calling check when cond does not hold. */
#define REQUIRE(cond, msg)                                                     \
    do {                                                                       \
        if (!(cond))                                                           \
            return (msg);                                                      \
    } while (0)

/* An index that must be -1 (none) or smaller than limit. */
static int index_ok(int v, size_t limit)
{
    return v == -1 || (v >= 0 && (size_t)v < limit);
}

static int pos_ok(int v)
{
    return v >= 0 && v <= FACT_MAX_POS;
}

static const char *check_assign(const struct fact_assign *a)
{
    REQUIRE(a->target, E_MISSING);
    REQUIRE(index_ok(a->param, FACT_MAX_PARAMS), E_INDEX);
    REQUIRE(pos_ok(a->line) && pos_ok(a->col), E_POS);
    REQUIRE(a->func || a->param >= 0,
            "assignment without function or parameter");
    return NULL;
}

/*
 * An argument (top: of a call, else an origin).  Only a var argument has
 * an origin, itself an address (addr, or var of an array) with a ref and
 * no origin of its own: one level, never deeper.
 */
static const char *check_arg(const struct fact_arg *a, size_t nloops, int top)
{
    const char *err;
    REQUIRE((unsigned)a->kind < FACT_ARG_KIND_COUNT, "unknown argument kind");
    REQUIRE(index_ok(a->param, FACT_MAX_PARAMS), E_INDEX);
    REQUIRE(index_ok(a->decl_loop, nloops), E_INDEX);
    REQUIRE(index_ok(a->base_param, FACT_MAX_PARAMS), E_INDEX);
    if (!a->origin)
        return NULL;
    REQUIRE(top && a->kind == FACT_ARG_VAR, E_ORIGIN);
    if ((err = check_arg(a->origin, nloops, 0)) != NULL)
        return err;
    REQUIRE(a->origin->kind == FACT_ARG_ADDR ||
                (a->origin->kind == FACT_ARG_VAR && a->origin->array),
            E_ORIGIN);
    REQUIRE(a->origin->ref, E_ORIGIN);
    return NULL;
}

static const char *check_call(const struct fact_call *c,
                              const struct fact_func *f)
{
    const char *err;
    REQUIRE(c->name, E_MISSING);
    REQUIRE(index_ok(c->via_param, FACT_MAX_PARAMS), E_INDEX);
    REQUIRE(pos_ok(c->line) && pos_ok(c->col), E_POS);
    REQUIRE(index_ok(c->loop, f->nloops), E_INDEX);
    REQUIRE(index_ok(c->branch, f->nbranches), E_INDEX);
    REQUIRE(index_ok(c->arm, f->narms), E_INDEX);
    REQUIRE(c->args || !c->nargs, E_COUNT);
    for (size_t i = 0; i < c->nargs; i++)
        if ((err = check_arg(&c->args[i], f->nloops, 1)) != NULL)
            return err;
    return NULL;
}

/* Exactly one source and one destination, indexes within the function. */
static const char *check_flow(const struct fact_flow *fl,
                              const struct fact_func *f)
{
    REQUIRE(index_ok(fl->call, f->ncalls), E_INDEX);
    REQUIRE(index_ok(fl->to_call, f->ncalls), E_INDEX);
    REQUIRE(fl->to_call >= 0 ? index_ok(fl->to_arg, f->calls[fl->to_call].nargs)
                             : fl->to_arg == -1,
            E_INDEX);
    REQUIRE(index_ok(fl->to_loop, f->nloops), E_INDEX);
    REQUIRE(index_ok(fl->loop, f->nloops), E_INDEX);
    REQUIRE((fl->from != NULL) + (fl->call >= 0) == 1 &&
                (fl->to != NULL) + (fl->to_call >= 0) + (fl->to_loop >= 0) ==
                    1 &&
                (fl->to_call < 0 || fl->to_arg >= 0),
            "flow without one source and one destination");
    return NULL;
}

/* An array of n elements: set unless empty. */
#define ARRAY_OK(p, n) ((p) != NULL || (n) == 0)

static const char *check_func(const struct fact_func *f)
{
    const char *err;
    REQUIRE(f->usr && f->name && f->file, E_MISSING);
    REQUIRE(pos_ok(f->line) && pos_ok(f->col) && pos_ok(f->end_line), E_POS);
    REQUIRE(f->nparams >= 0 && f->nparams <= FACT_MAX_PARAMS, E_COUNT);
    REQUIRE(ARRAY_OK(f->loops, f->nloops) &&
                ARRAY_OK(f->branches, f->nbranches) &&
                ARRAY_OK(f->arms, f->narms) && ARRAY_OK(f->calls, f->ncalls) &&
                ARRAY_OK(f->flows, f->nflows) &&
                ARRAY_OK(f->accesses, f->naccesses) &&
                ARRAY_OK(f->assigns, f->nassigns),
            E_COUNT);
    for (size_t i = 0; i < f->nloops; i++) {
        const struct fact_loop *l = &f->loops[i];
        REQUIRE(index_ok(l->parent, i), E_INDEX); /* parents come first */
        REQUIRE(pos_ok(l->line) && pos_ok(l->col), E_POS);
    }
    for (size_t i = 0; i < f->nbranches; i++) {
        const struct fact_branch *b = &f->branches[i];
        REQUIRE(index_ok(b->parent, i), E_INDEX);
        REQUIRE(b->guard, E_MISSING);
        REQUIRE(pos_ok(b->line), E_POS);
    }
    for (size_t i = 0; i < f->narms; i++) {
        REQUIRE(index_ok(f->arms[i].parent, i), E_INDEX);
        REQUIRE(index_ok(f->arms[i].stmt, i + 1), E_INDEX);
        REQUIRE(f->arms[i].stmt >= 0, "arm without statement");
    }
    for (size_t i = 0; i < f->ncalls; i++)
        if ((err = check_call(&f->calls[i], f)) != NULL)
            return err;
    for (size_t i = 0; i < f->nflows; i++)
        if ((err = check_flow(&f->flows[i], f)) != NULL)
            return err;
    for (size_t i = 0; i < f->naccesses; i++) {
        const struct fact_access *a = &f->accesses[i];
        REQUIRE(a->var && a->name, E_MISSING);
        REQUIRE(!(a->flags & ~(FACT_ACC_READ | FACT_ACC_WRITE | FACT_ACC_ADDR |
                               FACT_ACC_ATOMIC)),
                "unknown access flags");
        REQUIRE(pos_ok(a->line) && pos_ok(a->col), E_POS);
        REQUIRE(index_ok(a->loop, f->nloops), E_INDEX);
    }
    for (size_t i = 0; i < f->nassigns; i++)
        if ((err = check_assign(&f->assigns[i])) != NULL)
            return err;
    return NULL;
}

static const char *check_global(const struct fact_global *g)
{
    REQUIRE(g->usr && g->name && g->file, E_MISSING);
    REQUIRE(pos_ok(g->line) && pos_ok(g->col), E_POS);
    REQUIRE(g->nstrings <= FACT_MAX_STRINGS &&
                ARRAY_OK(g->strings, g->nstrings),
            "bad string array");
    for (size_t i = 0; i < g->nstrings; i++)
        REQUIRE(g->strings[i], E_MISSING);
    return NULL;
}

const char *facts_tu_check(const struct fact_tu *tu)
{
    const char *err;
    REQUIRE(tu->file, E_MISSING);
    REQUIRE(tu->nerrors <= (size_t)FACT_MAX_ERRORS, E_COUNT);
    if (tu->nerrors) {
        REQUIRE(tu->first_error.message, E_MISSING);
        REQUIRE(pos_ok(tu->first_error.line) && pos_ok(tu->first_error.col),
                E_POS);
    }
    REQUIRE(ARRAY_OK(tu->globals, tu->nglobals) &&
                ARRAY_OK(tu->assigns, tu->nassigns) &&
                ARRAY_OK(tu->funcs, tu->nfuncs) &&
                ARRAY_OK(tu->inputs, tu->ninputs),
            E_COUNT);
    for (size_t i = 0; i < tu->nglobals; i++)
        if ((err = check_global(&tu->globals[i])) != NULL)
            return err;
    for (size_t i = 0; i < tu->nassigns; i++)
        if ((err = check_assign(&tu->assigns[i])) != NULL)
            return err;
    for (size_t i = 0; i < tu->nfuncs; i++)
        if ((err = check_func(&tu->funcs[i])) != NULL)
            return err;
    for (size_t i = 0; i < tu->ninputs; i++)
        REQUIRE(tu->inputs[i].path && tu->inputs[i].hash, E_MISSING);
    return NULL;
}
