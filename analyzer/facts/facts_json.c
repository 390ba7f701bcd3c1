/*
 * Facts <-> JSON.  The format is versioned by SW_FACTS_VERSION: a document
 * of another version, or one that does not have the expected shape, is
 * rejected as a whole (the cache then rebuilds it), never half-read.
 */
#include "facts/facts.h"

#include "common/xalloc.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- writing ---------------------------------------------------------- */

static void add_str(cJSON *o, const char *key, const char *v)
{
    if (v)
        cJSON_AddStringToObject(o, key, v);
}

static void add_int(cJSON *o, const char *key, long long v)
{
    cJSON_AddNumberToObject(o, key, (double)v);
}

/*
 * A constant's value.  JSON numbers are doubles, exact up to 2^53; larger
 * constants (hash seeds, masks) also get "value_text", the exact decimal,
 * which readers prefer, so that facts survive a round trip (the cache).
 */
static void add_value(cJSON *o, long long v)
{
    add_int(o, "value", v);
    if (v > (1LL << 53) || v < -(1LL << 53)) {
        char buf[32];
        snprintf(buf, sizeof(buf), "%lld", v);
        cJSON_AddStringToObject(o, "value_text", buf);
    }
}

static cJSON *arg_to_json(const struct fact_arg *a)
{
    cJSON *o = cJSON_CreateObject();
    add_str(o, "kind", fact_arg_kind_name(a->kind));
    add_str(o, "ref", a->ref);
    add_str(o, "text", a->text);
    if (a->kind == FACT_ARG_INT || a->kind == FACT_ARG_NULL)
        add_value(o, a->ival);
    if (a->kind == FACT_ARG_PARAM)
        add_int(o, "param", a->param);
    if (a->local)
        cJSON_AddBoolToObject(o, "local", 1);
    if (a->array)
        cJSON_AddBoolToObject(o, "array", 1);
    if (a->decl_loop >= 0)
        add_int(o, "decl_loop", a->decl_loop);
    if (a->base_param >= 0)
        add_int(o, "base_param", a->base_param);
    if (a->origin)
        cJSON_AddItemToObject(o, "origin", arg_to_json(a->origin));
    if (a->fresh)
        cJSON_AddBoolToObject(o, "fresh", 1);
    return o;
}

static cJSON *call_to_json(const struct fact_call *c, size_t narms)
{
    cJSON *o = cJSON_CreateObject(), *args;
    add_str(o, "callee", c->callee);
    add_str(o, "name", c->name);
    add_str(o, "via", c->via);
    if (c->via_param >= 0)
        add_int(o, "via_param", c->via_param);
    add_int(o, "line", c->line);
    add_int(o, "col", c->col);
    add_int(o, "loop", c->loop);
    add_int(o, "seq", c->seq);
    if (c->noreturn)
        cJSON_AddBoolToObject(o, "noreturn", 1);
    if (c->branch >= 0)
        add_int(o, "branch", c->branch);
    if (c->cond)
        add_int(o, "cond", c->cond);
    add_str(o, "result", c->result);
    if (c->test)
        cJSON_AddBoolToObject(o, "test", 1);
    if (c->arm >= 0 && (size_t)c->arm < narms) /* else none (calloc'd) */
        add_int(o, "arm", c->arm);
    args = cJSON_AddArrayToObject(o, "args");
    for (size_t i = 0; i < c->nargs; i++)
        cJSON_AddItemToArray(args, arg_to_json(&c->args[i]));
    return o;
}

static cJSON *assign_to_json(const struct fact_assign *a)
{
    cJSON *o = cJSON_CreateObject();
    add_str(o, "target", a->target);
    add_str(o, "func", a->func);
    add_str(o, "func_name", a->func_name);
    add_str(o, "owner", a->owner);
    add_int(o, "param", a->param);
    add_int(o, "line", a->line);
    add_int(o, "col", a->col);
    return o;
}

