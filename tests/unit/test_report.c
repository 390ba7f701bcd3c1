/*
 * report/: the text and JSON reporters, on engine results built by hand
 * and captured with open_memstream().
 */
#include "common/xalloc.h"
#include "engine/engine.h"
#include "report/report.h"
#include "unit_util.h"

#include <check.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Runs a reporter into a string; caller frees. */
static char *capture(void (*fn)(FILE *, const struct engine_result *,
                                const struct report_opts *),
                     const struct engine_result *r, const struct report_opts *o)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    fn(f, r, o);
    fclose(f);
    ck_assert_ptr_nonnull(buf);
    return buf;
}

static const struct rule_info *rule(const char *code)
{
    const struct rule_info *r = rules_find(code);
    ck_assert_msg(r != NULL, "no rule %s", code);
    return r;
}

/* One SW303 warning in /proj/src/net.c with a note, 41 files analysed. */
static void one_warning(struct engine_result *r)
{
    struct sw_diag *d;
    memset(r, 0, sizeof(*r));
    d = diags_add(&r->diags, rule("SW303"), "/proj/src/net.c", 41, 9,
                  "'%s' blocks the libuv loop in '%s'", "recv", "on_read");
    d->end_col = 13;
    diag_set(&d->function, "on_read");
    diag_set(&d->context, "loop");
    diag_note(d, "/proj/src/server.c", 88, 5,
              "'on_read' runs on the libuv loop (registered with "
              "'uv_read_start' in 'start')");
    diag_set(&d->suggestion, "use a non-blocking socket");
    diag_fingerprint(d, "/proj");
    r->nfiles = 41;
    r->nfunctions = 300;
}

START_TEST(text_one_warning)
{
    struct engine_result r;
    struct report_opts o = {"/proj", 0, 0};
    char *out;
    one_warning(&r);
    out = capture(report_text, &r, &o);
    ck_assert_str_eq(
        out, "src/net.c:41:9: warning: 'recv' blocks the libuv loop in "
             "'on_read' [SW303]\n"
             "src/server.c:88:5: note: 'on_read' runs on the libuv loop "
             "(registered with 'uv_read_start' in 'start')\n"
             "1 warning in 1 file (41 files analysed)\n");
    free(out);
    engine_result_release(&r);
}
END_TEST

START_TEST(text_several_levels_and_files)
{
    struct engine_result r;
    struct report_opts o = {"/proj", 0, 0};
    char *out;
    one_warning(&r);
    diags_add(&r.diags, rule("SW303"), "/proj/src/net.c", 50, 1, "second");
    diags_add(&r.diags, rule("SW900"), "/proj/src/bad.c", 2, 28,
              "'bad.c' could not be parsed completely");
    diags_add(&r.diags, rule("SW202"), "/elsewhere/x.c", 7, 3, "outside");
    diags_sort(&r.diags);
    r.nfiles = 1;
    out = capture(report_text, &r, &o);
    ck_assert_ptr_nonnull(
        strstr(out, "/elsewhere/x.c:7:3: warning: outside [SW202]\n"));
    ck_assert_ptr_nonnull(strstr(
        out, "src/bad.c:2:28: error: 'bad.c' could not be parsed completely "
             "[SW900]\n"));
    ck_assert_ptr_nonnull(
        strstr(out, "src/net.c:50:1: warning: second [SW303]\n"));
    /* Errors first in the summary, plurals, one file analysed. */
    ck_assert_ptr_nonnull(
        strstr(out, "\n1 error, 3 warnings in 3 files (1 file analysed)\n"));
    /* The summary is the last line. */
    ck_assert_str_eq(strrchr(out, '\n') - strlen("1 error, 3 warnings in 3 "
                                                 "files (1 file analysed)"),
                     "1 error, 3 warnings in 3 files (1 file analysed)\n");
    free(out);
    engine_result_release(&r);
}
END_TEST

START_TEST(text_no_findings)
{
    struct engine_result r;
    struct report_opts o = {NULL, 0, 0};
    char *out;
    memset(&r, 0, sizeof(r));
    r.nfiles = 12;
    out = capture(report_text, &r, &o);
    ck_assert_str_eq(out, "no findings (12 files analysed)\n");
    free(out);
    r.nfiles = 1;
    out = capture(report_text, &r, &o);
    ck_assert_str_eq(out, "no findings (1 file analysed)\n");
    free(out);
    r.nfiles = 0;
    out = capture(report_text, &r, &o);
    ck_assert_str_eq(out, "no findings (0 files analysed)\n");
    free(out);
}
END_TEST

START_TEST(text_without_base_prints_absolute_paths)
{
    struct engine_result r;
    struct report_opts o = {NULL, 0, 0};
    char *out;
    one_warning(&r);
    out = capture(report_text, &r, &o);
    ck_assert_int_eq(strncmp(out, "/proj/src/net.c:41:9: warning: ", 31), 0);
    free(out);
    o.base = "/pro"; /* not a directory prefix of /proj */
    out = capture(report_text, &r, &o);
    ck_assert_int_eq(strncmp(out, "/proj/src/net.c:41:9: ", 22), 0);
    free(out);
    engine_result_release(&r);
}
END_TEST

