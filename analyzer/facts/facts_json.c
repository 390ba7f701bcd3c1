/*
 * Facts <-> JSON.  The format is versioned by SW_FACTS_VERSION: a document
 * of another version, or one that does not have the expected shape, is
 * rejected as a whole (the cache then rebuilds it), never half-read.
 */
#include "facts/facts.h"

#include "common/strbuf.h"
#include "common/xalloc.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- writing ---------------------------------------------------------- */

/*
 * The writer streams compact JSON into a strbuf: building a cJSON tree
 * first and printing it cost more than extracting the facts (a node and a
 * malloc per value, and every integer printed as a double and read back
 * to check it).  Strings are escaped as cJSON escapes them; other bytes
 * pass through, so the reader sees the same strings.
 */
struct writer {
    struct strbuf sb; /* the document */
    int first;        /* 1 when the current object or array is empty */
};

static void w_sep(struct writer *w)
{
    if (!w->first)
        strbuf_addch(&w->sb, ',');
    w->first = 0;
}

static void w_string(struct writer *w, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const char *run = s;
    strbuf_addch(&w->sb, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        char esc[6];
        size_t n = 2;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        strbuf_add(&w->sb, run, (size_t)(s - run));
        run = s + 1;
        esc[0] = '\\';
        switch (c) {
        case '"':
        case '\\':
            esc[1] = (char)c;
            break;
        case '\b':
            esc[1] = 'b';
            break;
        case '\f':
            esc[1] = 'f';
            break;
        case '\n':
            esc[1] = 'n';
            break;
        case '\r':
            esc[1] = 'r';
            break;
        case '\t':
            esc[1] = 't';
            break;
        default:
            memcpy(esc + 1, "u00", 3);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            n = 6;
        }
        strbuf_add(&w->sb, esc, n);
    }
    strbuf_add(&w->sb, run, (size_t)(s - run));
    strbuf_addch(&w->sb, '"');
}

static void w_key(struct writer *w, const char *key)
{
    w_sep(w);
    strbuf_addch(&w->sb, '"');
    strbuf_addstr(&w->sb, key); /* keys are ours: nothing to escape */
    strbuf_add(&w->sb, "\":", 2);
}

static void w_open(struct writer *w, const char *key, char bracket)
{
    if (key)
        w_key(w, key);
    else
        w_sep(w);
    strbuf_addch(&w->sb, bracket);
    w->first = 1;
}

static void w_close(struct writer *w, char bracket)
{
    strbuf_addch(&w->sb, bracket);
    w->first = 0;
}

static void add_str(struct writer *w, const char *key, const char *v)
{
    if (v) {
        w_key(w, key);
        w_string(w, v);
    }
}

static void add_int(struct writer *w, const char *key, long long v)
{
    char buf[24], *p = buf + sizeof(buf);
    unsigned long long u =
        v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--p = '-';
    w_key(w, key);
    strbuf_add(&w->sb, p, (size_t)(buf + sizeof(buf) - p));
}

static void add_bool(struct writer *w, const char *key, int v)
{
    w_key(w, key);
    if (v)
        strbuf_add(&w->sb, "true", 4);
    else
        strbuf_add(&w->sb, "false", 5);
}

/* An array of n strings under key (NULL entries written as ""), unless n is
 * 0: get_str_array() reads it back. */
static void add_str_array(struct writer *w, const char *key,
                          const char *const *v, size_t n)
{
    if (!v || !n)
        return;
    w_open(w, key, '[');
    for (size_t k = 0; k < n; k++) {
        w_sep(w);
        w_string(w, v[k] ? v[k] : "");
    }
    w_close(w, ']');
}

/*
 * A constant's value.  JSON numbers are doubles, exact up to 2^53; larger
 * constants (hash seeds, masks) also get "value_text", the exact decimal,
 * which readers prefer, so that facts survive a round trip (the cache).
 */
static void add_value(struct writer *w, long long v)
{
    add_int(w, "value", v);
    if (v > (1LL << 53) || v < -(1LL << 53)) {
        char buf[32];
        snprintf(buf, sizeof(buf), "%lld", v);
        add_str(w, "value_text", buf);
    }
}

