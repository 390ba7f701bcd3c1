/*
 * facts/: hand-built facts, JSON round trip, and rejection of documents
 * that are not facts of this version (each rejection returns NULL with a
 * message and frees whatever it had read; ASan's leak checker watches).
 */
#include "common/xalloc.h"
#include "facts/facts.h"
#include "frontend/extract.h"
#include "unit_util.h"

#include <check.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *S(struct fact_tu *tu, const char *s)
{
    return arena_strdup(&tu->arena, s);
}

static struct fact_arg arg(struct fact_tu *tu, enum fact_arg_kind kind,
                           const char *ref, const char *text, long long ival,
                           int param, int local)
{
    struct fact_arg a;
    memset(&a, 0, sizeof(a));
    a.kind = kind;
    a.ref = ref ? S(tu, ref) : NULL;
    a.text = text ? S(tu, text) : NULL;
    a.ival = ival;
    a.param = param;
    a.local = local;
    a.decl_loop = -1;
    a.base_param = -1;
    return a;
}

/* Facts with every kind of field set, as the front end would make them. */
static struct fact_tu *sample_tu(void)
{
    struct fact_tu *tu = facts_tu_new("/src/net.c");
    struct fact_func *f;
    struct fact_call *c;

    tu->nerrors = 2;
    tu->first_error.file = S(tu, "/src/net.h");
    tu->first_error.line = 3;
    tu->first_error.col = 7;
    tu->first_error.message = S(tu, "expected ';' after expression");

    tu->nglobals = 3;
    tu->globals = xcalloc(3, sizeof(*tu->globals));
    tu->globals[0] = (struct fact_global){.usr = S(tu, "c:@counter"),
                                          .name = S(tu, "counter"),
                                          .file = S(tu, "/src/net.c"),
                                          .line = 4,
                                          .col = 5};
    tu->globals[1] =
        (struct fact_global){.usr = S(tu, "c:net.c@90@F@serve@calls"),
                             .name = S(tu, "calls"),
                             .file = S(tu, "/src/net.c"),
                             .line = 11,
                             .col = 16,
                             .owner = S(tu, "c:@F@serve"),
                             .is_static = 1,
                             .is_atomic = 1};
    tu->globals[2] = (struct fact_global){.usr = S(tu, "c:@tls"),
                                          .name = S(tu, "tls"),
                                          .file = S(tu, "/src/net.h"),
                                          .line = 2,
                                          .col = 20,
                                          .is_const = 1,
                                          .is_tls = 1};

    tu->nassigns = 1;
    tu->assigns = xcalloc(1, sizeof(*tu->assigns));
    tu->assigns[0] = (struct fact_assign){.target = S(tu, "field:ops::run"),
                                          .func = S(tu, "c:@F@on_run"),
                                          .func_name = S(tu, "on_run"),
                                          .param = -1,
                                          .owner = S(tu, "c:net.c@o"),
                                          .line = 40,
                                          .col = 5};

    tu->nfuncs = 2;
    tu->funcs = xcalloc(2, sizeof(*tu->funcs));
    f = &tu->funcs[0];
    f->usr = S(tu, "c:@F@serve");
    f->name = S(tu, "serve");
    f->file = S(tu, "/src/net.c");
    f->line = 9;
    f->col = 6;
    f->end_line = 30;
    f->nparams = 2;
    f->nloops = 2;
    f->loops = xcalloc(2, sizeof(*f->loops));
    f->loops[0] = (struct fact_loop){.parent = -1, .line = 10, .col = 5};
    f->loops[1] =
        (struct fact_loop){.parent = 0, .line = 12, .col = 9, .once = 1};

    f->nbranches = 1;
    f->branches = xcalloc(1, sizeof(*f->branches));
    f->branches[0].parent = -1;
    f->branches[0].guard = S(tu, "fork");
    f->branches[0].guard_usr = S(tu, "c:@F@fork");
    f->branches[0].line = 16;

    f->ncalls = 3;
    f->calls = xcalloc(3, sizeof(*f->calls));
    c = &f->calls[0];
    c->callee = S(tu, "c:@F@recv");
    c->name = S(tu, "recv");
    c->via_param = -1;
    c->result = S(tu, "c:net.c@60@F@serve@n");
    c->line = 13;
    c->col = 13;
    c->loop = 1;
    c->seq = 0;
    c->branch = -1;
    c->nargs = 4;
    c->args = xcalloc(4, sizeof(*c->args));
    c->args[0] =
        arg(tu, FACT_ARG_PARAM, "c:net.c@30@F@serve@fd", "fd", 0, 0, 0);
    c->args[1] =
        arg(tu, FACT_ARG_VAR, "c:net.c@50@F@serve@buf", "buf", 0, -1, 1);
    c->args[1].array = 1;
    c->args[1].decl_loop = 1;
    c->args[2] = arg(tu, FACT_ARG_INT, NULL, "MSG_DONTWAIT", 64, -1, 0);
    c->args[3] = arg(tu, FACT_ARG_NULL, NULL, "NULL", 0, -1, 0);

    c = &f->calls[1];
    c->name = S(tu, "o->run");
    c->via = S(tu, "field:ops::run");
    c->via_param = -1;
    c->line = 15;
    c->col = 3;
    c->loop = -1;
    c->seq = 2;
    c->branch = -1;
    c->nargs = 6;
    c->args = xcalloc(6, sizeof(*c->args));
    c->args[0] =
        arg(tu, FACT_ARG_STRING, NULL, "hello \"quoted\" \\ world", 0, -1, 0);
    c->args[1] = arg(tu, FACT_ARG_FUNC, "c:@F@on_run", "on_run", 0, -1, 0);
    c->args[2] = arg(tu, FACT_ARG_ADDR, "c:@counter", "&counter", 0, -1, 0);
    c->args[3] =
        arg(tu, FACT_ARG_OTHER, "c:net.c@30@F@serve@fd", "fd[1]", 0, -1, 0);
    c->args[3].base_param = 0;
    c->args[4] = arg(tu, FACT_ARG_INT, NULL, "-5", -5, -1, 0);
    c->args[5] =
        arg(tu, FACT_ARG_VAR, "c:net.c@60@F@serve@ctx", "ctx", 0, -1, 1);
    {
        struct fact_arg *o = arena_alloc(&tu->arena, sizeof(*o));
        *o = arg(tu, FACT_ARG_ADDR, "c:net.c@55@F@serve@sess", "&sess", 0, -1,
                 1);
        o->decl_loop = 0;
        c->args[5].origin = o;
    }

    c = &f->calls[2];
    c->name = S(tu, "cb");
    c->via = S(tu, "var:c:net.c@40@F@serve@cb");
    c->via_param = 1;
    c->line = 16;
    c->col = 3;
    c->loop = 0;
    c->seq = 3;
    c->branch = 0; /* inside "if (fork() == 0)" */
    c->noreturn = 1;
    f->naccesses = 3;
    f->accesses = xcalloc(3, sizeof(*f->accesses));
    f->accesses[0] =
        (struct fact_access){.var = S(tu, "c:@counter"),
                             .name = S(tu, "counter"),
                             .flags = FACT_ACC_READ | FACT_ACC_WRITE,
                             .line = 14,
                             .col = 3,
                             .loop = 1,
                             .seq = 1};
    f->accesses[1] =
        (struct fact_access){.var = S(tu, "c:@counter"),
                             .name = S(tu, "counter"),
                             .flags = FACT_ACC_READ | FACT_ACC_ATOMIC,
                             .line = 17,
                             .col = 3,
                             .loop = -1,
                             .seq = 4};
    f->accesses[2] = (struct fact_access){.var = S(tu, "c:@counter"),
                                          .name = S(tu, "counter"),
                                          .flags = FACT_ACC_ADDR,
                                          .line = 15,
                                          .col = 25,
                                          .loop = -1,
                                          .seq = 5};
    f->nassigns = 1;
    f->assigns = xcalloc(1, sizeof(*f->assigns));
    f->assigns[0] = (struct fact_assign){.target = S(tu, "field:obj::cb"),
                                         .func_name = S(tu, "cb"),
                                         .param = 1,
                                         .line = 20,
                                         .col = 3};

