/*
 * engine/: rule selection, diagnostics (sort, fingerprints), and whole
 * runs over a temporary project through engine_run().
 */
#include "common/xalloc.h"
#include "engine/engine.h"
#include "unit_util.h"

#include <check.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- rule selection ------------------------------------------------------ */

static const struct rule_info fake[] = {
    {"SW101", "a", "async-overhead", SW_LEVEL_WARNING, "", NULL},
    {"SW201", "b", "thread-safety", SW_LEVEL_WARNING, "", NULL},
    {"SW202", "c", "thread-safety", SW_LEVEL_WARNING, "", NULL},
    {"SW303", "d", "io-bound", SW_LEVEL_WARNING, "", NULL},
    {"SW900", "e", "internal", SW_LEVEL_ERROR, "", NULL},
};

/* "10110" style: which of fake[] are enabled. */
static void expect_enabled(const char *const *sel, size_t nsel,
                           const char *const *ign, size_t nign,
                           const char *want)
{
    struct engine_opts o;
    char got[8];
    memset(&o, 0, sizeof(o));
    o.select = sel;
    o.nselect = nsel;
    o.ignore = ign;
    o.nignore = nign;
    for (size_t i = 0; i < 5; i++)
        got[i] = engine_rule_enabled(&o, &fake[i]) ? '1' : '0';
    got[5] = '\0';
    ck_assert_msg(strcmp(got, want) == 0,
                  "select %s ignore %s: got %s, want %s", nsel ? sel[0] : "-",
                  nign ? ign[0] : "-", got, want);
}

START_TEST(rule_selection)
{
    static const char *const sw2[] = {"SW2"};
    static const char *const sw202[] = {"SW202"};
    static const char *const sw3_101[] = {"SW3", "SW101"};
    static const char *const sw9[] = {"SW9"};
    static const char *const all[] = {"ALL"};
    static const char *const lower[] = {"sw20"};
    static const char *const sw[] = {"SW"};

    /* Nothing given: everything. */
    expect_enabled(NULL, 0, NULL, 0, "11111");
    /* A prefix selects a family. */
    expect_enabled(sw2, 1, NULL, 0, "01100");
    /* --select SW2 --ignore SW202: the longer match wins, SW202 only goes. */
    expect_enabled(sw2, 1, sw202, 1, "01000");
    /* --select SW202 --ignore SW2: SW202 stays, the rest of SW2 goes. */
    expect_enabled(sw202, 1, sw2, 1, "00100");
    /* Several patterns. */
    expect_enabled(sw3_101, 2, NULL, 0, "10010");
    expect_enabled(NULL, 0, sw9, 1, "11110");
    expect_enabled(NULL, 0, sw3_101, 2, "01101");
    /* ALL, case-insensitive codes, and an equal-length tie (ignore wins). */
    expect_enabled(all, 1, sw202, 1, "11011");
    expect_enabled(lower, 1, NULL, 0, "01100");
    expect_enabled(sw202, 1, sw202, 1, "00000");
    expect_enabled(sw, 1, sw2, 1, "10011");
}
END_TEST

START_TEST(rule_registry)
{
    const struct rule_info *r = rules_find("SW303");
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(r->name, "blocking-in-event-loop");
    ck_assert_ptr_eq(rules_find("blocking-in-event-loop"), r);
    ck_assert_ptr_eq(rules_find("sw303"), r);
    ck_assert_ptr_null(rules_find("SW999"));
    ck_assert_ptr_nonnull(rules_find("SW900"));
    ck_assert_int_eq(rules_find("SW900")->level, SW_LEVEL_ERROR);
    ck_assert_uint_ge(sw_nrules, 3);
    for (size_t i = 0; i < sw_nrules; i++) {
        ck_assert_int_eq(strlen(sw_rules[i].code), 5);
        ck_assert_int_eq(strncmp(sw_rules[i].code, "SW", 2), 0);
        if (i)
            ck_assert_int_lt(strcmp(sw_rules[i - 1].code, sw_rules[i].code), 0);
    }
    ck_assert_str_eq(rule_basename("/a/b/net.c"), "net.c");
    ck_assert_str_eq(rule_basename("net.c"), "net.c");
}
END_TEST

/* ---- diagnostics --------------------------------------------------------- */

START_TEST(levels)
{
    ck_assert_str_eq(sw_level_name(SW_LEVEL_WARNING), "warning");
    ck_assert_int_eq(sw_level_parse("error"), SW_LEVEL_ERROR);
    ck_assert_int_eq(sw_level_parse("note"), SW_LEVEL_NOTE);
    ck_assert_int_eq(sw_level_parse("fatal"), -1);
}
END_TEST