/* An argument: an element of "args" (key NULL) or its "origin". */
static void arg_to_json(struct writer *w, const char *key,
                        const struct fact_arg *a)
{
    w_open(w, key, '{');
    add_str(w, "kind", fact_arg_kind_name(a->kind));
    add_str(w, "ref", a->ref);
    add_str(w, "text", a->text);
    if (a->kind == FACT_ARG_INT || a->kind == FACT_ARG_NULL)
        add_value(w, a->ival);
    if (a->kind == FACT_ARG_PARAM)
        add_int(w, "param", a->param);
    if (a->local)
        add_bool(w, "local", 1);
    if (a->array)
        add_bool(w, "array", 1);
    if (a->decl_loop >= 0)
        add_int(w, "decl_loop", a->decl_loop);
    if (a->base_param >= 0)
        add_int(w, "base_param", a->base_param);
    if (a->origin && !key) /* one level: an origin has none of its own */
        arg_to_json(w, "origin", a->origin);
    if (a->fresh)
        add_bool(w, "fresh", 1);
    w_close(w, '}');
}

static void call_to_json(struct writer *w, const struct fact_call *c,
                         size_t narms)
{
    w_open(w, NULL, '{');
    add_str(w, "callee", c->callee);
    add_str(w, "name", c->name);
    add_str(w, "via", c->via);
    if (c->via_param >= 0)
        add_int(w, "via_param", c->via_param);
    add_int(w, "line", c->line);
    add_int(w, "col", c->col);
    add_int(w, "loop", c->loop);
    add_int(w, "seq", c->seq);
    if (c->noreturn)
        add_bool(w, "noreturn", 1);
    if (c->branch >= 0)
        add_int(w, "branch", c->branch);
    if (c->cond)
        add_int(w, "cond", c->cond);
    add_str(w, "result", c->result);
    if (c->test)
        add_bool(w, "test", 1);
    if (c->arm >= 0 && (size_t)c->arm < narms) /* else none (calloc'd) */
        add_int(w, "arm", c->arm);
    w_open(w, "args", '[');
    for (size_t i = 0; i < c->nargs; i++)
        arg_to_json(w, NULL, &c->args[i]);
    w_close(w, ']');
    w_close(w, '}');
}

static void assign_to_json(struct writer *w, const struct fact_assign *a)
{
    w_open(w, NULL, '{');
    add_str(w, "target", a->target);
    add_str(w, "func", a->func);
    add_str(w, "func_name", a->func_name);
    add_str(w, "owner", a->owner);
    add_int(w, "param", a->param);
    add_int(w, "line", a->line);
    add_int(w, "col", a->col);
    w_close(w, '}');
}

/* Only the set source and destination are written (see struct fact_flow). */
static void flow_to_json(struct writer *w, const struct fact_flow *fl)
{
    w_open(w, NULL, '{');
    add_str(w, "from", fl->from);
    if (!fl->from)
        add_int(w, "call", fl->call);
    add_str(w, "to", fl->to);
    if (fl->to_call >= 0) {
        add_int(w, "to_call", fl->to_call);
        add_int(w, "to_arg", fl->to_arg);
    }
    if (fl->to_loop >= 0)
        add_int(w, "to_loop", fl->to_loop);
    if (fl->loop >= 0)
        add_int(w, "loop", fl->loop);
    add_int(w, "seq", fl->seq);
    w_close(w, '}');
}