    /* Def-use: recv's result into n, n into the exit test of loop 1, and
     * s.f into argument 1 of call 0; call 2 in the then-arm of an if. */
    f->narms = 2;
    f->arms = xcalloc(2, sizeof(*f->arms));
    f->arms[0] = (struct fact_arm){-1, 0, 1};
    f->arms[1] = (struct fact_arm){-1, 0, 0};
    f->calls[2].arm = 1;
    f->nflows = 3;
    f->flows = xcalloc(3, sizeof(*f->flows));
    f->flows[0] = (struct fact_flow){
        NULL, 0, S(tu, "c:net.c@60@F@serve@n"), -1, -1, -1, 1, 1};
    f->flows[1] = (struct fact_flow){
        S(tu, "c:net.c@60@F@serve@n"), -1, NULL, -1, -1, 1, 1, 1};
    f->flows[2] = (struct fact_flow){
        S(tu, "c:net.c@70@F@serve@s.f"), -1, NULL, 0, 1, -1, -1, 2};

    f = &tu->funcs[1];
    f->usr = S(tu, "c:net.c@F@helper");
    f->name = S(tu, "helper");
    f->file = S(tu, "/src/net.c");
    f->line = 32;
    f->col = 13;
    f->end_line = 32;
    f->is_static = 1;
    return tu;
}

START_TEST(arg_kind_names)
{
    ck_assert_str_eq(fact_arg_kind_name(FACT_ARG_NULL), "null");
    ck_assert_str_eq(fact_arg_kind_name(FACT_ARG_PARAM), "param");
    for (int k = 0; k < FACT_ARG_KIND_COUNT; k++)
        ck_assert_int_eq(fact_arg_kind_parse(fact_arg_kind_name(k)), k);
    ck_assert_int_eq(fact_arg_kind_parse("bogus"), -1);
    ck_assert_int_eq(fact_arg_kind_parse(""), -1);
}
END_TEST

START_TEST(round_trip_is_identical)
{
    struct fact_tu *tu = sample_tu();
    char *text = facts_to_json(tu, 0), *text2, *pretty;
    const char *err = NULL;
    struct fact_tu *back = facts_from_json(text, &err);

    ck_assert_msg(back != NULL, "rejected own output: %s", err ? err : "?");
    text2 = facts_to_json(back, 0);
    ck_assert_str_eq(text2, text);

    /* The pretty form reads back to the same facts. */
    pretty = facts_to_json(tu, 1);
    ck_assert_str_ne(pretty, text);
    facts_tu_free(back);
    back = facts_from_json(pretty, &err);
    ck_assert_ptr_nonnull(back);
    free(text2);
    text2 = facts_to_json(back, 0);
    ck_assert_str_eq(text2, text);

    free(pretty);
    free(text);
    free(text2);
    facts_tu_free(back);
    facts_tu_free(tu);
}
END_TEST

START_TEST(round_trip_keeps_values)
{
    struct fact_tu *tu = sample_tu();
    char *text = facts_to_json(tu, 0);
    const char *err = NULL;
    struct fact_tu *b = facts_from_json(text, &err);
    const struct fact_func *f;
    const struct fact_call *c;

    ck_assert_ptr_nonnull(b);
    ck_assert_str_eq(b->file, "/src/net.c");
    ck_assert_int_eq(b->parse_failed, 0);
    ck_assert_uint_eq(b->nerrors, 2);
    ck_assert_str_eq(b->first_error.file, "/src/net.h");
    ck_assert_int_eq(b->first_error.line, 3);
    ck_assert_int_eq(b->first_error.col, 7);
    ck_assert_str_eq(b->first_error.message, "expected ';' after expression");

    ck_assert_uint_eq(b->nglobals, 3);
    ck_assert_str_eq(b->globals[1].owner, "c:@F@serve");
    ck_assert_ptr_null(b->globals[0].owner);
    ck_assert_int_eq(b->globals[1].is_static, 1);
    ck_assert_int_eq(b->globals[1].is_atomic, 1);
    ck_assert_int_eq(b->globals[2].is_const, 1);
    ck_assert_int_eq(b->globals[2].is_tls, 1);
    ck_assert_int_eq(b->globals[0].is_tls, 0);

    ck_assert_uint_eq(b->nassigns, 1);
    ck_assert_str_eq(b->assigns[0].target, "field:ops::run");
    ck_assert_str_eq(b->assigns[0].func, "c:@F@on_run");
    ck_assert_int_eq(b->assigns[0].param, -1);
    ck_assert_pstr_eq(b->assigns[0].owner, "c:net.c@o");

    ck_assert_uint_eq(b->nfuncs, 2);
    f = &b->funcs[0];
    ck_assert_str_eq(f->usr, "c:@F@serve");
    ck_assert_int_eq(f->nparams, 2);
    ck_assert_int_eq(f->end_line, 30);
    ck_assert_uint_eq(f->nloops, 2);
    ck_assert_int_eq(f->loops[1].parent, 0);
    ck_assert_int_eq(f->loops[0].parent, -1);
    ck_assert_uint_eq(f->ncalls, 3);
    c = &f->calls[0];
    ck_assert_str_eq(c->callee, "c:@F@recv");
    ck_assert_str_eq(c->result, "c:net.c@60@F@serve@n");
    ck_assert_int_eq(c->loop, 1);
    ck_assert_int_eq(c->via_param, -1);
    ck_assert_uint_eq(c->nargs, 4);
    ck_assert_int_eq(c->args[0].kind, FACT_ARG_PARAM);
    ck_assert_int_eq(c->args[0].param, 0);
    ck_assert_int_eq(c->args[1].kind, FACT_ARG_VAR);
    ck_assert_int_eq(c->args[1].local, 1);
    ck_assert_int_eq(c->args[1].param, -1);
    ck_assert_int_eq(c->args[1].array, 1);
    ck_assert_int_eq(f->loops[0].once, 0);
    ck_assert_int_eq(f->loops[1].once, 1);
    ck_assert_int_eq(c->args[1].decl_loop, 1);
    ck_assert_ptr_null(c->args[1].origin);
    ck_assert_int_eq(c->args[2].kind, FACT_ARG_INT);
    ck_assert_int_eq(c->args[2].ival, 64);
    ck_assert_str_eq(c->args[2].text, "MSG_DONTWAIT");
    ck_assert_int_eq(c->args[3].kind, FACT_ARG_NULL);
    c = &f->calls[1];
    ck_assert_ptr_null(c->callee);
    ck_assert_ptr_null(c->result);
    ck_assert_str_eq(c->via, "field:ops::run");
    ck_assert_str_eq(c->args[0].text, "hello \"quoted\" \\ world");
    ck_assert_int_eq(c->args[1].kind, FACT_ARG_FUNC);
    ck_assert_int_eq(c->args[2].kind, FACT_ARG_ADDR);
    ck_assert_int_eq(c->args[4].ival, -5);
    ck_assert_int_eq(c->branch, -1);
    ck_assert_int_eq(c->noreturn, 0);
    ck_assert_int_eq(c->args[3].base_param, 0);
    ck_assert_int_eq(c->args[2].base_param, -1);
    ck_assert_int_eq(c->args[2].decl_loop, -1);
    ck_assert_ptr_nonnull(c->args[5].origin);
    ck_assert_int_eq(c->args[5].origin->kind, FACT_ARG_ADDR);
    ck_assert_str_eq(c->args[5].origin->text, "&sess");
    ck_assert_int_eq(c->args[5].origin->decl_loop, 0);
    ck_assert_int_eq(c->args[5].origin->local, 1);
    ck_assert_ptr_null(c->args[5].origin->origin);
    c = &f->calls[2];
    ck_assert_int_eq(c->branch, 0);
    ck_assert_int_eq(c->noreturn, 1);
    ck_assert_uint_eq(f->nbranches, 1);
    ck_assert_int_eq(f->branches[0].parent, -1);
    ck_assert_str_eq(f->branches[0].guard, "fork");
    ck_assert_str_eq(f->branches[0].guard_usr, "c:@F@fork");
    ck_assert_int_eq(f->branches[0].line, 16);
    ck_assert_int_eq(c->via_param, 1);
    ck_assert_uint_eq(c->nargs, 0);
    ck_assert_ptr_null(c->args);
    ck_assert_uint_eq(f->naccesses, 3);
    ck_assert_uint_eq(f->accesses[0].flags, FACT_ACC_READ | FACT_ACC_WRITE);
    ck_assert_uint_eq(f->accesses[1].flags, FACT_ACC_READ | FACT_ACC_ATOMIC);
    ck_assert_uint_eq(f->accesses[2].flags, FACT_ACC_ADDR);
    ck_assert_int_eq(f->accesses[0].loop, 1);
    ck_assert_int_eq(f->accesses[2].seq, 5);
    ck_assert_uint_eq(f->nassigns, 1);
    ck_assert_ptr_null(f->assigns[0].func);
    ck_assert_int_eq(f->assigns[0].param, 1);
    ck_assert_int_eq(b->funcs[1].is_static, 1);
    ck_assert_uint_eq(b->funcs[1].ncalls, 0);

    free(text);
    facts_tu_free(b);
    facts_tu_free(tu);
}
END_TEST