/* Only the set source and destination are written (see struct fact_flow). */
static cJSON *flow_to_json(const struct fact_flow *fl)
{
    cJSON *o = cJSON_CreateObject();
    add_str(o, "from", fl->from);
    if (!fl->from)
        add_int(o, "call", fl->call);
    add_str(o, "to", fl->to);
    if (fl->to_call >= 0) {
        add_int(o, "to_call", fl->to_call);
        add_int(o, "to_arg", fl->to_arg);
    }
    if (fl->to_loop >= 0)
        add_int(o, "to_loop", fl->to_loop);
    if (fl->loop >= 0)
        add_int(o, "loop", fl->loop);
    add_int(o, "seq", fl->seq);
    return o;
}

static cJSON *func_to_json(const struct fact_func *f)
{
    cJSON *o = cJSON_CreateObject(), *arr;
    add_str(o, "usr", f->usr);
    add_str(o, "name", f->name);
    add_str(o, "file", f->file);
    add_int(o, "line", f->line);
    add_int(o, "col", f->col);
    add_int(o, "end_line", f->end_line);
    cJSON_AddBoolToObject(o, "static", f->is_static);
    add_int(o, "nparams", f->nparams);
    if (f->params && f->nparams > 0) {
        cJSON *ps = cJSON_AddArrayToObject(o, "params");
        for (int k = 0; k < f->nparams; k++)
            cJSON_AddItemToArray(
                ps, cJSON_CreateString(f->params[k] ? f->params[k] : ""));
    }
    arr = cJSON_AddArrayToObject(o, "loops");
    for (size_t i = 0; i < f->nloops; i++) {
        cJSON *l = cJSON_CreateObject();
        add_int(l, "parent", f->loops[i].parent);
        add_str(l, "counter", f->loops[i].counter);
        if (f->loops[i].once)
            cJSON_AddBoolToObject(l, "once", 1);
        if (f->loops[i].local_writes)
            cJSON_AddBoolToObject(l, "local_writes", 1);
        add_int(l, "line", f->loops[i].line);
        add_int(l, "col", f->loops[i].col);
        cJSON_AddItemToArray(arr, l);
    }
    arr = cJSON_AddArrayToObject(o, "branches");
    for (size_t i = 0; i < f->nbranches; i++) {
        cJSON *b = cJSON_CreateObject();
        add_int(b, "parent", f->branches[i].parent);
        add_str(b, "guard", f->branches[i].guard);
        add_str(b, "guard_usr", f->branches[i].guard_usr);
        add_int(b, "line", f->branches[i].line);
        cJSON_AddItemToArray(arr, b);
    }
    arr = cJSON_AddArrayToObject(o, "calls");
    for (size_t i = 0; i < f->ncalls; i++)
        cJSON_AddItemToArray(arr, call_to_json(&f->calls[i], f->narms));
    arr = cJSON_AddArrayToObject(o, "accesses");
    for (size_t i = 0; i < f->naccesses; i++) {
        const struct fact_access *a = &f->accesses[i];
        cJSON *j = cJSON_CreateObject();
        add_str(j, "var", a->var);
        add_str(j, "name", a->name);
        add_str(j, "field", a->field);
        cJSON_AddBoolToObject(j, "read", (a->flags & FACT_ACC_READ) != 0);
        cJSON_AddBoolToObject(j, "write", (a->flags & FACT_ACC_WRITE) != 0);
        cJSON_AddBoolToObject(j, "addr", (a->flags & FACT_ACC_ADDR) != 0);
        cJSON_AddBoolToObject(j, "atomic", (a->flags & FACT_ACC_ATOMIC) != 0);
        add_int(j, "line", a->line);
        add_int(j, "col", a->col);
        add_int(j, "loop", a->loop);
        if (a->test)
            cJSON_AddBoolToObject(j, "test", 1);
        add_int(j, "seq", a->seq);
        add_str(j, "index", a->index);
        cJSON_AddItemToArray(arr, j);
    }
    arr = cJSON_AddArrayToObject(o, "assigns");
    for (size_t i = 0; i < f->nassigns; i++)
        cJSON_AddItemToArray(arr, assign_to_json(&f->assigns[i]));
    arr = cJSON_AddArrayToObject(o, "arms");
    for (size_t i = 0; i < f->narms; i++) {
        cJSON *a = cJSON_CreateObject();
        add_int(a, "parent", f->arms[i].parent);
        add_int(a, "stmt", f->arms[i].stmt);
        if (f->arms[i].exits)
            cJSON_AddBoolToObject(a, "exits", 1);
        cJSON_AddItemToArray(arr, a);
    }
    arr = cJSON_AddArrayToObject(o, "flows");
    for (size_t i = 0; i < f->nflows; i++)
        cJSON_AddItemToArray(arr, flow_to_json(&f->flows[i]));
    return o;
}