START_TEST(diags_sort_and_dedup)
{
    struct sw_diags l = {0};
    diags_add(&l, &fake[3], "/p/b.c", 10, 5, "m");
    diags_add(&l, &fake[2], "/p/a.c", 20, 1, "m");
    diags_add(&l, &fake[3], "/p/a.c", 20, 1, "m");
    diags_add(&l, &fake[1], "/p/a.c", 3, 9, "x");
    diags_add(&l, &fake[2], "/p/a.c", 20, 1, "m"); /* exact duplicate */
    diags_add(&l, &fake[1], "/p/a.c", 3, 2, "x");
    diags_sort(&l);
    ck_assert_uint_eq(l.n, 5);
    ck_assert_str_eq(l.items[0].file, "/p/a.c");
    ck_assert_int_eq(l.items[0].line, 3);
    ck_assert_int_eq(l.items[0].col, 2);
    ck_assert_int_eq(l.items[1].col, 9);
    ck_assert_int_eq(l.items[2].line, 20);
    ck_assert_str_eq(l.items[2].rule->code, "SW202");
    ck_assert_str_eq(l.items[3].rule->code, "SW303");
    ck_assert_str_eq(l.items[4].file, "/p/b.c");
    /* diags_add sets what callers rely on. */
    ck_assert_int_eq(l.items[4].level, SW_LEVEL_WARNING);
    ck_assert_int_eq(l.items[4].end_line, 10);
    ck_assert_ptr_null(l.items[4].function);
    diags_release(&l);
    ck_assert_uint_eq(l.n, 0);
}
END_TEST

START_TEST(fingerprint_ignores_digits_and_base)
{
    struct sw_diags l = {0};
    struct sw_diag *a, *b, *c, *d;
    a = diags_add(&l, &fake[3], "/proj/src/net.c", 41, 9,
                  "'recv' blocks in 'on_read' (line %d)", 41);
    diag_set(&a->function, "on_read");
    b = diags_add(&l, &fake[3], "/other/checkout/src/net.c", 90, 3,
                  "'recv' blocks in 'on_read' (line %d)", 90);
    diag_set(&b->function, "on_read");
    c = diags_add(&l, &fake[3], "/proj/src/net.c", 41, 9,
                  "'send' blocks in 'on_read' (line %d)", 41);
    diag_set(&c->function, "on_read");
    d = diags_add(&l, &fake[2], "/proj/src/net.c", 41, 9,
                  "'recv' blocks in 'on_read' (line %d)", 41);
    diag_set(&d->function, "on_read");
    diag_fingerprint(&l.items[0], "/proj");
    diag_fingerprint(&l.items[1], "/other/checkout");
    diag_fingerprint(&l.items[2], "/proj");
    diag_fingerprint(&l.items[3], "/proj");
    for (size_t i = 0; i < 4; i++) {
        ck_assert_uint_eq(strlen(l.items[i].fingerprint), 16);
        for (size_t k = 0; k < 16; k++)
            ck_assert(isxdigit((unsigned char)l.items[i].fingerprint[k]));
    }
    /* Same finding in another checkout, another line: same fingerprint. */
    ck_assert_str_eq(l.items[0].fingerprint, l.items[1].fingerprint);
    /* Another call or another rule: different. */
    ck_assert_str_ne(l.items[0].fingerprint, l.items[2].fingerprint);
    ck_assert_str_ne(l.items[0].fingerprint, l.items[3].fingerprint);
    diags_release(&l);
}
END_TEST

START_TEST(notes_and_fields)
{
    struct sw_diags l = {0};
    struct sw_diag *d =
        diags_add(&l, &fake[3], "/p/a.c", 1, 2, "%s-%d", "x", 7);
    diag_note(d, "/p/b.c", 3, 4, "note %d", 1);
    diag_note(d, NULL, 0, 0, "note %d", 2);
    diag_set(&d->suggestion, "use %s", "y");
    diag_set(&d->suggestion, "use %s", "z"); /* replaces */
    ck_assert_str_eq(d->message, "x-7");
    ck_assert_uint_eq(d->nnotes, 2);
    ck_assert_str_eq(d->notes[0].file, "/p/b.c");
    ck_assert_int_eq(d->notes[0].line, 3);
    ck_assert_str_eq(d->notes[1].message, "note 2");
    ck_assert_str_eq(d->notes[1].file, "");
    ck_assert_str_eq(d->suggestion, "use z");
    diags_release(&l);
}
END_TEST