START_TEST(empty_and_failed_tus_round_trip)
{
    struct fact_tu *tu = facts_tu_new("/src/broken.c");
    char *text, *text2;
    const char *err = NULL;
    struct fact_tu *b;
    tu->parse_failed = 1;
    tu->nerrors = 1;
    tu->first_error.file = tu->file;
    tu->first_error.message =
        arena_strdup(&tu->arena, "libclang could not parse this file");
    text = facts_to_json(tu, 0);
    b = facts_from_json(text, &err);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(b->parse_failed, 1);
    ck_assert_uint_eq(b->nfuncs, 0);
    ck_assert_ptr_null(b->funcs);
    ck_assert_str_eq(b->first_error.message,
                     "libclang could not parse this file");
    text2 = facts_to_json(b, 0);
    ck_assert_str_eq(text, text2);
    free(text);
    free(text2);
    facts_tu_free(b);
    facts_tu_free(tu);
    facts_tu_free(NULL);
}
END_TEST

/*
 * A valid document with one function; the rejection tests each break one
 * thing by substituting a placeholder.
 */
#define STR2(x) #x
#define STR(x) STR2(x)
#define DOC_HEAD                                                               \
    "{\"format\":\"syncwise-facts\",\"version\":" STR(SW_FACTS_VERSION) ","
#define GOOD_FUNC                                                              \
    "{\"usr\":\"c:@F@f\",\"name\":\"f\",\"file\":\"/a.c\",\"line\":1,"         \
    "\"col\":6,\"end_line\":3,\"static\":false,\"nparams\":1,"                 \
    "\"loops\":[{\"parent\":-1,\"line\":2,\"col\":3}],"                        \
    "\"calls\":[{\"callee\":\"c:@F@g\",\"name\":\"g\",\"line\":2,"             \
    "\"col\":10,\"loop\":0,\"seq\":0,\"args\":[{\"kind\":\"int\","             \
    "\"value\":1}]}],"                                                         \
    "\"accesses\":[{\"var\":\"c:@x\",\"name\":\"x\",\"read\":true,"            \
    "\"line\":2,\"col\":1,\"loop\":-1,\"seq\":1}],\"assigns\":[]}"

static void expect_reject(const char *doc, const char *want)
{
    const char *err = NULL;
    struct fact_tu *tu = facts_from_json(doc, &err);
    ck_assert_msg(tu == NULL, "accepted: %s", doc);
    ck_assert_msg(err != NULL, "no message for: %s", doc);
    ck_assert_str_ne(err, "");
    if (want)
        ck_assert_msg(strstr(err, want) != NULL,
                      "message '%s' lacks '%s' for: %s", err, want, doc);
}

START_TEST(template_document_is_valid)
{
    const char *err = NULL;
    struct fact_tu *tu = facts_from_json(
        DOC_HEAD "\"file\":\"/a.c\",\"functions\":[" GOOD_FUNC "]}", &err);
    ck_assert_msg(tu != NULL, "%s", err ? err : "?");
    ck_assert_uint_eq(tu->nfuncs, 1);
    ck_assert_uint_eq(tu->funcs[0].ncalls, 1);
    ck_assert_int_eq(tu->funcs[0].calls[0].loop, 0);
    facts_tu_free(tu);
}
END_TEST

START_TEST(rejects_not_json)
{
    expect_reject("", "JSON");
    expect_reject("{\"format\": \"syncwise-facts\",", "JSON");
    expect_reject("syncwise-facts", "JSON");
}
END_TEST

START_TEST(rejects_wrong_format)
{
    expect_reject("{\"format\":\"other-tool\",\"version\":1,\"file\":\"a\"}",
                  "not a syncwise facts document");
    expect_reject("{\"version\":1,\"file\":\"a\"}", "not a syncwise facts");
    expect_reject("{\"format\":7,\"version\":1}", "not a syncwise facts");
    expect_reject("[\"syncwise-facts\", 1]", "not a syncwise facts");
    expect_reject("\"syncwise-facts\"", "not a syncwise facts");
}
END_TEST

START_TEST(params_and_index)
{
    const char *err = NULL;
    struct fact_tu *tu = facts_from_json(
        DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"c:@F@f\","
                 "\"name\":\"f\",\"file\":\"/a.c\",\"line\":1,\"col\":6,"
                 "\"end_line\":3,\"nparams\":2,\"params\":[\"c:a\",\"\"],"
                 "\"accesses\":[{\"var\":\"c:@x\",\"name\":\"x\","
                 "\"write\":true,\"line\":2,\"col\":1,\"loop\":-1,"
                 "\"seq\":0,\"index\":\"c:a\"}]}]}",
        &err);
    ck_assert_msg(tu != NULL, "%s", err ? err : "?");
    ck_assert_str_eq(tu->funcs[0].params[0], "c:a");
    ck_assert_ptr_null(tu->funcs[0].params[1]);
    ck_assert_str_eq(tu->funcs[0].accesses[0].index, "c:a");
    facts_tu_free(tu);
    /* params must name every parameter, as strings */
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":"
                           "\"c:@F@f\",\"name\":\"f\",\"file\":\"/a.c\","
                           "\"line\":1,\"col\":6,\"end_line\":3,"
                           "\"nparams\":2,\"params\":[\"c:a\"]}]}",
                  "params");
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":"
                           "\"c:@F@f\",\"name\":\"f\",\"file\":\"/a.c\","
                           "\"line\":1,\"col\":6,\"end_line\":3,"
                           "\"nparams\":1,\"params\":[7]}]}",
                  "string");
}
END_TEST