char *facts_to_json(const struct fact_tu *tu, int pretty)
{
    cJSON *root = cJSON_CreateObject(), *arr;
    char *out;

    add_str(root, "format", "syncwise-facts");
    add_int(root, "version", SW_FACTS_VERSION);
    add_str(root, "file", tu->file);
    cJSON_AddBoolToObject(root, "parse_failed", tu->parse_failed);
    add_int(root, "errors", (long long)tu->nerrors);
    if (tu->nerrors) {
        cJSON *e = cJSON_AddObjectToObject(root, "first_error");
        add_str(e, "file", tu->first_error.file);
        add_int(e, "line", tu->first_error.line);
        add_int(e, "col", tu->first_error.col);
        add_str(e, "message", tu->first_error.message);
    }
    arr = cJSON_AddArrayToObject(root, "globals");
    for (size_t i = 0; i < tu->nglobals; i++) {
        const struct fact_global *g = &tu->globals[i];
        cJSON *o = cJSON_CreateObject();
        add_str(o, "usr", g->usr);
        add_str(o, "name", g->name);
        add_str(o, "file", g->file);
        add_int(o, "line", g->line);
        add_int(o, "col", g->col);
        add_str(o, "owner", g->owner);
        cJSON_AddBoolToObject(o, "static", g->is_static);
        cJSON_AddBoolToObject(o, "const", g->is_const);
        cJSON_AddBoolToObject(o, "atomic", g->is_atomic);
        cJSON_AddBoolToObject(o, "tls", g->is_tls);
        if (g->nstrings) {
            cJSON *ss = cJSON_AddArrayToObject(o, "strings");
            for (size_t k = 0; k < g->nstrings; k++)
                cJSON_AddItemToArray(ss, cJSON_CreateString(g->strings[k]));
        }
        cJSON_AddItemToArray(arr, o);
    }
    arr = cJSON_AddArrayToObject(root, "assigns");
    for (size_t i = 0; i < tu->nassigns; i++)
        cJSON_AddItemToArray(arr, assign_to_json(&tu->assigns[i]));
    arr = cJSON_AddArrayToObject(root, "functions");
    for (size_t i = 0; i < tu->nfuncs; i++)
        cJSON_AddItemToArray(arr, func_to_json(&tu->funcs[i]));

    out = pretty ? cJSON_Print(root) : cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    if (!out)
        BUG("cJSON could not print facts");
    return out;
}

/* ---- reading ---------------------------------------------------------- */

struct reader {
    struct fact_tu *tu; /* being filled */
    const char *err;    /* first problem, static string */
};

static const char *get_str(struct reader *r, const cJSON *o, const char *key,
                           int required)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v) {
        if (required && !r->err)
            r->err = "missing string field";
        return NULL;
    }
    if (!cJSON_IsString(v) || !v->valuestring) {
        if (!r->err)
            r->err = "field is not a string";
        return NULL;
    }
    return arena_strdup(&r->tu->arena, v->valuestring);
}

/*
 * An optional array of 1 to max strings under key, in the arena ("" reads
 * as NULL when empty_null); NULL with *n = 0 when absent.
 */
