/*
 * Unit tests of the finding filters that the workflow scripts drive
 * through the binary: configuration parsing and matching, suppression
 * comments read from in-memory buffers (as the LSP server passes them),
 * and baseline filtering.  Also feeds random bytes to the parsers.
 */
#include "config/config.h"
#include "engine/baseline.h"
#include "engine/rules.h"
#include "engine/suppress.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char **errs;
static size_t nerrs;

static void reset_errs(void)
{
    for (size_t i = 0; i < nerrs; i++)
        free(errs[i]);
    free(errs);
    errs = NULL;
    nerrs = 0;
}

/* Parses text as /proj/.syncwise.json; NULL on errors (in errs). */
static struct config *parse(const char *text)
{
    reset_errs();
    return config_parse(text, "/proj/.syncwise.json", &errs, &nerrs);
}

static int errs_have(const char *needle)
{
    for (size_t i = 0; i < nerrs; i++)
        if (strstr(errs[i], needle))
            return 1;
    return 0;
}

START_TEST(config_full)
{
    struct config *c =
        parse("{\"select\": [\"SW2\", \"SW303\"], \"ignore\": [\"SW202\"],"
              " \"levels\": {\"SW3\": \"error\"}, \"exclude\": [\"vendor/\"],"
              " \"catalogs\": [{\"blocking\": {}}],"
              " \"options\": {\"SW303\": {\"include-local-io\": true}},"
              " \"$schema\": \"x\"}");
    ck_assert_ptr_nonnull(c);
    ck_assert_uint_eq(nerrs, 0);
    ck_assert_str_eq(c->dir, "/proj");
    ck_assert_int_eq(c->has_select, 1);
    ck_assert_uint_eq(c->nselect, 2);
    ck_assert_uint_eq(c->ncatalogs, 1);
    ck_assert_int_eq(c->include_local_io, 1);
    ck_assert_int_eq(config_level(c, rules_find("SW303")), SW_LEVEL_ERROR);
    ck_assert_int_eq(config_level(c, rules_find("SW202")),
                     rules_find("SW202")->level);
    config_free(c);
}
END_TEST

START_TEST(config_errors_name_file_and_key)
{
    ck_assert_ptr_null(parse("{\"selct\": []}"));
    ck_assert(errs_have("'/proj/.syncwise.json': unknown key 'selct'"));
    ck_assert_ptr_null(parse("{\"select\": [\"SW999\"]}"));
    ck_assert(errs_have("'select': 'SW999' is not a rule code or prefix"));
    ck_assert_ptr_null(parse("{\"levels\": {\"SW303\": \"loud\"}}"));
    ck_assert(errs_have("'levels': 'SW303' must be one of"));
    ck_assert_ptr_null(parse("{\"options\": {\"SW202\": {\"x\": 1}}}"));
    ck_assert(errs_have("'SW202' has no option 'x' (it takes no options)"));
    ck_assert_ptr_null(parse("{\n\n  \"select\": [,]}"));
    ck_assert(errs_have("invalid JSON at line 3"));
    ck_assert_ptr_null(parse("{\"a\": 1, \"b\": 2}"));
    ck_assert_uint_eq(nerrs, 2);
    reset_errs();
}
END_TEST

START_TEST(config_select_precedence)
{
    struct config *c =
        parse("{\"select\": [\"SW3\"], \"ignore\": [\"SW303\"]}");
    const struct rule_info *r303 = rules_find("SW303");
    const struct rule_info *r202 = rules_find("SW202");
    const char *sel[] = {"SW2"}, *ign[] = {"SW2"}, *sel303[] = {"SW303"};
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(config_rule_enabled(c, r303, NULL, 0, NULL, 0), 0);
    ck_assert_int_eq(config_rule_enabled(c, r202, NULL, 0, NULL, 0), 0);
    /* The command line's select replaces the config's. */
    ck_assert_int_eq(config_rule_enabled(c, r202, sel, 1, NULL, 0), 1);
    /* Ignores add up; a longer select wins over a shorter ignore. */
    ck_assert_int_eq(config_rule_enabled(NULL, r202, sel, 1, ign, 1), 0);
    ck_assert_int_eq(config_rule_enabled(c, r303, sel303, 1, NULL, 0), 0);
    ck_assert_int_eq(config_rule_enabled(NULL, r303, NULL, 0, NULL, 0), 1);
    config_free(c);
}
END_TEST

START_TEST(config_exclude_globs)
{
    struct config *c =
        parse("{\"exclude\": [\"third_party/\", \"*_gen.c\", \"src/old/*.c\","
              " \"**/fixtures\"]}");
    ck_assert_ptr_nonnull(c);
    ck_assert(config_excludes(c, "/proj/third_party/zlib/inflate.c"));
    ck_assert(config_excludes(c, "/proj/src/parser_gen.c"));
    ck_assert(config_excludes(c, "/proj/src/old/a.c"));
    ck_assert(config_excludes(c, "/proj/a/b/fixtures/x.c"));
    ck_assert(config_excludes(c, "/proj/fixtures/x.c"));
    ck_assert(!config_excludes(c, "/proj/src/new/a.c"));
    ck_assert(!config_excludes(c, "/proj/src/third_party.c"));
    ck_assert(!config_excludes(NULL, "/proj/x.c"));
    config_free(c);
}
END_TEST

/* A finding of rule code at line in file. */
static void add(struct sw_diags *l, const char *code, const char *file,
                int line, const char *msg)
{
    struct sw_diag *d =
        diags_add(l, rules_find(code), file, line, 1, "%s", msg);
    diag_fingerprint(d, "/proj");
}

