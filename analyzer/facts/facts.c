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