START_TEST(rejects_other_versions)
{
    expect_reject(
        "{\"format\":\"syncwise-facts\",\"version\":1,\"file\":\"a\"}",
        "version");
    expect_reject(
        "{\"format\":\"syncwise-facts\",\"version\":2,\"file\":\"a\"}",
        "version");
    expect_reject(
        "{\"format\":\"syncwise-facts\",\"version\":4,\"file\":\"a\"}",
        "version");
    expect_reject(
        "{\"format\":\"syncwise-facts\",\"version\":99,\"file\":\"a\"}",
        "version");
    expect_reject(
        "{\"format\":\"syncwise-facts\",\"version\":0,\"file\":\"a\"}",
        "version");
    expect_reject(
        "{\"format\":\"syncwise-facts\",\"version\":1.5,\"file\":\"a\"}",
        "version");
    expect_reject(
        "{\"format\":\"syncwise-facts\",\"version\":\"1\",\"file\":\"a\"}",
        "version");
    expect_reject("{\"format\":\"syncwise-facts\",\"file\":\"a\"}", "version");
}
END_TEST

START_TEST(rejects_wrong_field_types)
{
    /* Strings. */
    expect_reject(DOC_HEAD "\"file\":5,\"functions\":[]}", "not a string");
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                           "\"name\":[],\"file\":\"/a.c\"}]}",
                  "not a string");
    /* Numbers. */
    expect_reject(DOC_HEAD
                  "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                  "\"name\":\"f\",\"file\":\"/a.c\",\"line\":\"12\"}]}",
                  "not a number");
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"errors\":\"many\","
                           "\"functions\":[]}",
                  "not a number");
    /* Arrays. */
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":{}}",
                  "not an array");
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"globals\":\"none\","
                           "\"functions\":[]}",
                  "not an array");
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                           "\"name\":\"f\",\"file\":\"/a.c\",\"calls\":[{"
                           "\"name\":\"g\",\"args\":\"none\"}]}]}",
                  "not an array");
    /* Argument kinds. */
    expect_reject(DOC_HEAD
                  "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                  "\"name\":\"f\",\"file\":\"/a.c\",\"calls\":[{"
                  "\"name\":\"g\",\"args\":[{\"kind\":\"bogus\"}]}]}]}",
                  "argument kind");
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                           "\"name\":\"f\",\"file\":\"/a.c\",\"calls\":[{"
                           "\"name\":\"g\",\"args\":[{\"kind\":3}]}]}]}",
                  "argument kind");
}
END_TEST

/*
 * BUG (facts/facts_json.c, get_bool): boolean fields of the wrong type
 * ("static": "yes") are read as false instead of rejecting the document,
 * so a malformed cache entry is half-read.  This asserts the documented
 * behaviour ("rejected as a whole, never half-read").
 */
START_TEST(rejects_wrong_bool_types)
{
    expect_reject(DOC_HEAD
                  "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                  "\"name\":\"f\",\"file\":\"/a.c\",\"static\":\"yes\"}]}",
                  NULL);
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"parse_failed\":1,"
                           "\"functions\":[]}",
                  NULL);
}
END_TEST

START_TEST(rejects_bad_flows)
{
#define FLOW_FUNC(FLOW)                                                        \
    DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\",\"name\":\"f\"," \
             "\"file\":\"/a.c\",\"calls\":[{\"name\":\"g\",\"args\":[{"        \
             "\"kind\":\"int\"}]}],\"flows\":[" FLOW "]}]}"
    const char *err = NULL;
    struct fact_tu *tu = facts_from_json(
        FLOW_FUNC("{\"call\":0,\"to_call\":0,\"to_arg\":0}"), &err);
    ck_assert_msg(tu != NULL, "%s", err ? err : "?");
    ck_assert_int_eq(tu->funcs[0].flows[0].to_arg, 0);
    facts_tu_free(tu);
    /* Two sources, no destination, an argument that does not exist. */
    expect_reject(FLOW_FUNC("{\"from\":\"k\",\"call\":0,\"to\":\"k\"}"),
                  "flow");
    expect_reject(FLOW_FUNC("{\"from\":\"k\"}"), "flow");
    expect_reject(FLOW_FUNC("{\"from\":\"k\",\"to_call\":0,\"to_arg\":1}"),
                  "index out of range");
    expect_reject(FLOW_FUNC("{\"call\":1,\"to\":\"k\"}"), "index out of range");
    expect_reject(FLOW_FUNC("{\"from\":\"k\",\"to_loop\":0}"),
                  "index out of range");
#undef FLOW_FUNC
}
END_TEST

START_TEST(rejects_out_of_range_loop_index)
{
    /* A call in loop 1 of a function with one loop. */
    expect_reject(DOC_HEAD
                  "\"file\":\"/a.c\",\"functions\":[" GOOD_FUNC
                  ",{\"usr\":\"c:@F@h\",\"name\":\"h\",\"file\":\"/a.c\","
                  "\"loops\":[{\"parent\":-1}],\"calls\":[{\"name\":\"g\","
                  "\"loop\":1,\"args\":[]}]}]}",
                  "index out of range");
    /* A call in a loop of a function without loops. */
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                           "\"name\":\"f\",\"file\":\"/a.c\",\"calls\":[{"
                           "\"name\":\"g\",\"loop\":0}]}]}",
                  "index out of range");
    /* Below -1. */
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                           "\"name\":\"f\",\"file\":\"/a.c\",\"calls\":[{"
                           "\"name\":\"g\",\"loop\":-2}]}]}",
                  "index out of range");
    /* An access in a loop that does not exist, after everything else. */
    expect_reject(DOC_HEAD
                  "\"file\":\"/a.c\",\"functions\":[" GOOD_FUNC
                  ",{\"usr\":\"c:@F@h\",\"name\":\"h\",\"file\":\"/a.c\","
                  "\"calls\":[{\"name\":\"g\",\"args\":[{\"kind\":\"int\"}]}],"
                  "\"accesses\":[{\"var\":\"v\",\"name\":\"v\","
                  "\"loop\":7}]}]}",
                  "index out of range");
    /* A call in a guarded branch that does not exist. */
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                           "\"name\":\"f\",\"file\":\"/a.c\",\"calls\":[{"
                           "\"name\":\"g\",\"branch\":0}]}]}",
                  "index out of range");
    /* A parameter index that no C function can have. */
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                           "\"name\":\"f\",\"file\":\"/a.c\",\"calls\":[{"
                           "\"name\":\"g\",\"via_param\":100000}]}]}",
                  "index out of range");
}
END_TEST

START_TEST(rejects_bad_argument_origins)
{
#define ARG_DOC(a)                                                             \
    DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","                \
             "\"name\":\"f\",\"file\":\"/a.c\",\"loops\":[{\"parent\":-1}],"   \
             "\"calls\":[{\"name\":\"g\",\"args\":[" a "]}]}]}"
    const char *err = NULL;
    struct fact_tu *tu = facts_from_json(
        ARG_DOC("{\"kind\":\"var\",\"ref\":\"p\",\"origin\":{\"kind\":"
                "\"addr\",\"ref\":\"x\",\"decl_loop\":0}}"),
        &err);
    ck_assert_msg(tu != NULL, "%s", err ? err : "?");
    facts_tu_free(tu);
    /* An origin of an origin: one level only. */
    expect_reject(ARG_DOC("{\"kind\":\"var\",\"origin\":{\"kind\":\"addr\","
                          "\"ref\":\"x\",\"origin\":{\"kind\":\"addr\","
                          "\"ref\":\"y\"}}}"),
                  "origin");
    /* Only a variable holds an address. */
    expect_reject(ARG_DOC("{\"kind\":\"addr\",\"ref\":\"p\",\"origin\":{"
                          "\"kind\":\"addr\",\"ref\":\"x\"}}"),
                  "origin");
    /* Not an address. */
    expect_reject(ARG_DOC("{\"kind\":\"var\",\"origin\":{\"kind\":\"int\","
                          "\"ref\":\"x\"}}"),
                  "origin");
    expect_reject(ARG_DOC("{\"kind\":\"var\",\"origin\":{\"kind\":\"addr\"}}"),
                  "origin");
    expect_reject(ARG_DOC("{\"kind\":\"var\",\"origin\":[]}"), "origin");
    expect_reject(ARG_DOC("{\"kind\":\"var\",\"origin\":\"x\"}"), "origin");
    /* Indexes out of range: a loop that does not exist, a parameter. */
    expect_reject(ARG_DOC("{\"kind\":\"addr\",\"decl_loop\":1}"),
                  "index out of range");
    expect_reject(ARG_DOC("{\"kind\":\"other\",\"base_param\":-3}"),
                  "index out of range");
    expect_reject(ARG_DOC("{\"kind\":\"var\",\"array\":1}"), "boolean");
    expect_reject(ARG_DOC("7"), "argument");
#undef ARG_DOC
}
END_TEST