START_TEST(suppress_from_unsaved_buffer)
{
    static const char text[] =
        "void f(void) {\n"                          /* 1 */
        "    a();  // syncwise: ignore[SW303]\n"    /* 2 */
        "    // syncwise: ignore[SW2] reason\n"     /* 3 */
        "    b();\n"                                /* 4 */
        "    c();  /* syncwise: ignore */\n"        /* 5 */
        "    d();  // syncwise: ignore[SW202]\n"    /* 6 */
        "    e();  // syncwise: ignored, not one\n" /* 7 */
        "}\n";
    struct sw_unsaved buf = {"/proj/a.c", text, sizeof(text) - 1};
    struct sw_diags l = {0}, unused = {0};
    add(&l, "SW303", "/proj/a.c", 2, "two");
    add(&l, "SW202", "/proj/a.c", 4, "four");
    add(&l, "SW303", "/proj/a.c", 5, "five");
    add(&l, "SW303", "/proj/a.c", 6, "six");
    add(&l, "SW303", "/proj/a.c", 7, "seven");
    suppress_apply(&l, &buf, 1, NULL, 0, &unused);
    ck_assert_uint_eq(l.n, 2);
    ck_assert_int_eq(l.items[0].line, 6);
    ck_assert_int_eq(l.items[1].line, 7);
    ck_assert_uint_eq(unused.n, 1);
    ck_assert_int_eq(unused.items[0].line, 6);
    ck_assert_str_eq(unused.items[0].rule->code, "unused-ignore");
    ck_assert_str_eq(unused.items[0].message,
                     "'syncwise: ignore[SW202]' silences no finding");
    diags_release(&l);
    diags_release(&unused);
}
END_TEST

START_TEST(suppress_file_level)
{
    static const char text[] = "// syncwise: ignore-file[SW202]\nx;\ny;\n";
    struct sw_unsaved buf = {"/proj/b.c", text, sizeof(text) - 1};
    struct sw_diags l = {0};
    add(&l, "SW202", "/proj/b.c", 2, "a");
    add(&l, "SW202", "/proj/b.c", 3, "b");
    add(&l, "SW303", "/proj/b.c", 3, "c");
    suppress_apply(&l, &buf, 1, NULL, 0, NULL);
    ck_assert_uint_eq(l.n, 1);
    ck_assert_str_eq(l.items[0].rule->code, "SW303");
    diags_release(&l);
}
END_TEST

START_TEST(baseline_multiset)
{
    struct sw_diags l = {0};
    struct baseline *b;
    char *err = NULL, path[] = "/tmp/syncwise-baseline-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    add(&l, "SW202", "/proj/a.c", 10, "same");
    add(&l, "SW303", "/proj/a.c", 20, "other");
    ck_assert_int_eq(baseline_write(path, &l, "/proj", &err), 0);
    diags_release(&l);
    b = baseline_load(path, &err);
    ck_assert_ptr_nonnull(b);
    ck_assert_uint_eq(baseline_count(b), 2);
    /* Two findings with one recorded fingerprint: one is new. */
    add(&l, "SW202", "/proj/a.c", 11, "same");
    add(&l, "SW202", "/proj/a.c", 30, "same");
    add(&l, "SW303", "/proj/a.c", 99, "other");
    baseline_filter(b, &l);
    ck_assert_uint_eq(l.n, 1);
    ck_assert_int_eq(l.items[0].line, 30);
    diags_release(&l);
    /* The baseline is not used up by a run. */
    add(&l, "SW303", "/proj/a.c", 99, "other");
    baseline_filter(b, &l);
    ck_assert_uint_eq(l.n, 0);
    diags_release(&l);
    baseline_free(b);
    remove(path);
    close(fd);
}
END_TEST

/* Random bytes and mutated configs never crash the parsers. */
START_TEST(random_input)
{
    static const char seed[] =
        "{\"select\": [\"SW2\"], \"levels\": {\"SW303\": \"error\"}, "
        "\"exclude\": [\"a/*\"], \"options\": {\"SW303\": "
        "{\"include-local-io\": true}}, \"catalogs\": [{\"blocking\": {}}]}"
        "// syncwise: ignore[SW2\n// syncwise: ignore-file[\n";
    char buf[sizeof(seed)];
    unsigned state = 12345;
    for (int it = 0; it < 3000; it++) {
        struct config *c;
        struct sw_diags l = {0}, unused = {0};
        struct sw_unsaved u = {"/proj/r.c", buf, sizeof(buf) - 1};
        memcpy(buf, seed, sizeof(seed));
        for (int k = 0; k < 1 + it % 8; k++) {
            state = state * 1103515245u + 12345u;
            buf[(state >> 8) % (sizeof(buf) - 1)] = (char)(state >> 16);
        }
        buf[sizeof(buf) - 1] = '\0';
        c = parse(buf);
        config_free(c);
        add(&l, "SW202", "/proj/r.c", 1 + it % 3, "x");
        suppress_apply(&l, &u, 1, NULL, 0, &unused);
        diags_release(&l);
        diags_release(&unused);
    }
    reset_errs();
}
END_TEST

int main(void)
{
    Suite *s = suite_create("filters");
    TCase *tc = tcase_create("filters");
    SRunner *sr;
    int failed;
    tcase_add_test(tc, config_full);
    tcase_add_test(tc, config_errors_name_file_and_key);
    tcase_add_test(tc, config_select_precedence);
    tcase_add_test(tc, config_exclude_globs);
    tcase_add_test(tc, suppress_from_unsaved_buffer);
    tcase_add_test(tc, suppress_file_level);
    tcase_add_test(tc, baseline_multiset);
    tcase_add_test(tc, random_input);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