/* ---- whole runs ---------------------------------------------------------- */

static const char sys_h[] =
    "#define NULL ((void *)0)\n"
    "typedef unsigned long size_t;\n"
    "typedef long ssize_t;\n"
    "typedef unsigned long pthread_t;\n"
    "int pthread_create(pthread_t *t, const void *attr,\n"
    "                   void *(*start)(void *), void *arg);\n"
    "char *strtok(char *s, const char *delim);\n"
    "unsigned int sleep(unsigned int seconds);\n"
    "typedef struct uv_stream_s uv_stream_t;\n"
    "typedef struct uv_handle_s uv_handle_t;\n"
    "typedef struct { char *base; size_t len; } uv_buf_t;\n"
    "typedef void (*uv_alloc_cb)(uv_handle_t *, size_t, uv_buf_t *);\n"
    "typedef void (*uv_read_cb)(uv_stream_t *, ssize_t, const uv_buf_t *);\n"
    "int uv_read_start(uv_stream_t *s, uv_alloc_cb a, uv_read_cb r);\n";

static const char good_src[] =
    "#include \"sys.h\"\n"
    "static void on_alloc(uv_handle_t *h, size_t n, uv_buf_t *b) {}\n"
    "static void on_read(uv_stream_t *s, ssize_t n, const uv_buf_t *b)\n"
    "{\n"
    "    sleep(1);\n"
    "}\n"
    "static void *worker(void *arg)\n"
    "{\n"
    "    strtok(arg, \" \");\n"
    "    return arg;\n"
    "}\n"
    "int main(void)\n"
    "{\n"
    "    uv_stream_t *s = NULL;\n"
    "    pthread_t t;\n"
    "    uv_read_start(s, on_alloc, on_read);\n"
    "    pthread_create(&t, NULL, worker, NULL);\n"
    "    return 0;\n"
    "}\n";

static const char bad_src[] = "int fine(void) { return 0; }\n"
                              "int broken(void) { return 1 }\n";

struct project {
    char *dir;
    char *good, *bad, *missing; /* absolute paths */
    struct compdb db;
    struct catalog *cat;
};

static void project_init(struct project *pr, int with_missing)
{
    static char *const args[] = {"-std=c11"};
    char **errs = NULL;
    size_t nerrs = 0;
    memset(pr, 0, sizeof(*pr));
    pr->dir = ut_tmpdir();
    free(ut_write(pr->dir, "src/sys.h", sys_h));
    pr->bad = ut_write(pr->dir, "src/bad.c", bad_src);
    pr->good = ut_write(pr->dir, "src/good.c", good_src);
    pr->missing = xasprintf("%s/src/missing.c", pr->dir);
    compdb_add(&pr->db, pr->bad, pr->dir, args, 1);
    if (with_missing)
        compdb_add(&pr->db, pr->missing, pr->dir, args, 1);
    compdb_add(&pr->db, pr->good, pr->dir, args, 1);
    pr->cat = catalog_new();
    ck_assert_int_eq(catalog_load_builtin(pr->cat, &errs, &nerrs), 0);
    ut_free_strings(errs, nerrs);
}

static void project_release(struct project *pr)
{
    compdb_release(&pr->db);
    catalog_free(pr->cat);
    ut_rmtree(pr->dir);
    free(pr->dir);
    free(pr->good);
    free(pr->bad);
    free(pr->missing);
}

static void run(struct project *pr, struct engine_opts *o,
                struct engine_result *res)
{
    memset(res, 0, sizeof(*res));
    o->jobs = 2;
    engine_run(&pr->db, pr->cat, o, res);
}

/* The only diagnostic of rule code in res, or fails. */
static const struct sw_diag *only(const struct engine_result *res,
                                  const char *code)
{
    const struct sw_diag *d = NULL;
    for (size_t i = 0; i < res->diags.n; i++)
        if (strcmp(res->diags.items[i].rule->code, code) == 0) {
            ck_assert_msg(d == NULL, "two %s findings", code);
            d = &res->diags.items[i];
        }
    ck_assert_msg(d != NULL, "no %s finding", code);
    return d;
}

static size_t count(const struct engine_result *res, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < res->diags.n; i++)
        n += strcmp(res->diags.items[i].rule->code, code) == 0;
    return n;
}