static void func_to_json(struct writer *w, const struct fact_func *f)
{
    w_open(w, NULL, '{');
    add_str(w, "usr", f->usr);
    add_str(w, "name", f->name);
    add_str(w, "file", f->file);
    add_int(w, "line", f->line);
    add_int(w, "col", f->col);
    add_int(w, "end_line", f->end_line);
    add_bool(w, "static", f->is_static);
    add_int(w, "nparams", f->nparams);
    if (f->nparams > 0)
        add_str_array(w, "params", f->params, (size_t)f->nparams);
    w_open(w, "loops", '[');
    for (size_t i = 0; i < f->nloops; i++) {
        w_open(w, NULL, '{');
        add_int(w, "parent", f->loops[i].parent);
        add_str(w, "counter", f->loops[i].counter);
        if (f->loops[i].once)
            add_bool(w, "once", 1);
        if (f->loops[i].local_writes)
            add_bool(w, "local_writes", 1);
        add_int(w, "line", f->loops[i].line);
        add_int(w, "col", f->loops[i].col);
        w_close(w, '}');
    }
    w_close(w, ']');
    w_open(w, "branches", '[');
    for (size_t i = 0; i < f->nbranches; i++) {
        w_open(w, NULL, '{');
        add_int(w, "parent", f->branches[i].parent);
        add_str(w, "guard", f->branches[i].guard);
        add_str(w, "guard_usr", f->branches[i].guard_usr);
        add_int(w, "line", f->branches[i].line);
        w_close(w, '}');
    }
    w_close(w, ']');
    w_open(w, "calls", '[');
    for (size_t i = 0; i < f->ncalls; i++)
        call_to_json(w, &f->calls[i], f->narms);
    w_close(w, ']');
    w_open(w, "accesses", '[');
    for (size_t i = 0; i < f->naccesses; i++) {
        const struct fact_access *a = &f->accesses[i];
        w_open(w, NULL, '{');
        add_str(w, "var", a->var);
        add_str(w, "name", a->name);
        add_str(w, "field", a->field);
        add_bool(w, "read", (a->flags & FACT_ACC_READ) != 0);
        add_bool(w, "write", (a->flags & FACT_ACC_WRITE) != 0);
        add_bool(w, "addr", (a->flags & FACT_ACC_ADDR) != 0);
        add_bool(w, "atomic", (a->flags & FACT_ACC_ATOMIC) != 0);
        add_int(w, "line", a->line);
        add_int(w, "col", a->col);
        add_int(w, "loop", a->loop);
        if (a->test)
            add_bool(w, "test", 1);
        add_int(w, "seq", a->seq);
        add_str(w, "index", a->index);
        w_close(w, '}');
    }
    w_close(w, ']');
    w_open(w, "assigns", '[');
    for (size_t i = 0; i < f->nassigns; i++)
        assign_to_json(w, &f->assigns[i]);
    w_close(w, ']');
    w_open(w, "arms", '[');
    for (size_t i = 0; i < f->narms; i++) {
        w_open(w, NULL, '{');
        add_int(w, "parent", f->arms[i].parent);
        add_int(w, "stmt", f->arms[i].stmt);
        if (f->arms[i].exits)
            add_bool(w, "exits", 1);
        w_close(w, '}');
    }
    w_close(w, ']');
    w_open(w, "flows", '[');
    for (size_t i = 0; i < f->nflows; i++)
        flow_to_json(w, &f->flows[i]);
    w_close(w, ']');
    w_close(w, '}');
}

/* Reindents a compact document as cJSON prints (--dump-facts). */
static char *pretty_print(const char *compact)
{
    cJSON *root = cJSON_Parse(compact);
    char *out = root ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (!out)
        BUG("cJSON could not print facts");
    return out;
}

char *facts_to_json(const struct fact_tu *tu, int pretty)
{
    struct writer w = {STRBUF_INIT, 1};
    char *out;

    w_open(&w, NULL, '{');
    add_str(&w, "format", "syncwise-facts");
    add_int(&w, "version", SW_FACTS_VERSION);
    add_str(&w, "file", tu->file);
    add_bool(&w, "parse_failed", tu->parse_failed);
    add_int(&w, "errors", (long long)tu->nerrors);
    if (tu->nerrors) {
        w_open(&w, "first_error", '{');
        add_str(&w, "file", tu->first_error.file);
        add_int(&w, "line", tu->first_error.line);
        add_int(&w, "col", tu->first_error.col);
        add_str(&w, "message", tu->first_error.message);
        w_close(&w, '}');
    }
    w_open(&w, "globals", '[');
    for (size_t i = 0; i < tu->nglobals; i++) {
        const struct fact_global *g = &tu->globals[i];
        w_open(&w, NULL, '{');
        add_str(&w, "usr", g->usr);
        add_str(&w, "name", g->name);
        add_str(&w, "file", g->file);
        add_int(&w, "line", g->line);
        add_int(&w, "col", g->col);
        add_str(&w, "owner", g->owner);
        add_bool(&w, "static", g->is_static);
        add_bool(&w, "const", g->is_const);
        add_bool(&w, "atomic", g->is_atomic);
        add_bool(&w, "tls", g->is_tls);
        add_str_array(&w, "strings", g->strings, g->nstrings);
        w_close(&w, '}');
    }
    w_close(&w, ']');
    w_open(&w, "assigns", '[');
    for (size_t i = 0; i < tu->nassigns; i++)
        assign_to_json(&w, &tu->assigns[i]);
    w_close(&w, ']');
    w_open(&w, "functions", '[');
    for (size_t i = 0; i < tu->nfuncs; i++)
        func_to_json(&w, &tu->funcs[i]);
    w_close(&w, ']');
    w_close(&w, '}');

    if (!pretty)
        return strbuf_detach(&w.sb);
    out = pretty_print(w.sb.buf);
    strbuf_release(&w.sb);
    return out;
}