static const char **get_str_array(struct reader *r, const cJSON *o,
                                  const char *key, size_t max, int empty_null,
                                  size_t *n)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key), *e;
    const char **out;
    size_t i = 0;
    *n = 0;
    if (!v)
        return NULL;
    i = cJSON_IsArray(v) ? (size_t)cJSON_GetArraySize(v) : 0;
    if (!cJSON_IsArray(v) || i == 0 || i > max) {
        if (!r->err)
            r->err = "bad string array";
        return NULL;
    }
    out = arena_alloc(&r->tu->arena, i * sizeof(*out));
    i = 0;
    cJSON_ArrayForEach(e, v)
    {
        if (!cJSON_IsString(e) || !e->valuestring) {
            if (!r->err)
                r->err = "field is not a string";
            return NULL;
        }
        out[i++] = e->valuestring[0] || !empty_null
                       ? arena_strdup(&r->tu->arena, e->valuestring)
                       : NULL;
    }
    *n = i;
    return out;
}

static long long get_int(struct reader *r, const cJSON *o, const char *key,
                         long long dflt)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v)
        return dflt;
    if (!cJSON_IsNumber(v)) {
        if (!r->err)
            r->err = "field is not a number";
        return dflt;
    }
    /* Converting an out-of-range double to an integer is undefined. */
    if (!(v->valuedouble > -0x1p62 && v->valuedouble < 0x1p62)) {
        if (!r->err)
            r->err = "number out of range";
        return dflt;
    }
    return (long long)v->valuedouble;
}

/* A boolean field: absent is false; any other type is an error. */
static int get_bool_r(struct reader *r, const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v)
        return 0;
    if (!cJSON_IsBool(v)) {
        if (!r->err)
            r->err = "field is not a boolean";
        return 0;
    }
    return cJSON_IsTrue(v);
}
#define get_bool(o, key) get_bool_r(r, (o), (key))

/* A count: a number in 0..max. */
static long long get_count(struct reader *r, const cJSON *o, const char *key,
                           long long max)
{
    long long v = get_int(r, o, key, 0);
    if (v < 0 || v > max) {
        if (!r->err)
            r->err = "count out of range";
        return 0;
    }
    return v;
}

static const cJSON *get_array(struct reader *r, const cJSON *o, const char *key,
                              size_t *n)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    *n = 0;
    if (!v)
        return NULL;
    if (!cJSON_IsArray(v)) {
        if (!r->err)
            r->err = "field is not an array";
        return NULL;
    }
    *n = (size_t)cJSON_GetArraySize(v);
    return v;
}

/* Clamps a line or column read from JSON to a sane int. */
static int get_pos(struct reader *r, const cJSON *o, const char *key)
{
    long long v = get_int(r, o, key, 0);
    if (v < 0 || v > 100000000) {
        if (!r->err)
            r->err = "position out of range";
        return 0;
    }
    return (int)v;
}

/* An index that must be -1 or smaller than limit. */
static int get_index(struct reader *r, const cJSON *o, const char *key,
                     size_t limit)
{
    long long v = get_int(r, o, key, -1);
    if (v < -1 || (v >= 0 && (size_t)v >= limit)) {
        if (!r->err)
            r->err = "index out of range";
        return -1;
    }
    return (int)v;
}

static void read_assign(struct reader *r, const cJSON *o, struct fact_assign *a)
{
    a->target = get_str(r, o, "target", 1);
    a->func = get_str(r, o, "func", 0);
    a->func_name = get_str(r, o, "func_name", 0);
    a->owner = get_str(r, o, "owner", 0);
    a->param = get_index(r, o, "param", 4096);
    a->line = get_pos(r, o, "line");
    a->col = get_pos(r, o, "col");
    if (!a->func && a->param < 0 && !r->err)
        r->err = "assignment without function or parameter";
}

/* A constant's value: "value_text" when present (see add_value()). */
static long long get_value(struct reader *r, const cJSON *a)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(a, "value_text");
    char *end;
    long long v;
    if (!t)
        return get_int(r, a, "value", 0);
    if (!cJSON_IsString(t) || !t->valuestring || !t->valuestring[0]) {
        if (!r->err)
            r->err = "field is not a string";
        return 0;
    }
    errno = 0;
    v = strtoll(t->valuestring, &end, 10);
    if (*end || errno) {
        if (!r->err)
            r->err = "number out of range";
        return 0;
    }
    return v;
}

/*
 * One argument.  Only a var argument has an origin, itself an address
 * argument (addr, or var of an array) with no origin of its own: one
 * level, never deeper.
 */