START_TEST(unparsable_file_and_findings_elsewhere)
{
    struct project pr;
    struct engine_opts o;
    struct engine_result res;
    const struct sw_diag *d;
    memset(&o, 0, sizeof(o));
    project_init(&pr, 0);
    run(&pr, &o, &res);

    ck_assert_uint_eq(res.nerrors, 0);
    ck_assert_uint_eq(res.nfiles, 2);
    ck_assert_uint_ge(res.nfunctions, 6);

    d = only(&res, "SW900");
    ck_assert_str_eq(d->file, pr.bad);
    ck_assert_int_eq(d->line, 2);
    ck_assert_int_eq(d->level, SW_LEVEL_ERROR);
    ck_assert_ptr_nonnull(strstr(d->message, "bad.c"));

    d = only(&res, "SW303");
    ck_assert_str_eq(d->file, pr.good);
    ck_assert_int_eq(d->line, ut_line(good_src, "sleep(1)"));
    ck_assert_int_eq(d->col, 5);
    ck_assert_pstr_eq(d->function, "on_read");
    ck_assert_pstr_eq(d->context, "loop");
    ck_assert_ptr_nonnull(strstr(d->message, "sleep"));
    ck_assert_uint_ge(d->nnotes, 1);
    ck_assert_ptr_nonnull(d->suggestion);

    d = only(&res, "SW202");
    ck_assert_str_eq(d->file, pr.good);
    ck_assert_int_eq(d->line, ut_line(good_src, "strtok(arg"));
    ck_assert_pstr_eq(d->function, "worker");
    ck_assert_ptr_nonnull(strstr(d->message, "strtok_r"));

    /* Sorted: by file, then line. */
    for (size_t i = 1; i < res.diags.n; i++) {
        const struct sw_diag *p = &res.diags.items[i - 1],
                             *q = &res.diags.items[i];
        int c = strcmp(p->file, q->file);
        ck_assert(c < 0 || (c == 0 && p->line <= q->line));
    }
    for (size_t i = 0; i < res.diags.n; i++)
        ck_assert_uint_eq(strlen(res.diags.items[i].fingerprint), 16);
    engine_result_release(&res);
    ck_assert_uint_eq(res.diags.n, 0);
    project_release(&pr);
}
END_TEST

START_TEST(missing_file_is_an_error_and_the_rest_runs)
{
    struct project pr;
    struct engine_opts o;
    struct engine_result res;
    memset(&o, 0, sizeof(o));
    project_init(&pr, 1);
    run(&pr, &o, &res);
    ck_assert_uint_eq(res.nerrors, 1);
    ck_assert_str_eq(res.errors[0].file, pr.missing);
    ck_assert_ptr_nonnull(strstr(res.errors[0].message, pr.missing));
    ck_assert_ptr_nonnull(strstr(res.errors[0].message, "No such file"));
    ck_assert_uint_eq(res.nfiles, 2);
    ck_assert_uint_eq(count(&res, "SW303"), 1);
    ck_assert_uint_eq(count(&res, "SW202"), 1);
    ck_assert_uint_eq(count(&res, "SW900"), 1);
    engine_result_release(&res);
    project_release(&pr);
}
END_TEST

START_TEST(directory_as_source_is_an_error)
{
    struct project pr;
    struct engine_opts o;
    struct engine_result res;
    static char *const args[] = {"-std=c11"};
    char *sub;
    memset(&o, 0, sizeof(o));
    project_init(&pr, 0);
    sub = xasprintf("%s/src", pr.dir);
    compdb_add(&pr.db, sub, pr.dir, args, 1);
    run(&pr, &o, &res);
    ck_assert_uint_eq(res.nerrors, 1);
    ck_assert_str_eq(res.errors[0].file, sub);
    ck_assert_ptr_nonnull(strstr(res.errors[0].message, "directory"));
    ck_assert_uint_eq(res.nfiles, 2);
    ck_assert_uint_eq(count(&res, "SW303"), 1);
    engine_result_release(&res);
    free(sub);
    project_release(&pr);
}
END_TEST