START_TEST(rejects_out_of_range_parent_index)
{
    /* A loop that is its own parent. */
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                           "\"name\":\"f\",\"file\":\"/a.c\",\"loops\":["
                           "{\"parent\":0}]}]}",
                  "index out of range");
    /* Parents must come before children. */
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                           "\"name\":\"f\",\"file\":\"/a.c\",\"loops\":["
                           "{\"parent\":1},{\"parent\":-1}]}]}",
                  "index out of range");
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                           "\"name\":\"f\",\"file\":\"/a.c\",\"loops\":["
                           "{\"parent\":-1},{\"parent\":9}]}]}",
                  "index out of range");
    /* The same for guarded branches. */
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                           "\"name\":\"f\",\"file\":\"/a.c\",\"branches\":["
                           "{\"parent\":0,\"guard\":\"fork\"}]}]}",
                  "index out of range");
}
END_TEST

START_TEST(rejects_bad_positions)
{
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                           "\"name\":\"f\",\"file\":\"/a.c\",\"line\":-3}]}",
                  "out of range");
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                           "\"name\":\"f\",\"file\":\"/a.c\",\"col\":1e12}]}",
                  "out of range");
}
END_TEST

START_TEST(rejects_missing_required_strings)
{
    /* The TU's file. */
    expect_reject(DOC_HEAD "\"functions\":[]}", "missing");
    /* A function's usr, name, file. */
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"name\":\"f\","
                           "\"file\":\"/a.c\"}]}",
                  "missing");
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                           "\"file\":\"/a.c\"}]}",
                  "missing");
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                           "\"name\":\"f\"}]}",
                  "missing");
    /* A call's name (after a valid function was read). */
    expect_reject(DOC_HEAD
                  "\"file\":\"/a.c\",\"functions\":[" GOOD_FUNC
                  ",{\"usr\":\"c:@F@h\",\"name\":\"h\",\"file\":\"/a.c\","
                  "\"calls\":[{\"callee\":\"c:@F@g\",\"args\":[]}]}]}",
                  "missing");
    /* An access's variable. */
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                           "\"name\":\"f\",\"file\":\"/a.c\",\"accesses\":["
                           "{\"name\":\"x\"}]}]}",
                  "missing");
    /* A global's name. */
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"globals\":[{\"usr\":\"c:@x\","
                           "\"file\":\"/a.c\"}],\"functions\":[]}",
                  "missing");
    /* An assignment's target, and one with neither function nor param. */
    expect_reject(DOC_HEAD
                  "\"file\":\"/a.c\",\"assigns\":[{\"func\":\"c:@F@f\"}],"
                  "\"functions\":[]}",
                  "missing");
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"assigns\":[{\"target\":"
                           "\"field:a::b\"}],\"functions\":[]}",
                  "without function or parameter");
    /* errors > 0 needs first_error, with a message. */
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"errors\":1,\"functions\":[]}",
                  "first_error");
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"errors\":1,\"first_error\":{"
                           "\"line\":1},\"functions\":[]}",
                  "missing");
}
END_TEST

/*
 * BUG (facts/facts_json.c, read_func / facts_from_json): counts are not
 * range-checked.  "nparams": 1000000000 is accepted, and program_build()
 * then allocates a set per parameter (tens of gigabytes: the process dies
 * out of memory); "errors": -1 becomes SIZE_MAX errors.  Cached facts are
 * untrusted input (SPEC 4), so both must be rejected.
 */
START_TEST(rejects_absurd_counts)
{
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                           "\"name\":\"f\",\"file\":\"/a.c\",\"nparams\":-1}]}",
                  NULL);
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                           "\"name\":\"f\",\"file\":\"/a.c\","
                           "\"nparams\":1000000000}]}",
                  NULL);
    expect_reject(DOC_HEAD "\"file\":\"/a.c\",\"errors\":-1,\"first_error\":{"
                           "\"message\":\"m\"},\"functions\":[]}",
                  NULL);
}
END_TEST

START_TEST(new_fields_round_trip)
{
    /* Members of accesses, fresh pointer arguments and do-while(0) loops. */
    const char *text = DOC_HEAD
        "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
        "\"name\":\"f\",\"file\":\"/a.c\",\"loops\":[{\"parent\":-1,"
        "\"once\":true}],\"calls\":[{\"name\":\"g\",\"loop\":0,"
        "\"args\":[{\"kind\":\"var\",\"ref\":\"c:a.c@1@F@f@p\","
        "\"local\":true,\"fresh\":true}]}],\"accesses\":[{\"var\":"
        "\"c:@g\",\"name\":\"g\",\"field\":\"hits\",\"write\":true}]}]}";
    const char *err = NULL;
    struct fact_tu *tu = facts_from_json(text, &err);
    char *again;
    struct fact_tu *b;
    ck_assert_msg(tu != NULL, "%s", err ? err : "");
    ck_assert_int_eq(tu->funcs[0].loops[0].once, 1);
    ck_assert_int_eq(tu->funcs[0].calls[0].args[0].fresh, 1);
    ck_assert_str_eq(tu->funcs[0].accesses[0].field, "hits");
    again = facts_to_json(tu, 0);
    b = facts_from_json(again, &err);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(b->funcs[0].loops[0].once, 1);
    ck_assert_int_eq(b->funcs[0].calls[0].args[0].fresh, 1);
    ck_assert_str_eq(b->funcs[0].accesses[0].field, "hits");
    free(again);
    facts_tu_free(b);
    facts_tu_free(tu);
    /* Wrong types are rejected, not guessed. */
    ck_assert_ptr_null(facts_from_json(
        DOC_HEAD "\"file\":\"/a.c\",\"functions\":[{\"usr\":\"u\","
                 "\"name\":\"f\",\"file\":\"/a.c\",\"accesses\":[{"
                 "\"var\":\"v\",\"name\":\"v\",\"field\":5}]}]}",
        &err));
}
END_TEST

/* ---- binary facts (facts/facts_bin.c) ------------------------------------ */

/* A copy of n bytes of buf in a buffer of exactly n bytes. */
static unsigned char *exact_copy(const unsigned char *buf, size_t n)
{
    unsigned char *p = xmalloc(n ? n : 1);
    if (n)
        memcpy(p, buf, n);
    return p;
}

/* facts_to_bin(tu) in a buffer of exactly its size (ASan sees overreads). */
static unsigned char *to_bin(const struct fact_tu *tu, size_t *len)
{
    unsigned char *bin = facts_to_bin(tu, len), *copy = exact_copy(bin, *len);
    free(bin);
    return copy;
}

/* tu through facts_to_bin() and facts_from_bin(); the test fails on NULL. */
static struct fact_tu *bin_round_trip(const struct fact_tu *tu)
{
    size_t len;
    unsigned char *bin = to_bin(tu, &len);
    const char *err = NULL;
    struct fact_tu *back = facts_from_bin(bin, len, &err);
    ck_assert_msg(back != NULL, "rejected own output: %s", err ? err : "?");
    free(bin);
    return back;
}

/*
 * The checks every round trip passes: the same JSON as before, the same
 * inputs, and the same bytes when written again.
 */