static void read_arg(struct reader *r, const cJSON *a, struct fact_arg *fa,
                     size_t nloops, int top)
{
    const char *kind = NULL;
    const cJSON *k = cJSON_GetObjectItemCaseSensitive(a, "kind");
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(a, "origin");
    int kv;
    if (!cJSON_IsObject(a)) {
        if (!r->err)
            r->err = "argument is not an object";
        return;
    }
    if (cJSON_IsString(k))
        kind = k->valuestring;
    kv = kind ? fact_arg_kind_parse(kind) : -1;
    if (kv < 0) {
        if (!r->err)
            r->err = "unknown argument kind";
        kv = FACT_ARG_OTHER;
    }
    fa->kind = (enum fact_arg_kind)kv;
    fa->ref = get_str(r, a, "ref", 0);
    fa->text = get_str(r, a, "text", 0);
    fa->ival = get_value(r, a);
    fa->param = get_index(r, a, "param", 4096);
    fa->local = get_bool(a, "local");
    fa->fresh = get_bool(a, "fresh");
    fa->array = get_bool(a, "array");
    fa->decl_loop = get_index(r, a, "decl_loop", nloops);
    fa->base_param = get_index(r, a, "base_param", 4096);
    if (!o)
        return;
    if (!top || fa->kind != FACT_ARG_VAR || !cJSON_IsObject(o)) {
        if (!r->err)
            r->err = "bad argument origin";
        return;
    }
    {
        struct fact_arg *org = arena_alloc(&r->tu->arena, sizeof(*org));
        read_arg(r, o, org, nloops, 0);
        if ((org->kind != FACT_ARG_ADDR &&
             !(org->kind == FACT_ARG_VAR && org->array)) ||
            !org->ref) {
            if (!r->err)
                r->err = "bad argument origin";
            return;
        }
        fa->origin = org;
    }
}

static void read_call(struct reader *r, const cJSON *o, struct fact_call *c,
                      size_t nloops, size_t nbranches, size_t narms)
{
    size_t n;
    const cJSON *args, *a;
    size_t i = 0;

    c->callee = get_str(r, o, "callee", 0);
    c->name = get_str(r, o, "name", 1);
    c->via = get_str(r, o, "via", 0);
    c->via_param = get_index(r, o, "via_param", 4096);
    c->line = get_pos(r, o, "line");
    c->col = get_pos(r, o, "col");
    c->loop = get_index(r, o, "loop", nloops);
    c->seq = (int)get_int(r, o, "seq", 0);
    c->noreturn = get_bool(o, "noreturn");
    c->branch = get_index(r, o, "branch", nbranches);
    c->cond = (int)get_int(r, o, "cond", 0);
    c->result = get_str(r, o, "result", 0);
    c->test = get_bool(o, "test");
    c->arm = get_index(r, o, "arm", narms);
    args = get_array(r, o, "args", &n);
    c->nargs = n;
    c->args = n ? xcalloc(n, sizeof(*c->args)) : NULL;
    cJSON_ArrayForEach(a, args) read_arg(r, a, &c->args[i++], nloops, 1);
}

/* Exactly one source and one destination, indexes within the function. */
static void read_flow(struct reader *r, const cJSON *o, struct fact_flow *fl,
                      const struct fact_func *f)
{
    fl->from = get_str(r, o, "from", 0);
    fl->call = get_index(r, o, "call", f->ncalls);
    fl->to = get_str(r, o, "to", 0);
    fl->to_call = get_index(r, o, "to_call", f->ncalls);
    fl->to_arg = fl->to_call >= 0
                     ? get_index(r, o, "to_arg", f->calls[fl->to_call].nargs)
                     : -1;
    fl->to_loop = get_index(r, o, "to_loop", f->nloops);
    fl->loop = get_index(r, o, "loop", f->nloops);
    fl->seq = (int)get_int(r, o, "seq", 0);
    if (!r->err &&
        ((fl->from != NULL) + (fl->call >= 0) != 1 ||
         (fl->to != NULL) + (fl->to_call >= 0) + (fl->to_loop >= 0) != 1 ||
         (fl->to_call >= 0 && fl->to_arg < 0)))
        r->err = "flow without one source and one destination";
}