/* ---- reading ---------------------------------------------------------- */

struct reader {
    struct fact_tu *tu;    /* being filled */
    const char *err;       /* first problem, static string */
    const cJSON *hint_obj; /* the object of the last lookup */
    const cJSON *hint;     /* the member after the one it found */
};

/*
 * The member key of object o, or NULL.  The writer puts the members in the
 * order the reader asks for them, so the member after the previous one
 * found is tried first; a full scan is the fallback, which any order of
 * members (other writers, hostile input) gets.
 */
static const cJSON *item(struct reader *r, const cJSON *o, const char *key)
{
    const cJSON *c = r->hint_obj == o ? r->hint : NULL;
    if (!c || !c->string || strcmp(c->string, key) != 0) {
        if (!cJSON_IsObject(o))
            return NULL;
        /* Absent members (defaults are left out) scan every member: the
         * first byte rules most out without a call. */
        for (c = o->child; c; c = c->next)
            if (c->string && c->string[0] == key[0] &&
                strcmp(c->string, key) == 0)
                break;
        if (!c)
            return NULL;
    }
    r->hint_obj = o;
    r->hint = c->next;
    return c;
}

/*
 * cJSON allocates through these hooks (installed before main, while there
 * is one thread).  While a thread reads a facts document, its tree goes
 * into an arena of that thread and is dropped at once afterwards: a
 * malloc and a free per JSON value were most of the reading time.
 */
static _Thread_local struct arena *json_arena;

static void *json_malloc(size_t n)
{
    return json_arena ? arena_alloc(json_arena, n) : xmalloc(n);
}

static void json_free(void *p)
{
    if (!json_arena)
        free(p);
}

__attribute__((constructor)) static void json_hooks_init(void)
{
    cJSON_Hooks hooks = {json_malloc, json_free};
    cJSON_InitHooks(&hooks);
}