static void assert_bin_round_trip(const struct fact_tu *tu, const char *what)
{
    struct fact_tu *back = bin_round_trip(tu);
    char *j1 = facts_to_json(tu, 0), *j2 = facts_to_json(back, 0);
    size_t n1, n2;
    unsigned char *b1 = to_bin(tu, &n1), *b2 = to_bin(back, &n2);
    ck_assert_msg(strcmp(j1, j2) == 0, "%s: JSON differs", what);
    ck_assert_msg(n1 == n2 && memcmp(b1, b2, n1) == 0, "%s: bytes differ",
                  what);
    ck_assert_uint_eq(back->ninputs, tu->ninputs);
    for (size_t i = 0; i < tu->ninputs; i++) {
        ck_assert_str_eq(back->inputs[i].path, tu->inputs[i].path);
        ck_assert_str_eq(back->inputs[i].hash, tu->inputs[i].hash);
    }
    ck_assert_ptr_null(facts_tu_check(back));
    free(j1);
    free(j2);
    free(b1);
    free(b2);
    facts_tu_free(back);
}

static void add_inputs(struct fact_tu *tu)
{
    tu->ninputs = 2;
    tu->inputs = xcalloc(2, sizeof(*tu->inputs));
    tu->inputs[0].path = S(tu, "/src/net.c");
    tu->inputs[0].hash = S(tu, "0123456789abcdef0123456789abcdef");
    tu->inputs[1].path = S(tu, "/src/net.h");
    tu->inputs[1].hash = S(tu, "fedcba9876543210fedcba9876543210");
}

START_TEST(bin_round_trip_is_identical)
{
    struct fact_tu *tu = sample_tu(), *empty = facts_tu_new("/src/e.c"),
                   *failed = facts_tu_failed("/src/f.c", "no AST");
    struct fact_tu *big = facts_tu_new("/src/big.c");
    add_inputs(tu);
    assert_bin_round_trip(tu, "sample");
    assert_bin_round_trip(empty, "empty");
    assert_bin_round_trip(failed, "failed");
    /* Values that take several bytes, at both ends of their ranges. */
    big->nerrors = (size_t)FACT_MAX_ERRORS;
    big->first_error.line = FACT_MAX_POS;
    big->first_error.message = S(big, "m");
    big->nfuncs = 1;
    big->funcs = xcalloc(1, sizeof(*big->funcs));
    big->funcs[0] = (struct fact_func){.usr = S(big, "u"),
                                       .name = S(big, "f"),
                                       .file = S(big, "/src/big.c"),
                                       .line = FACT_MAX_POS,
                                       .nparams = FACT_MAX_PARAMS};
    big->funcs[0].ncalls = 1;
    big->funcs[0].calls = xcalloc(1, sizeof(*big->funcs[0].calls));
    big->funcs[0].calls[0] = (struct fact_call){.name = S(big, "g"),
                                                .via_param = -1,
                                                .loop = -1,
                                                .branch = -1,
                                                .arm = -1,
                                                .seq = INT_MAX,
                                                .cond = INT_MIN,
                                                .nargs = 3};
    big->funcs[0].calls[0].args = xcalloc(3, sizeof(struct fact_arg));
    for (int i = 0; i < 3; i++) {
        struct fact_arg *a = &big->funcs[0].calls[0].args[i];
        *a = arg(big, FACT_ARG_INT, NULL, "N", 0, -1, 0);
        a->ival = i == 0 ? LLONG_MIN : i == 1 ? LLONG_MAX : -1;
    }
    big->funcs[0].calls[0].args[2].kind = FACT_ARG_PARAM;
    big->funcs[0].calls[0].args[2].param = FACT_MAX_PARAMS - 1;
    assert_bin_round_trip(big, "big");
    {
        struct fact_tu *b = bin_round_trip(big);
        ck_assert(b->funcs[0].calls[0].args[0].ival == LLONG_MIN);
        ck_assert(b->funcs[0].calls[0].args[1].ival == LLONG_MAX);
        ck_assert_int_eq(b->funcs[0].calls[0].seq, INT_MAX);
        ck_assert_int_eq(b->funcs[0].calls[0].cond, INT_MIN);
        ck_assert_uint_eq(b->nerrors, (size_t)FACT_MAX_ERRORS);
        ck_assert_ptr_null(b->funcs[0].params);
        facts_tu_free(b);
    }
    facts_tu_free(big);
    facts_tu_free(failed);
    facts_tu_free(empty);
    facts_tu_free(tu);
}
END_TEST

/* Every optional string of the facts, "" in one TU and NULL in another. */
START_TEST(bin_keeps_null_and_empty_strings_apart)
{
    for (int empty = 0; empty < 2; empty++) {
        struct fact_tu *tu = sample_tu(), *b;
        struct fact_func *f = &tu->funcs[0];
        const char *v = empty ? S(tu, "") : NULL;
        const char *params[2];
        struct fact_call *c = &f->calls[1];
        add_inputs(tu);
        tu->first_error.file = v;
        tu->globals[1].owner = v;
        tu->assigns[0].func_name = v;
        tu->assigns[0].owner = v;
        params[0] = v;
        params[1] = S(tu, "c:p");
        f->params = params; /* outlives the round trip */
        f->loops[0].counter = v;
        f->branches[0].guard_usr = v;
        c->callee = v;
        c->via = v;
        c->result = v;
        c->args[0].ref = v;
        c->args[0].text = v;
        f->accesses[0].field = v;
        f->accesses[0].index = v;
        f->flows[0].to = v ? v : f->flows[0].to;
        b = bin_round_trip(tu);
#define SAME(field) ck_assert_pstr_eq(b->field, tu->field)
        SAME(first_error.file);
        SAME(globals[1].owner);
        SAME(assigns[0].func_name);
        SAME(assigns[0].owner);
        ck_assert_pstr_eq(b->funcs[0].params[0], v);
        ck_assert_str_eq(b->funcs[0].params[1], "c:p");
        SAME(funcs[0].loops[0].counter);
        SAME(funcs[0].branches[0].guard_usr);
        SAME(funcs[0].calls[1].callee);
        SAME(funcs[0].calls[1].via);
        SAME(funcs[0].calls[1].result);
        SAME(funcs[0].calls[1].args[0].ref);
        SAME(funcs[0].calls[1].args[0].text);
        SAME(funcs[0].accesses[0].field);
        SAME(funcs[0].accesses[0].index);
        SAME(funcs[0].flows[0].to);
#undef SAME
        ck_assert_int_eq(b->funcs[0].calls[1].args[0].ref != NULL, empty);
        facts_tu_free(b);
        facts_tu_free(tu);
    }
}
END_TEST

/* The walk of the fixtures: nftw() passes no data to its callback. */
static void *fixture_idx;
static int nfixtures;

/* Every fixture file, as the front end extracts it (inputs included). */
static int fixture_round_trip(const char *path, const struct stat *st, int flag,
                              struct FTW *ftw)
{
    size_t len = strlen(path);
    char *dir, *inc;
    const char *args[3];
    struct fact_tu *tu;
    (void)st;
    (void)ftw;
    if (flag != FTW_F || len < 2 || strcmp(path + len - 2, ".c") != 0)
        return 0;
    dir = xstrndup(path, (size_t)(strrchr(path, '/') - path));
    inc = xasprintf("-I%s", dir);
    args[0] = "-std=c11";
    args[1] = "-D_GNU_SOURCE";
    args[2] = inc;
    tu = extract_tu(fixture_idx, path, dir, args, 3, NULL, 0);
    ck_assert_uint_gt(tu->ninputs, 0);
    assert_bin_round_trip(tu, path);
    /* The same facts as the JSON round trip gives. */
    {
        char *j = facts_to_json(tu, 0), *jj, *jb;
        const char *err = NULL;
        struct fact_tu *viaj = facts_from_json(j, &err), *viab;
        ck_assert_msg(viaj != NULL, "%s: %s", path, err ? err : "?");
        viab = bin_round_trip(tu);
        jj = facts_to_json(viaj, 1);
        jb = facts_to_json(viab, 1);
        ck_assert_str_eq(jj, jb);
        free(j);
        free(jj);
        free(jb);
        facts_tu_free(viaj);
        facts_tu_free(viab);
    }
    nfixtures++;
    facts_tu_free(tu);
    free(inc);
    free(dir);
    return 0;
}