START_TEST(text_color_and_source)
{
    struct engine_result r;
    struct report_opts o = {NULL, 1, 0};
    char *dir = ut_tmpdir();
    char *path =
        ut_write(dir, "net.c", "int x;\n\tint y = recv(fd);\nint z;\n");
    char *out;
    struct sw_diag *d;

    one_warning(&r);
    out = capture(report_text, &r, &o);
    ck_assert_ptr_nonnull(strstr(out, "\033["));
    ck_assert_ptr_nonnull(strstr(out, "[SW303]"));
    free(out);
    engine_result_release(&r);

    /* The source line and a caret under the column (tabs kept). */
    memset(&r, 0, sizeof(r));
    d = diags_add(&r.diags, rule("SW303"), path, 2, 10, "m");
    (void)d;
    r.nfiles = 1;
    o.color = 0;
    o.source = 1;
    out = capture(report_text, &r, &o);
    ck_assert_ptr_nonnull(strstr(out, "    2 | \tint y = recv(fd);\n"
                                      "      | \t        ^\n"));
    ck_assert_ptr_null(strstr(out, "\033["));
    free(out);
    engine_result_release(&r);
    free(path);
    ut_rmtree(dir);
    free(dir);
}
END_TEST

static const cJSON *get(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    ck_assert_msg(v != NULL, "no key '%s'", key);
    return v;
}

static void expect_string(const cJSON *o, const char *key, const char *want)
{
    const cJSON *v = get(o, key);
    ck_assert_msg(cJSON_IsString(v), "'%s' is not a string", key);
    ck_assert_str_eq(v->valuestring, want);
}

static void expect_number(const cJSON *o, const char *key, double want)
{
    const cJSON *v = get(o, key);
    ck_assert_msg(cJSON_IsNumber(v), "'%s' is not a number", key);
    ck_assert_msg(v->valuedouble == want, "'%s' is %g, want %g", key,
                  v->valuedouble, want);
}

START_TEST(json_document)
{
    static const char *const keys[] = {
        "rule",     "name",    "family", "level",      "message",
        "file",     "line",    "column", "end_line",   "end_column",
        "function", "context", "notes",  "suggestion", "fingerprint"};
    struct engine_result r;
    struct report_opts o = {"/proj", 0, 0};
    char *out;
    cJSON *doc;
    const cJSON *tool, *diags, *d, *notes, *n, *errs, *sum, *by, *k;
    size_t nkeys = 0;

    one_warning(&r);
    diags_add(&r.diags, rule("SW900"), "/proj/src/bad.c", 2, 28, "bad");
    diags_add(&r.diags, rule("SW303"), "/proj/src/net.c", 60, 1, "again");
    diags_sort(&r.diags);
    engine_add_error(&r, "/proj/src/gone.c", "cannot read '%s'",
                     "/proj/src/gone.c");
    out = capture(report_json, &r, &o);
    doc = cJSON_Parse(out);
    ck_assert_msg(doc != NULL, "not JSON: %s", out);

    tool = get(doc, "tool");
    expect_string(tool, "name", "syncwise");
    ck_assert(cJSON_IsString(get(tool, "version")));
    expect_number(doc, "schema_version", 1);

    diags = get(doc, "diagnostics");
    ck_assert(cJSON_IsArray(diags));
    ck_assert_int_eq(cJSON_GetArraySize(diags), 3);
    d = cJSON_GetArrayItem(diags, 1); /* sorted: bad.c, net.c:41, net.c:60 */
    cJSON_ArrayForEach(k, d)
    {
        int known = 0;
        for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
            known |= strcmp(k->string, keys[i]) == 0;
        ck_assert_msg(known, "unexpected key '%s'", k->string);
        nkeys++;
    }
    ck_assert_uint_eq(nkeys, sizeof(keys) / sizeof(keys[0]));
    expect_string(d, "rule", "SW303");
    expect_string(d, "name", "blocking-in-event-loop");
    expect_string(d, "family", rule("SW303")->family);
    expect_string(d, "level", "warning");
    expect_string(d, "message", "'recv' blocks the libuv loop in 'on_read'");
    expect_string(d, "file", "src/net.c");
    expect_number(d, "line", 41);
    expect_number(d, "column", 9);
    expect_number(d, "end_line", 41);
    expect_number(d, "end_column", 13);
    expect_string(d, "function", "on_read");
    expect_string(d, "context", "loop");
    expect_string(d, "suggestion", "use a non-blocking socket");
    expect_string(d, "fingerprint", r.diags.items[1].fingerprint);
    ck_assert_uint_eq(strlen(get(d, "fingerprint")->valuestring), 16);
    notes = get(d, "notes");
    ck_assert_int_eq(cJSON_GetArraySize(notes), 1);
    n = cJSON_GetArrayItem(notes, 0);
    expect_string(n, "file", "src/server.c");
    expect_number(n, "line", 88);
    expect_number(n, "column", 5);
    ck_assert_ptr_nonnull(
        strstr(get(n, "message")->valuestring, "uv_read_start"));

    /* Unset optional fields are null, notes an empty array. */
    d = cJSON_GetArrayItem(diags, 0);
    expect_string(d, "rule", "SW900");
    expect_string(d, "level", "error");
    expect_string(d, "file", "src/bad.c");
    ck_assert(cJSON_IsNull(get(d, "function")));
    ck_assert(cJSON_IsNull(get(d, "context")));
    ck_assert(cJSON_IsNull(get(d, "suggestion")));
    ck_assert(cJSON_IsArray(get(d, "notes")));
    ck_assert_int_eq(cJSON_GetArraySize(get(d, "notes")), 0);

    errs = get(doc, "errors");
    ck_assert_int_eq(cJSON_GetArraySize(errs), 1);
    expect_string(cJSON_GetArrayItem(errs, 0), "file", "src/gone.c");
    expect_string(cJSON_GetArrayItem(errs, 0), "message",
                  "cannot read '/proj/src/gone.c'");

    sum = get(doc, "summary");
    expect_number(sum, "files", 41);
    expect_number(sum, "functions", 300);
    expect_number(sum, "diagnostics", 3);
    by = get(sum, "by_rule");
    expect_number(by, "SW303", 2);
    expect_number(by, "SW900", 1);
    ck_assert_int_eq(cJSON_GetArraySize(by), 2);

    cJSON_Delete(doc);
    free(out);
    engine_result_release(&r);
}
END_TEST