/* A string field, NULL when absent (facts_tu_check() knows which are due). */
static const char *get_str(struct reader *r, const cJSON *o, const char *key)
{
    const cJSON *v = item(r, o, key);
    if (!v)
        return NULL;
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
    const cJSON *v = item(r, o, key), *e;
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
    const cJSON *v = item(r, o, key);
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
    const cJSON *v = item(r, o, key);
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
    const cJSON *v = item(r, o, key);
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

/*
 * An int field (absent: dflt).  Which values it may have (a position, an
 * index of an element that exists) is facts_tu_check()'s to say.
 */
static int get_i32(struct reader *r, const cJSON *o, const char *key, int dflt)
{
    long long v = get_int(r, o, key, dflt);
    if (v < INT_MIN || v > INT_MAX) {
        if (!r->err)
            r->err = "number out of range";
        return dflt;
    }
    return (int)v;
}
#define get_pos(r, o, key) get_i32((r), (o), (key), 0)
#define get_index(r, o, key) get_i32((r), (o), (key), -1)

static void read_assign(struct reader *r, const cJSON *o, struct fact_assign *a)
{
    a->target = get_str(r, o, "target");
    a->func = get_str(r, o, "func");
    a->func_name = get_str(r, o, "func_name");
    a->owner = get_str(r, o, "owner");
    a->param = get_index(r, o, "param");
    a->line = get_pos(r, o, "line");
    a->col = get_pos(r, o, "col");
}

/* A constant's value: "value_text" when present (see add_value()). */
static long long get_value(struct reader *r, const cJSON *a)
{
    const cJSON *t = item(r, a, "value_text");
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
 * One argument (top: of a call, else an origin).  An origin has no origin
 * of its own (facts_tu_check() says what else an origin must be).
 */
static void read_arg(struct reader *r, const cJSON *a, struct fact_arg *fa,
                     int top)
{
    const char *kind = NULL;
    const cJSON *k, *o;
    int kv;
    if (!cJSON_IsObject(a)) {
        if (!r->err)
            r->err = "argument is not an object";
        return;
    }
    k = item(r, a, "kind");
    if (cJSON_IsString(k))
        kind = k->valuestring;
    kv = kind ? fact_arg_kind_parse(kind) : -1;
    if (kv < 0) {
        if (!r->err)
            r->err = "unknown argument kind";
        kv = FACT_ARG_OTHER;
    }
    fa->kind = (enum fact_arg_kind)kv;
    fa->ref = get_str(r, a, "ref");
    fa->text = get_str(r, a, "text");
    fa->ival = get_value(r, a);
    fa->param = get_index(r, a, "param");
    fa->local = get_bool(a, "local");
    fa->fresh = get_bool(a, "fresh");
    fa->array = get_bool(a, "array");
    fa->decl_loop = get_index(r, a, "decl_loop");
    fa->base_param = get_index(r, a, "base_param");
    o = item(r, a, "origin");
    if (!o)
        return;
    if (!top || !cJSON_IsObject(o)) {
        if (!r->err)
            r->err = "bad argument origin";
        return;
    }
    {
        struct fact_arg *org = arena_alloc(&r->tu->arena, sizeof(*org));
        read_arg(r, o, org, 0);
        fa->origin = org;
    }
}

static void read_call(struct reader *r, const cJSON *o, struct fact_call *c)
{
    size_t n;
    const cJSON *args, *a;
    size_t i = 0;

    c->callee = get_str(r, o, "callee");
    c->name = get_str(r, o, "name");
    c->via = get_str(r, o, "via");
    c->via_param = get_index(r, o, "via_param");
    c->line = get_pos(r, o, "line");
    c->col = get_pos(r, o, "col");
    c->loop = get_index(r, o, "loop");
    c->seq = get_i32(r, o, "seq", 0);
    c->noreturn = get_bool(o, "noreturn");
    c->branch = get_index(r, o, "branch");
    c->cond = get_i32(r, o, "cond", 0);
    c->result = get_str(r, o, "result");
    c->test = get_bool(o, "test");
    c->arm = get_index(r, o, "arm");
    args = get_array(r, o, "args", &n);
    c->nargs = n;
    c->args = n ? xcalloc(n, sizeof(*c->args)) : NULL;
    cJSON_ArrayForEach(a, args) read_arg(r, a, &c->args[i++], 1);
}

/* to_arg only with to_call (see flow_to_json()). */
static void read_flow(struct reader *r, const cJSON *o, struct fact_flow *fl)
{
    fl->from = get_str(r, o, "from");
    fl->call = get_index(r, o, "call");
    fl->to = get_str(r, o, "to");
    fl->to_call = get_index(r, o, "to_call");
    fl->to_arg = fl->to_call >= 0 ? get_index(r, o, "to_arg") : -1;
    fl->to_loop = get_index(r, o, "to_loop");
    fl->loop = get_index(r, o, "loop");
    fl->seq = get_i32(r, o, "seq", 0);
}

static void read_func(struct reader *r, const cJSON *o, struct fact_func *f)
{
    size_t n, i;
    const cJSON *arr, *e;

    f->usr = get_str(r, o, "usr");
    f->name = get_str(r, o, "name");
    f->file = get_str(r, o, "file");
    f->line = get_pos(r, o, "line");
    f->col = get_pos(r, o, "col");
    f->end_line = get_pos(r, o, "end_line");
    f->is_static = get_bool(o, "static");
    f->nparams = get_i32(r, o, "nparams", 0);
    f->params = get_str_array(r, o, "params", FACT_MAX_PARAMS, 1, &n);
    if (f->params && n != (size_t)f->nparams && !r->err)
        r->err = "params do not match nparams";

    arr = get_array(r, o, "loops", &n);
    f->nloops = n;
    f->loops = n ? xcalloc(n, sizeof(*f->loops)) : NULL;
    i = 0;
    cJSON_ArrayForEach(e, arr)
    {
        struct fact_loop *l = &f->loops[i];
        l->parent = get_index(r, e, "parent");
        l->counter = get_str(r, e, "counter");
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
        b->parent = get_index(r, e, "parent");
        b->guard = get_str(r, e, "guard");
        b->guard_usr = get_str(r, e, "guard_usr");
        b->line = get_pos(r, e, "line");
        i++;
    }
    arr = get_array(r, o, "arms", &n);
    f->narms = n;
    f->arms = n ? xcalloc(n, sizeof(*f->arms)) : NULL;
    i = 0;
    cJSON_ArrayForEach(e, arr)
    {
        f->arms[i].parent = get_index(r, e, "parent");
        f->arms[i].stmt = get_index(r, e, "stmt");
        f->arms[i].exits = get_bool(e, "exits");
        i++;
    }
    arr = get_array(r, o, "calls", &n);
    f->ncalls = n;
    f->calls = n ? xcalloc(n, sizeof(*f->calls)) : NULL;
    i = 0;
    cJSON_ArrayForEach(e, arr) read_call(r, e, &f->calls[i++]);
    arr = get_array(r, o, "flows", &n);
    f->nflows = n;
    f->flows = n ? xcalloc(n, sizeof(*f->flows)) : NULL;
    i = 0;
    cJSON_ArrayForEach(e, arr) read_flow(r, e, &f->flows[i++]);

    arr = get_array(r, o, "accesses", &n);
    f->naccesses = n;
    f->accesses = n ? xcalloc(n, sizeof(*f->accesses)) : NULL;
    i = 0;
    cJSON_ArrayForEach(e, arr)
    {
        struct fact_access *a = &f->accesses[i++];
        a->var = get_str(r, e, "var");
        a->name = get_str(r, e, "name");
        a->field = get_str(r, e, "field");
        a->flags = (get_bool(e, "read") ? FACT_ACC_READ : 0) |
                   (get_bool(e, "write") ? FACT_ACC_WRITE : 0) |
                   (get_bool(e, "addr") ? FACT_ACC_ADDR : 0) |
                   (get_bool(e, "atomic") ? FACT_ACC_ATOMIC : 0);
        a->line = get_pos(r, e, "line");
        a->col = get_pos(r, e, "col");
        a->loop = get_index(r, e, "loop");
        a->test = get_bool(e, "test");
        a->seq = get_i32(r, e, "seq", 0);
        a->index = get_str(r, e, "index");
    }
    arr = get_array(r, o, "assigns", &n);
    f->nassigns = n;
    f->assigns = n ? xcalloc(n, sizeof(*f->assigns)) : NULL;
    i = 0;
    cJSON_ArrayForEach(e, arr) read_assign(r, e, &f->assigns[i++]);
}

/* The body of facts_from_json(), with the tree in json_arena. */
static struct fact_tu *read_document(const char *text, const char **err)
{
    cJSON *root = cJSON_Parse(text);
    const cJSON *fmt, *arr, *e;
    struct reader r = {NULL, NULL, NULL, NULL};
    size_t n, i;

    if (!root) {
        *err = "not valid JSON";
        return NULL;
    }
    fmt = item(&r, root, "format");
    if (!cJSON_IsObject(root) || !cJSON_IsString(fmt) ||
        strcmp(fmt->valuestring, "syncwise-facts") != 0) {
        *err = "not a syncwise facts document";
        return NULL;
    }
    if (!cJSON_IsNumber(item(&r, root, "version")) ||
        item(&r, root, "version")->valuedouble != SW_FACTS_VERSION) {
        *err = "facts of another version";
        return NULL;
    }
    r.tu = facts_tu_new("");
    r.tu->file = get_str(&r, root, "file");
    r.tu->parse_failed = get_bool_r(&r, root, "parse_failed");
    r.tu->nerrors = (size_t)get_count(&r, root, "errors", FACT_MAX_ERRORS);
    if (r.tu->nerrors) {
        const cJSON *fe = item(&r, root, "first_error");
        if (cJSON_IsObject(fe)) {
            r.tu->first_error.file = get_str(&r, fe, "file");
            r.tu->first_error.line = get_pos(&r, fe, "line");
            r.tu->first_error.col = get_pos(&r, fe, "col");
            r.tu->first_error.message = get_str(&r, fe, "message");
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
        g->usr = get_str(&r, e, "usr");
        g->name = get_str(&r, e, "name");
        g->file = get_str(&r, e, "file");
        g->line = get_pos(&r, e, "line");
        g->col = get_pos(&r, e, "col");
        g->owner = get_str(&r, e, "owner");
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

    if (!r.err)
        r.err = facts_tu_check(r.tu);
    if (r.err) {
        *err = r.err;
        facts_tu_free(r.tu);
        return NULL;
    }
    return r.tu;
}

struct fact_tu *facts_from_json(const char *text, const char **err)
{
    struct arena tree;
    struct fact_tu *tu;
    arena_init(&tree);
    json_arena = &tree;
    tu = read_document(text, err);
    json_arena = NULL;
    arena_release(&tree);
    return tu;
}