START_TEST(bin_round_trip_of_fixtures)
{
    fixture_idx = extract_index_new();
    ck_assert_int_eq(nftw(SW_FIXTURES_DIR, fixture_round_trip, 16, FTW_PHYS),
                     0);
    extract_index_free(fixture_idx);
    /* 50-odd C files; fewer means the walk went wrong. */
    ck_assert_int_gt(nfixtures, 40);
}
END_TEST

static void expect_bin_reject(const unsigned char *buf, size_t n,
                              const char *want)
{
    unsigned char *copy = exact_copy(buf, n);
    const char *err = NULL;
    struct fact_tu *tu = facts_from_bin(copy, n, &err);
    ck_assert_msg(tu == NULL, "accepted %zu bytes", n);
    ck_assert_msg(err != NULL && err[0], "no message for %zu bytes", n);
    if (want)
        ck_assert_msg(strstr(err, want) != NULL, "message '%s' lacks '%s'", err,
                      want);
    free(copy);
}

START_TEST(bin_rejects_every_truncation)
{
    struct fact_tu *tu = sample_tu();
    size_t len;
    unsigned char *bin;
    add_inputs(tu);
    bin = to_bin(tu, &len);
    ck_assert_uint_gt(len, 100);
    for (size_t n = 0; n < len; n++)
        expect_bin_reject(bin, n, NULL);
    free(bin);
    facts_tu_free(tu);
}
END_TEST

/*
 * Every byte flipped in three ways: the reader returns NULL, or facts that
 * pass facts_tu_check() and round-trip (a flipped letter of a string is
 * still a string).  Never a crash or a leak.
 */
START_TEST(bin_survives_byte_flips)
{
    static const unsigned char masks[] = {0x01, 0x80, 0xff};
    struct fact_tu *tu = sample_tu();
    size_t len, rejected = 0;
    unsigned char *bin;
    add_inputs(tu);
    bin = to_bin(tu, &len);
    for (size_t i = 0; i < len; i++) {
        for (size_t m = 0; m < sizeof(masks); m++) {
            unsigned char *copy = exact_copy(bin, len);
            const char *err = NULL;
            struct fact_tu *b;
            copy[i] ^= masks[m];
            b = facts_from_bin(copy, len, &err);
            if (b) {
                ck_assert_ptr_null(facts_tu_check(b));
                assert_bin_round_trip(b, "flipped");
                facts_tu_free(b);
            } else {
                ck_assert(err != NULL && err[0]);
                rejected++;
            }
            free(copy);
        }
    }
    /* Flips in the string table mostly give other strings; most others
     * break the structure (841 of 2568 flips, when this was written). */
    ck_assert_uint_gt(rejected, len / 2);
    free(bin);
    facts_tu_free(tu);
}
END_TEST

START_TEST(bin_rejects_bad_headers)
{
    struct fact_tu *tu = facts_tu_new("/a.c");
    size_t len;
    unsigned char *bin = to_bin(tu, &len), *more;
    const char *err = NULL;
    struct fact_tu *b = facts_from_bin(bin, len, &err);
    ck_assert_msg(b != NULL, "%s", err ? err : "?");
    facts_tu_free(b);
    expect_bin_reject(bin, 0, "not binary facts");
    bin[0] = 'X';
    expect_bin_reject(bin, len, "not binary facts");
    bin[0] = 'S';
    bin[4]++; /* the layout's version */
    expect_bin_reject(bin, len, "version");
    bin[4]--;
    bin[8]++; /* SW_FACTS_VERSION */
    expect_bin_reject(bin, len, "version");
    bin[8]--;
    /* One byte too many. */
    more = xcalloc(len + 1, 1);
    memcpy(more, bin, len);
    expect_bin_reject(more, len + 1, "trailing");
    /* JSON is not binary facts. */
    expect_bin_reject((const unsigned char *)"{\"format\":1}", 12,
                      "not binary facts");
    free(more);
    free(bin);
    facts_tu_free(tu);
}
END_TEST

/*
 * Facts that break an invariant are rejected by both readers: the binary
 * reader is exactly as strict as the JSON reader.  Each case breaks one
 * thing in the sample; the two forms are written from the same facts.
 */
static void break_call_loop(struct fact_tu *tu)
{
    tu->funcs[0].calls[0].loop = 2;
}
static void break_call_loop_low(struct fact_tu *tu)
{
    tu->funcs[0].calls[0].loop = -2;
}
static void break_loop_parent(struct fact_tu *tu)
{
    tu->funcs[0].loops[0].parent = 0;
}
static void break_branch_parent(struct fact_tu *tu)
{
    tu->funcs[0].branches[0].parent = 1;
}
static void break_call_branch(struct fact_tu *tu)
{
    tu->funcs[0].calls[1].branch = 1;
}
static void break_arm_stmt(struct fact_tu *tu)
{
    tu->funcs[0].arms[1].stmt = 2;
}
static void break_arm_stmt_none(struct fact_tu *tu)
{
    tu->funcs[0].arms[0].stmt = -1;
}
static void break_arm_parent(struct fact_tu *tu)
{
    tu->funcs[0].arms[1].parent = 1;
}
static void break_via_param(struct fact_tu *tu)
{
    tu->funcs[0].calls[2].via_param = FACT_MAX_PARAMS;
}
static void break_param_arg(struct fact_tu *tu)
{
    tu->funcs[0].calls[0].args[0].param = FACT_MAX_PARAMS;
}
static void break_decl_loop(struct fact_tu *tu)
{
    tu->funcs[0].calls[0].args[1].decl_loop = 2;
}
static void break_base_param(struct fact_tu *tu)
{
    tu->funcs[0].calls[1].args[3].base_param = 5000;
}
static void break_origin_kind(struct fact_tu *tu)
{
    ((struct fact_arg *)tu->funcs[0].calls[1].args[5].origin)->kind =
        FACT_ARG_INT;
}
static void break_origin_ref(struct fact_tu *tu)
{
    ((struct fact_arg *)tu->funcs[0].calls[1].args[5].origin)->ref = NULL;
}
static void break_origin_holder(struct fact_tu *tu)
{
    tu->funcs[0].calls[1].args[5].kind = FACT_ARG_ADDR;
}
static void break_origin_loop(struct fact_tu *tu)
{
    ((struct fact_arg *)tu->funcs[0].calls[1].args[5].origin)->decl_loop = 9;
}
static void break_flow_source(struct fact_tu *tu)
{
    tu->funcs[0].flows[0].call = -1;
}
static void break_flow_call(struct fact_tu *tu)
{
    tu->funcs[0].flows[0].call = 3;
}
static void break_flow_dest(struct fact_tu *tu)
{
    tu->funcs[0].flows[1].to_loop = -1;
}
static void break_flow_two_dests(struct fact_tu *tu)
{
    tu->funcs[0].flows[2].to_loop = 0;
}
static void break_flow_arg(struct fact_tu *tu)
{
    tu->funcs[0].flows[2].to_arg = 4;
}
static void break_flow_loop(struct fact_tu *tu)
{
    tu->funcs[0].flows[1].loop = 2;
}
static void break_access_loop(struct fact_tu *tu)
{
    tu->funcs[0].accesses[0].loop = 2;
}
static void break_access_var(struct fact_tu *tu)
{
    tu->funcs[0].accesses[1].var = NULL;
}
static void break_call_name(struct fact_tu *tu)
{
    tu->funcs[0].calls[2].name = NULL;
}
static void break_func_usr(struct fact_tu *tu)
{
    tu->funcs[1].usr = NULL;
}
static void break_func_file(struct fact_tu *tu)
{
    tu->funcs[1].file = NULL;
}
static void break_guard(struct fact_tu *tu)
{
    tu->funcs[0].branches[0].guard = NULL;
}
static void break_global_name(struct fact_tu *tu)
{
    tu->globals[2].name = NULL;
}
static void break_assign(struct fact_tu *tu)
{
    tu->funcs[0].assigns[0].param = -1;
}
static void break_assign_target(struct fact_tu *tu)
{
    tu->assigns[0].target = NULL;
}
static void break_nparams(struct fact_tu *tu)
{
    tu->funcs[0].nparams = FACT_MAX_PARAMS + 1;
}
static void break_nparams_low(struct fact_tu *tu)
{
    tu->funcs[0].nparams = -1;
}
static void break_line(struct fact_tu *tu)
{
    tu->funcs[0].accesses[2].line = -1;
}
static void break_col(struct fact_tu *tu)
{
    tu->funcs[0].loops[1].col = FACT_MAX_POS + 1;
}
static void break_end_line(struct fact_tu *tu)
{
    tu->funcs[1].end_line = -7;
}
static void break_error_message(struct fact_tu *tu)
{
    tu->first_error.message = NULL;
}
static void break_error_count(struct fact_tu *tu)
{
    tu->nerrors = (size_t)FACT_MAX_ERRORS + 1;
}
static void break_tu_file(struct fact_tu *tu)
{
    tu->file = NULL;
}