static void read_func(struct reader *r, const cJSON *o, struct fact_func *f)
{
    size_t n, i;
    const cJSON *arr, *e;

    f->usr = get_str(r, o, "usr", 1);
    f->name = get_str(r, o, "name", 1);
    f->file = get_str(r, o, "file", 1);
    f->line = get_pos(r, o, "line");
    f->col = get_pos(r, o, "col");
    f->end_line = get_pos(r, o, "end_line");
    f->is_static = get_bool(o, "static");
    f->nparams = (int)get_count(r, o, "nparams", 4096);
    f->params = get_str_array(r, o, "params", 4096, 1, &n);
    if (f->params && n != (size_t)f->nparams && !r->err)
        r->err = "params do not match nparams";

    arr = get_array(r, o, "loops", &n);
    f->nloops = n;
    f->loops = n ? xcalloc(n, sizeof(*f->loops)) : NULL;
    i = 0;
    cJSON_ArrayForEach(e, arr)
    {
        struct fact_loop *l = &f->loops[i];
        l->parent = get_index(r, e, "parent", i); /* parents come first */
        l->counter = get_str(r, e, "counter", 0);
        l->once = get_bool(e, "once");
        l->local_writes = get_bool(e, "local_writes");
        l->line = get_pos(r, e, "line");
        l->col = get_pos(r, e, "col");
        i++;
    }
    arr = get_array(r, o, "branches", &n);
    f->nbranches = n;
    f->branches = n ? xcalloc(n, sizeof(*f->branches)) : NULL;
    i = 0;
    cJSON_ArrayForEach(e, arr)
    {
        struct fact_branch *b = &f->branches[i];
        b->parent = get_index(r, e, "parent", i);
        b->guard = get_str(r, e, "guard", 1);
        b->guard_usr = get_str(r, e, "guard_usr", 0);
        b->line = get_pos(r, e, "line");
        i++;
    }
    arr = get_array(r, o, "arms", &n);
    f->narms = n;
    f->arms = n ? xcalloc(n, sizeof(*f->arms)) : NULL;
    i = 0;
    cJSON_ArrayForEach(e, arr)
    {
        f->arms[i].parent = get_index(r, e, "parent", i);
        f->arms[i].stmt = get_index(r, e, "stmt", i + 1);
        f->arms[i].exits = get_bool(e, "exits");
        if (f->arms[i].stmt < 0 && !r->err)
            r->err = "arm without statement";
        i++;
    }
    arr = get_array(r, o, "calls", &n);
    f->ncalls = n;
    f->calls = n ? xcalloc(n, sizeof(*f->calls)) : NULL;
    i = 0;
    cJSON_ArrayForEach(e, arr)
        read_call(r, e, &f->calls[i++], f->nloops, f->nbranches, f->narms);
    arr = get_array(r, o, "flows", &n);
    f->nflows = n;
    f->flows = n ? xcalloc(n, sizeof(*f->flows)) : NULL;
    i = 0;
    cJSON_ArrayForEach(e, arr) read_flow(r, e, &f->flows[i++], f);

    arr = get_array(r, o, "accesses", &n);
    f->naccesses = n;
    f->accesses = n ? xcalloc(n, sizeof(*f->accesses)) : NULL;
    i = 0;
    cJSON_ArrayForEach(e, arr)
    {
        struct fact_access *a = &f->accesses[i++];
        a->var = get_str(r, e, "var", 1);
        a->name = get_str(r, e, "name", 1);
        a->field = get_str(r, e, "field", 0);
        a->flags = (get_bool(e, "read") ? FACT_ACC_READ : 0) |
                   (get_bool(e, "write") ? FACT_ACC_WRITE : 0) |
                   (get_bool(e, "addr") ? FACT_ACC_ADDR : 0) |
                   (get_bool(e, "atomic") ? FACT_ACC_ATOMIC : 0);
        a->line = get_pos(r, e, "line");
        a->col = get_pos(r, e, "col");
        a->loop = get_index(r, e, "loop", f->nloops);
        a->test = get_bool(e, "test");
        a->seq = (int)get_int(r, e, "seq", 0);
        a->index = get_str(r, e, "index", 0);
    }
    arr = get_array(r, o, "assigns", &n);
    f->nassigns = n;
    f->assigns = n ? xcalloc(n, sizeof(*f->assigns)) : NULL;
    i = 0;
    cJSON_ArrayForEach(e, arr) read_assign(r, e, &f->assigns[i++]);
}