START_TEST(json_empty_result)
{
    struct engine_result r;
    struct report_opts o = {NULL, 0, 0};
    char *out;
    cJSON *doc;
    memset(&r, 0, sizeof(r));
    r.nfiles = 3;
    out = capture(report_json, &r, &o);
    doc = cJSON_Parse(out);
    ck_assert_ptr_nonnull(doc);
    ck_assert_int_eq(cJSON_GetArraySize(get(doc, "diagnostics")), 0);
    ck_assert_int_eq(cJSON_GetArraySize(get(doc, "errors")), 0);
    expect_number(get(doc, "summary"), "files", 3);
    expect_number(get(doc, "summary"), "diagnostics", 0);
    ck_assert(cJSON_IsObject(get(get(doc, "summary"), "by_rule")));
    ck_assert_int_eq(cJSON_GetArraySize(get(get(doc, "summary"), "by_rule")),
                     0);
    cJSON_Delete(doc);
    free(out);
}
END_TEST

START_TEST(json_escapes_strings)
{
    struct engine_result r;
    struct report_opts o = {NULL, 0, 0};
    char *out;
    cJSON *doc;
    memset(&r, 0, sizeof(r));
    diags_add(&r.diags, rule("SW303"), "/p/we\"ird\\name.c", 1, 1,
              "quote \" backslash \\ tab \t newline \n end");
    out = capture(report_json, &r, &o);
    doc = cJSON_Parse(out);
    ck_assert_msg(doc != NULL, "not JSON: %s", out);
    expect_string(cJSON_GetArrayItem(get(doc, "diagnostics"), 0), "message",
                  "quote \" backslash \\ tab \t newline \n end");
    expect_string(cJSON_GetArrayItem(get(doc, "diagnostics"), 0), "file",
                  "/p/we\"ird\\name.c");
    cJSON_Delete(doc);
    free(out);
    engine_result_release(&r);
}
END_TEST

START_TEST(report_path_relative_to_base)
{
    struct report_opts o = {"/proj", 0, 0};
    char *p = report_path("/proj/a/b.c", &o);
    ck_assert_str_eq(p, "a/b.c");
    free(p);
    p = report_path("/other/b.c", &o);
    ck_assert_str_eq(p, "/other/b.c");
    free(p);
    o.base = "";
    p = report_path("/proj/a/b.c", &o);
    ck_assert_str_eq(p, "/proj/a/b.c");
    free(p);
}
END_TEST

static Suite *report_suite(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("text");
    tcase_add_test(tc, text_one_warning);
    tcase_add_test(tc, text_several_levels_and_files);
    tcase_add_test(tc, text_no_findings);
    tcase_add_test(tc, text_without_base_prints_absolute_paths);
    tcase_add_test(tc, text_color_and_source);
    tcase_add_test(tc, report_path_relative_to_base);
    suite_add_tcase(s, tc);

    tc = tcase_create("json");
    tcase_add_test(tc, json_document);
    tcase_add_test(tc, json_empty_result);
    tcase_add_test(tc, json_escapes_strings);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ut_run(report_suite());
}