START_TEST(bin_is_as_strict_as_json)
{
    static void (*const breaks[])(struct fact_tu *) = {
        break_call_loop,     break_call_loop_low,
        break_loop_parent,   break_branch_parent,
        break_call_branch,   break_arm_stmt,
        break_arm_stmt_none, break_arm_parent,
        break_via_param,     break_param_arg,
        break_decl_loop,     break_base_param,
        break_origin_kind,   break_origin_ref,
        break_origin_holder, break_origin_loop,
        break_flow_source,   break_flow_call,
        break_flow_dest,     break_flow_two_dests,
        break_flow_arg,      break_flow_loop,
        break_access_loop,   break_access_var,
        break_call_name,     break_func_usr,
        break_func_file,     break_guard,
        break_global_name,   break_assign,
        break_assign_target, break_nparams,
        break_nparams_low,   break_line,
        break_col,           break_end_line,
        break_error_message, break_error_count,
        break_tu_file,
    };
    for (size_t i = 0; i < sizeof(breaks) / sizeof(breaks[0]); i++) {
        struct fact_tu *tu = sample_tu();
        const char *jerr = NULL, *berr = NULL;
        char *json;
        size_t len;
        unsigned char *bin;
        struct fact_tu *j, *b;
        breaks[i](tu);
        ck_assert_msg(facts_tu_check(tu) != NULL, "case %zu: not broken", i);
        json = facts_to_json(tu, 0);
        bin = to_bin(tu, &len);
        j = facts_from_json(json, &jerr);
        b = facts_from_bin(bin, len, &berr);
        ck_assert_msg(j == NULL && b == NULL, "case %zu accepted (%s, %s)", i,
                      j ? "JSON" : "-", b ? "binary" : "-");
        ck_assert_msg(jerr && berr && strcmp(jerr, berr) == 0,
                      "case %zu: '%s' but '%s'", i, jerr ? jerr : "?",
                      berr ? berr : "?");
        free(json);
        free(bin);
        facts_tu_free(tu);
    }
}
END_TEST

/* The binary reader's own checks: what the bytes cannot say otherwise. */
START_TEST(bin_rejects_malformed_bytes)
{
    unsigned char buf[64];
    size_t n;
    struct fact_tu *tu = facts_tu_new("a");
    unsigned char *good = to_bin(tu, &n);
    const char *err = NULL;
    struct fact_tu *b;
    /* Facts of "a": header, 1 string of 2 bytes "a\0", then the body. */
    ck_assert_uint_eq(n, 12 + 2 + 2 + 1 + 1 + 1 + 1 + 1 + 1 + 1);
    memcpy(buf, good, n);
    b = facts_from_bin(buf, n, &err);
    ck_assert_ptr_nonnull(b);
    facts_tu_free(b);
    /* A reference past the table. */
    buf[16] = 2;
    expect_bin_reject(buf, n, "string reference");
    buf[16] = 1;
    /* A string that does not end in the table. */
    buf[15] = 'b';
    expect_bin_reject(buf, n, "string table");
    buf[15] = '\0';
    /* Unknown flags. */
    buf[17] = 2;
    expect_bin_reject(buf, n, "flags");
    buf[17] = 0;
    /* A number that does not end, and one not in its shortest form. */
    buf[n - 1] = 0x80;
    expect_bin_reject(buf, n, "truncated");
    buf[n - 1] = 0;
    {
        unsigned char longer[64];
        memcpy(longer, buf, 18);
        longer[18] = 0x80; /* nerrors 0 as two bytes */
        longer[19] = 0x00;
        memcpy(longer + 20, buf + 19, n - 19);
        expect_bin_reject(longer, n + 1, "bad number");
    }
    /* A count larger than the bytes left could hold. */
    buf[19] = 0x7f; /* globals */
    expect_bin_reject(buf, n, "count");
    buf[19] = 0;
    ck_assert_ptr_nonnull(b = facts_from_bin(buf, n, &err));
    facts_tu_free(b);
    free(good);
    facts_tu_free(tu);
}
END_TEST

static Suite *facts_suite(void)
{
    Suite *s = suite_create("facts");
    TCase *tc = tcase_create("round-trip");
    tcase_add_test(tc, arg_kind_names);
    tcase_add_test(tc, round_trip_is_identical);
    tcase_add_test(tc, round_trip_keeps_values);
    tcase_add_test(tc, new_fields_round_trip);
    tcase_add_test(tc, empty_and_failed_tus_round_trip);
    suite_add_tcase(s, tc);

    tc = tcase_create("reject");
    tcase_add_test(tc, template_document_is_valid);
    tcase_add_test(tc, rejects_not_json);
    tcase_add_test(tc, rejects_wrong_format);
    tcase_add_test(tc, rejects_other_versions);
    tcase_add_test(tc, params_and_index);
    tcase_add_test(tc, rejects_wrong_field_types);
    tcase_add_test(tc, rejects_wrong_bool_types);
    tcase_add_test(tc, rejects_out_of_range_loop_index);
    tcase_add_test(tc, rejects_bad_flows);
    tcase_add_test(tc, rejects_out_of_range_parent_index);
    tcase_add_test(tc, rejects_bad_argument_origins);
    tcase_add_test(tc, rejects_bad_positions);
    tcase_add_test(tc, rejects_missing_required_strings);
    tcase_add_test(tc, rejects_absurd_counts);
    suite_add_tcase(s, tc);

    tc = tcase_create("binary");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, bin_round_trip_is_identical);
    tcase_add_test(tc, bin_keeps_null_and_empty_strings_apart);
    tcase_add_test(tc, bin_round_trip_of_fixtures);
    tcase_add_test(tc, bin_rejects_every_truncation);
    tcase_add_test(tc, bin_survives_byte_flips);
    tcase_add_test(tc, bin_rejects_bad_headers);
    tcase_add_test(tc, bin_is_as_strict_as_json);
    tcase_add_test(tc, bin_rejects_malformed_bytes);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ut_run(facts_suite());
}