START_TEST(select_ignore_and_only_in_a_run)
{
    struct project pr;
    struct engine_opts o;
    struct engine_result res;
    static const char *const sel[] = {"SW3"};
    static const char *const ign[] = {"SW9"};
    const char *only_good[1];
    project_init(&pr, 0);

    memset(&o, 0, sizeof(o));
    o.select = sel;
    o.nselect = 1;
    run(&pr, &o, &res);
    ck_assert_uint_eq(res.diags.n, 1);
    ck_assert_str_eq(res.diags.items[0].rule->code, "SW303");
    engine_result_release(&res);

    memset(&o, 0, sizeof(o));
    o.ignore = ign;
    o.nignore = 1;
    run(&pr, &o, &res);
    ck_assert_uint_eq(count(&res, "SW900"), 0);
    ck_assert_uint_eq(count(&res, "SW303"), 1);
    ck_assert_uint_eq(count(&res, "SW202"), 1);
    engine_result_release(&res);

    /* Reporting on one file still analyses (and counts) both. */
    memset(&o, 0, sizeof(o));
    only_good[0] = pr.good;
    o.only = only_good;
    o.nonly = 1;
    run(&pr, &o, &res);
    ck_assert_uint_eq(res.nfiles, 2);
    ck_assert_uint_eq(count(&res, "SW900"), 0);
    ck_assert_uint_eq(count(&res, "SW303"), 1);
    for (size_t i = 0; i < res.diags.n; i++)
        ck_assert_str_eq(res.diags.items[i].file, pr.good);
    engine_result_release(&res);
    project_release(&pr);
}
END_TEST

START_TEST(fingerprints_stable_when_lines_move)
{
    struct project pr;
    struct engine_opts o;
    struct engine_result r1, r2;
    char *moved;
    memset(&o, 0, sizeof(o));
    project_init(&pr, 0);
    run(&pr, &o, &r1);

    /* Insert lines above every finding of good.c and bad.c. */
    moved = xasprintf("/* added */\n\n/* lines */\n%s", good_src);
    free(ut_write(pr.dir, "src/good.c", moved));
    free(moved);
    moved = xasprintf("/* one more line */\n%s", bad_src);
    free(ut_write(pr.dir, "src/bad.c", moved));
    free(moved);
    run(&pr, &o, &r2);

    ck_assert_uint_eq(r1.diags.n, r2.diags.n);
    ck_assert_uint_ge(r1.diags.n, 3);
    for (size_t i = 0; i < r1.diags.n; i++) {
        const struct sw_diag *a = &r1.diags.items[i], *b = &r2.diags.items[i];
        ck_assert_str_eq(a->rule->code, b->rule->code);
        ck_assert_int_eq(b->line,
                         a->line + (strcmp(a->file, pr.good) == 0 ? 3 : 1));
        ck_assert_msg(strcmp(a->fingerprint, b->fingerprint) == 0,
                      "%s moved from line %d to %d and its fingerprint "
                      "changed: %s -> %s",
                      a->rule->code, a->line, b->line, a->fingerprint,
                      b->fingerprint);
    }
    /* Distinct findings have distinct fingerprints. */
    for (size_t i = 0; i < r1.diags.n; i++)
        for (size_t k = i + 1; k < r1.diags.n; k++)
            ck_assert_str_ne(r1.diags.items[i].fingerprint,
                             r1.diags.items[k].fingerprint);
    engine_result_release(&r1);
    engine_result_release(&r2);
    project_release(&pr);
}
END_TEST

START_TEST(engine_errors_by_hand)
{
    struct engine_result r;
    memset(&r, 0, sizeof(r));
    engine_add_error(&r, "/p/x.c", "cannot read '%s': %s", "/p/x.c", "boom");
    engine_add_error(&r, NULL, "no file %d", 2);
    ck_assert_uint_eq(r.nerrors, 2);
    ck_assert_str_eq(r.errors[0].message, "cannot read '/p/x.c': boom");
    ck_assert_str_eq(r.errors[1].file, "");
    ck_assert_str_eq(r.errors[1].message, "no file 2");
    engine_result_release(&r);
    ck_assert_uint_eq(r.nerrors, 0);
    ck_assert_ptr_null(r.errors);
}
END_TEST

static Suite *engine_suite(void)
{
    Suite *s = suite_create("engine");
    TCase *tc = tcase_create("rules");
    tcase_add_test(tc, rule_selection);
    tcase_add_test(tc, rule_registry);
    tcase_add_test(tc, levels);
    tcase_add_test(tc, diags_sort_and_dedup);
    tcase_add_test(tc, fingerprint_ignores_digits_and_base);
    tcase_add_test(tc, notes_and_fields);
    tcase_add_test(tc, engine_errors_by_hand);
    suite_add_tcase(s, tc);

    tc = tcase_create("run");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, unparsable_file_and_findings_elsewhere);
    tcase_add_test(tc, missing_file_is_an_error_and_the_rest_runs);
    tcase_add_test(tc, directory_as_source_is_an_error);
    tcase_add_test(tc, select_ignore_and_only_in_a_run);
    tcase_add_test(tc, fingerprints_stable_when_lines_move);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ut_run(engine_suite());
}