struct fact_tu *facts_from_json(const char *text, const char **err)
{
    cJSON *root = cJSON_Parse(text);
    const cJSON *fmt, *arr, *e;
    struct reader r = {NULL, NULL};
    size_t n, i;

    if (!root) {
        *err = "not valid JSON";
        return NULL;
    }
    fmt = cJSON_GetObjectItemCaseSensitive(root, "format");
    if (!cJSON_IsObject(root) || !cJSON_IsString(fmt) ||
        strcmp(fmt->valuestring, "syncwise-facts") != 0) {
        cJSON_Delete(root);
        *err = "not a syncwise facts document";
        return NULL;
    }
    if (!cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(root, "version")) ||
        cJSON_GetObjectItemCaseSensitive(root, "version")->valuedouble !=
            SW_FACTS_VERSION) {
        cJSON_Delete(root);
        *err = "facts of another version";
        return NULL;
    }
    r.tu = facts_tu_new("");
    r.tu->file = get_str(&r, root, "file", 1);
    r.tu->parse_failed = get_bool_r(&r, root, "parse_failed");
    r.tu->nerrors = (size_t)get_count(&r, root, "errors", 100000000);
    if (r.tu->nerrors) {
        const cJSON *fe = cJSON_GetObjectItemCaseSensitive(root, "first_error");
        if (cJSON_IsObject(fe)) {
            r.tu->first_error.file = get_str(&r, fe, "file", 0);
            r.tu->first_error.line = get_pos(&r, fe, "line");
            r.tu->first_error.col = get_pos(&r, fe, "col");
            r.tu->first_error.message = get_str(&r, fe, "message", 1);
        } else if (!r.err) {
            r.err = "missing first_error";
        }
    }
    arr = get_array(&r, root, "globals", &n);
    r.tu->nglobals = n;
    r.tu->globals = n ? xcalloc(n, sizeof(*r.tu->globals)) : NULL;
    i = 0;
    cJSON_ArrayForEach(e, arr)
    {
        struct fact_global *g = &r.tu->globals[i++];
        g->usr = get_str(&r, e, "usr", 1);
        g->name = get_str(&r, e, "name", 1);
        g->file = get_str(&r, e, "file", 1);
        g->line = get_pos(&r, e, "line");
        g->col = get_pos(&r, e, "col");
        g->owner = get_str(&r, e, "owner", 0);
        g->is_static = get_bool_r(&r, e, "static");
        g->is_const = get_bool_r(&r, e, "const");
        g->is_atomic = get_bool_r(&r, e, "atomic");
        g->is_tls = get_bool_r(&r, e, "tls");
        g->strings =
            get_str_array(&r, e, "strings", FACT_MAX_STRINGS, 0, &g->nstrings);
    }
    arr = get_array(&r, root, "assigns", &n);
    r.tu->nassigns = n;
    r.tu->assigns = n ? xcalloc(n, sizeof(*r.tu->assigns)) : NULL;
    i = 0;
    cJSON_ArrayForEach(e, arr) read_assign(&r, e, &r.tu->assigns[i++]);

    arr = get_array(&r, root, "functions", &n);
    r.tu->nfuncs = n;
    r.tu->funcs = n ? xcalloc(n, sizeof(*r.tu->funcs)) : NULL;
    i = 0;
    cJSON_ArrayForEach(e, arr) read_func(&r, e, &r.tu->funcs[i++]);

    cJSON_Delete(root);
    if (r.err) {
        *err = r.err;
        facts_tu_free(r.tu);
        return NULL;
    }
    return r.tu;
}
