/*
 * frontend/compdb: compile_commands.json loading, shell splitting, paths.
 */
#include "frontend/compdb.h"
#include "unit_util.h"

#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Loads text as DIR/NAME; the caller releases db and the messages. */
struct loaded {
    struct compdb db;
    char *err;
    char **warns;
    size_t nwarns;
    int rc;
    char *path;
};

static void load_text(struct loaded *l, const char *dir, const char *name,
                      const char *text)
{
    memset(l, 0, sizeof(*l));
    l->path = ut_write(dir, name, text);
    l->rc = compdb_load(&l->db, l->path, &l->err, &l->warns, &l->nwarns);
}

static void loaded_release(struct loaded *l)
{
    compdb_release(&l->db);
    free(l->err);
    ut_free_strings(l->warns, l->nwarns);
    free(l->path);
}

static void assert_args(const struct compdb_entry *e, const char *const *want,
                        size_t n)
{
    ck_assert_uint_eq(e->nargs, n);
    for (size_t i = 0; i < n; i++)
        ck_assert_str_eq(e->args[i], want[i]);
    ck_assert_ptr_null(e->args[n]); /* NULL-terminated */
}

/* ---- shell_split -------------------------------------------------------- */

START_TEST(shell_split_words_quotes_backslashes)
{
    size_t n = 0;
    char **v =
        shell_split("  cc\t-DA=1  \"-DB=two words\" '-DC=single \"q\"' x\\ y "
                    "\"esc\\\"aped\" 'no\\esc' -I\"inc dir\"/sub  \n",
                    &n);
    static const char *const want[] = {
        "cc",  "-DA=1",     "-DB=two words", "-DC=single \"q\"",
        "x y", "esc\"aped", "no\\esc",       "-Iinc dir/sub"};
    ck_assert_uint_eq(n, 8);
    for (size_t i = 0; i < n; i++)
        ck_assert_str_eq(v[i], want[i]);
    ut_free_strings(v, n);
}
END_TEST

START_TEST(shell_split_empty_and_edge_cases)
{
    size_t n = 99;
    char **v = shell_split("", &n);
    ck_assert_uint_eq(n, 0);
    ut_free_strings(v, n);

    v = shell_split("   \t\n ", &n);
    ck_assert_uint_eq(n, 0);
    ut_free_strings(v, n);

    /* An empty quoted word is an (empty) argument. */
    v = shell_split("a \"\" b", &n);
    ck_assert_uint_eq(n, 3);
    ck_assert_str_eq(v[0], "a");
    ck_assert_str_eq(v[1], "");
    ck_assert_str_eq(v[2], "b");
    ut_free_strings(v, n);

    /* Quotes join with the rest of the word. */
    v = shell_split("-D'X'\"Y\"Z", &n);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(v[0], "-DXYZ");
    ut_free_strings(v, n);

    /* An unterminated quote takes the rest of the line. */
    v = shell_split("a 'b c", &n);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(v[1], "b c");
    ut_free_strings(v, n);

    /* A trailing backslash is kept. */
    v = shell_split("a\\", &n);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(v[0], "a\\");
    ut_free_strings(v, n);
}
END_TEST

/* ---- compdb_load -------------------------------------------------------- */

START_TEST(load_arguments_form)
{
    char *dir = ut_tmpdir();
    struct loaded l;
    char doc[8192], want_file[PATH_MAX], want_inc[PATH_MAX];
    const char *want[] = {"-DX=1", want_inc, "-std=c11", "-Wall"};
    snprintf(doc, sizeof(doc),
             "[{\"directory\": \"%s\", \"file\": \"src/main.c\","
             " \"arguments\": [\"/usr/bin/cc\", \"-DX=1\", \"-c\", "
             "\"src/main.c\", \"-o\", \"main.o\", \"-Iinclude\", \"-MF\", "
             "\"main.d\", \"-std=c11\", \"-MD\", \"-Wall\"]}]",
             dir);
    /* Relative include paths are made absolute against the directory. */
    snprintf(want_inc, sizeof(want_inc), "-I%s/include", dir);
    load_text(&l, dir, "compile_commands.json", doc);
    ck_assert_int_eq(l.rc, 0);
    ck_assert_ptr_null(l.err);
    ck_assert_uint_eq(l.nwarns, 0);
    ck_assert_uint_eq(l.db.n, 1);
    snprintf(want_file, sizeof(want_file), "%s/src/main.c", dir);
    ck_assert_str_eq(l.db.items[0].file, want_file);
    ck_assert_str_eq(l.db.items[0].directory, dir);
    assert_args(&l.db.items[0], want, 4);
    ck_assert_str_eq(l.db.path, l.path);
    loaded_release(&l);
    ck_assert_uint_eq(l.db.n, 0);
    ck_assert_ptr_null(l.db.items);
    ut_rmtree(dir);
    free(dir);
}
END_TEST

START_TEST(load_command_form)
{
    char *dir = ut_tmpdir();
    struct loaded l;
    char doc[8192], want_file[PATH_MAX], want_inc[PATH_MAX];
    const char *want[] = {"-DNAME=\"a b\"", "-I", want_inc, "-O2"};
    /* The JSON text of: gcc -DNAME=\"a\ b\" -I 'dir with space' -c
     * ./lib/../net.c -o net.o -O2 */
    snprintf(doc, sizeof(doc),
             "[{\"directory\": \"%s\", \"file\": \"./lib/../net.c\","
             " \"command\": \"gcc -DNAME=\\\\\\\"a\\\\ b\\\\\\\" -I 'dir with "
             "space' -c ./lib/../net.c -o net.o -O2\"}]",
             dir);
    snprintf(want_inc, sizeof(want_inc), "%s/dir with space", dir);
    load_text(&l, dir, "compile_commands.json", doc);
    ck_assert_int_eq(l.rc, 0);
    ck_assert_uint_eq(l.nwarns, 0);
    ck_assert_uint_eq(l.db.n, 1);
    snprintf(want_file, sizeof(want_file), "%s/net.c", dir);
    ck_assert_str_eq(l.db.items[0].file, want_file);
    assert_args(&l.db.items[0], want, 4);
    loaded_release(&l);
    ut_rmtree(dir);
    free(dir);
}
END_TEST

START_TEST(load_drops_source_given_as_absolute_path)
{
    char *dir = ut_tmpdir();
    struct loaded l;
    char doc[8192];
    static const char *const want[] = {"-g"};
    snprintf(doc, sizeof(doc),
             "[{\"directory\": \"%s\", \"file\": \"a.c\","
             " \"arguments\": [\"clang\", \"-g\", \"%s/a.c\"]}]",
             dir, dir);
    load_text(&l, dir, "compile_commands.json", doc);
    ck_assert_int_eq(l.rc, 0);
    ck_assert_uint_eq(l.db.n, 1);
    assert_args(&l.db.items[0], want, 1);
    loaded_release(&l);
    ut_rmtree(dir);
    free(dir);
}
END_TEST

START_TEST(load_relative_directory_is_relative_to_database)
{
    char *dir = ut_tmpdir();
    struct loaded l;
    char want_dir[PATH_MAX], want_file[PATH_MAX], want_file2[PATH_MAX];
    /* The database sits in DIR/build; "directory" is relative to it. */
    load_text(&l, dir, "build/compile_commands.json",
              "[{\"directory\": \"obj\", \"file\": \"../../src/a.c\","
              "  \"arguments\": [\"cc\", \"-c\", \"../../src/a.c\"]},"
              " {\"file\": \"b.c\", \"command\": \"cc -c b.c\"}]");
    ck_assert_int_eq(l.rc, 0);
    ck_assert_uint_eq(l.nwarns, 0);
    ck_assert_uint_eq(l.db.n, 2);
    snprintf(want_dir, sizeof(want_dir), "%s/build/obj", dir);
    snprintf(want_file, sizeof(want_file), "%s/src/a.c", dir);
    snprintf(want_file2, sizeof(want_file2), "%s/build/b.c", dir);
    ck_assert_str_eq(l.db.items[0].directory, want_dir);
    ck_assert_str_eq(l.db.items[0].file, want_file);
    ck_assert_uint_eq(l.db.items[0].nargs, 0);
    /* No directory at all: the database's folder. */
    want_dir[strlen(want_dir) - 4] = '\0';
    ck_assert_str_eq(l.db.items[1].directory, want_dir);
    ck_assert_str_eq(l.db.items[1].file, want_file2);
    loaded_release(&l);
    ut_rmtree(dir);
    free(dir);
}
END_TEST

START_TEST(load_relative_database_path)
{
    char *dir = ut_tmpdir();
    char *old = getcwd(NULL, 0);
    struct loaded l;
    char want[PATH_MAX];
    ck_assert_int_eq(chdir(dir), 0);
    /* "db/compile_commands.json" relative to the working directory. */
    load_text(
        &l, ".", "db/compile_commands.json",
        "[{\"directory\": \".\", \"file\": \"x.c\", \"command\": \"cc x.c\"}]");
    ck_assert_int_eq(chdir(old), 0);
    ck_assert_int_eq(l.rc, 0);
    ck_assert_uint_eq(l.db.n, 1);
    snprintf(want, sizeof(want), "%s/db/x.c", dir);
    ck_assert_str_eq(l.db.items[0].file, want);
    loaded_release(&l);
    free(old);
    ut_rmtree(dir);
    free(dir);
}
END_TEST

START_TEST(load_duplicates_keep_first)
{
    char *dir = ut_tmpdir();
    struct loaded l;
    char doc[8192];
    snprintf(
        doc, sizeof(doc),
        "[{\"directory\": \"%s\", \"file\": \"a.c\", \"arguments\": "
        "[\"cc\", \"-DFIRST\", \"a.c\"]},"
        " {\"directory\": \"%s\", \"file\": \"b.c\", \"arguments\": "
        "[\"cc\", \"b.c\"]},"
        " {\"directory\": \"%s/sub\", \"file\": \"../a.c\", \"arguments\": "
        "[\"cc\", \"-DSECOND\", \"../a.c\"]}]",
        dir, dir, dir);
    load_text(&l, dir, "compile_commands.json", doc);
    ck_assert_int_eq(l.rc, 0);
    ck_assert_uint_eq(l.db.n, 2);
    ck_assert_uint_eq(l.db.items[0].nargs, 1);
    ck_assert_str_eq(l.db.items[0].args[0], "-DFIRST");
    ck_assert_ptr_nonnull(strstr(l.db.items[1].file, "/b.c"));
    loaded_release(&l);
    ut_rmtree(dir);
    free(dir);
}
END_TEST

START_TEST(load_skips_bad_entries_with_messages)
{
    char *dir = ut_tmpdir();
    struct loaded l;
    load_text(&l, dir, "compile_commands.json",
              "[{\"file\": \"good1.c\", \"arguments\": [\"cc\", \"good1.c\"]},"
              " {\"file\": 5, \"arguments\": [\"cc\"]},"
              " {\"file\": \"nocmd.c\"},"
              " 42,"
              " {\"file\": \"d.c\", \"directory\": 7, \"command\": \"cc d.c\"},"
              " {\"file\": \"args.c\", \"arguments\": [\"cc\", 3]},"
              " {\"file\": \"\", \"command\": \"cc\"},"
              " {\"file\": \"good2.c\", \"command\": \"cc -DOK good2.c\"}]");
    ck_assert_int_eq(l.rc, 0);
    ck_assert_ptr_null(l.err);
    ck_assert_uint_eq(l.db.n, 2);
    ck_assert_ptr_nonnull(strstr(l.db.items[0].file, "/good1.c"));
    ck_assert_ptr_nonnull(strstr(l.db.items[1].file, "/good2.c"));
    ck_assert_str_eq(l.db.items[1].args[0], "-DOK");
    ck_assert_uint_eq(l.nwarns, 6);
    /* Each message names the database, the entry (1-based) and the key. */
    ck_assert_msg(
        ut_any_contains(l.warns, l.nwarns, l.path, "entry 2", "'file'", NULL),
        "%s", l.warns[0]);
    ck_assert(ut_any_contains(l.warns, l.nwarns, l.path, "entry 3",
                              "'arguments'", "'command'", NULL));
    ck_assert(
        ut_any_contains(l.warns, l.nwarns, l.path, "entry 4", "object", NULL));
    ck_assert(ut_any_contains(l.warns, l.nwarns, l.path, "entry 5",
                              "'directory'", NULL));
    ck_assert(ut_any_contains(l.warns, l.nwarns, l.path, "entry 6",
                              "'arguments'", NULL));
    ck_assert(
        ut_any_contains(l.warns, l.nwarns, l.path, "entry 7", "'file'", NULL));
    loaded_release(&l);
    ut_rmtree(dir);
    free(dir);
}
END_TEST

START_TEST(load_not_json_fails_naming_file)
{
    char *dir = ut_tmpdir();
    struct loaded l;
    load_text(&l, dir, "compile_commands.json", "[{\"file\": \"a.c\",");
    ck_assert_int_eq(l.rc, -1);
    ck_assert_ptr_nonnull(l.err);
    ck_assert_ptr_nonnull(strstr(l.err, l.path));
    ck_assert_uint_eq(l.db.n, 0);
    loaded_release(&l);
    ut_rmtree(dir);
    free(dir);
}
END_TEST

START_TEST(load_not_array_fails_naming_file)
{
    char *dir = ut_tmpdir();
    struct loaded l;
    load_text(&l, dir, "compile_commands.json",
              "{\"file\": \"a.c\", \"command\": \"cc a.c\"}");
    ck_assert_int_eq(l.rc, -1);
    ck_assert_ptr_nonnull(l.err);
    ck_assert_ptr_nonnull(strstr(l.err, l.path));
    ck_assert_ptr_nonnull(strstr(l.err, "array"));
    ck_assert_uint_eq(l.db.n, 0);
    loaded_release(&l);
    ut_rmtree(dir);
    free(dir);
}
END_TEST

START_TEST(load_missing_file_fails_naming_file)
{
    char *dir = ut_tmpdir();
    struct compdb db = {0};
    char path[PATH_MAX], *err = NULL, **warns = NULL;
    size_t nwarns = 0;
    snprintf(path, sizeof(path), "%s/nope/compile_commands.json", dir);
    ck_assert_int_eq(compdb_load(&db, path, &err, &warns, &nwarns), -1);
    ck_assert_ptr_nonnull(err);
    ck_assert_ptr_nonnull(strstr(err, path));
    ck_assert_ptr_nonnull(strstr(err, "No such file"));
    free(err);
    /* A directory is not a database either. */
    err = NULL;
    ck_assert_int_eq(compdb_load(&db, dir, &err, &warns, &nwarns), -1);
    ck_assert_ptr_nonnull(err);
    ck_assert_ptr_nonnull(strstr(err, dir));
    free(err);
    compdb_release(&db);
    ut_free_strings(warns, nwarns);
    ut_rmtree(dir);
    free(dir);
}
END_TEST

START_TEST(compdb_add_filters_arguments)
{
    struct compdb db = {0};
    char *const args[] = {"-c", "-o",   "x.o", "-DX",   "-MT", "t", "-MQ",
                          "q",  "-MMD", "-MP", "-pipe", "-I.", "-o"};
    compdb_add(&db, "src/../x.c", "/work", args, 13);
    ck_assert_uint_eq(db.n, 1);
    ck_assert_str_eq(db.items[0].file, "/work/x.c");
    ck_assert_str_eq(db.items[0].directory, "/work");
    ck_assert_uint_eq(db.items[0].nargs, 2);
    ck_assert_str_eq(db.items[0].args[0], "-DX");
    ck_assert_str_eq(db.items[0].args[1], "-I/work");
    ck_assert_ptr_null(db.items[0].args[2]);
    compdb_release(&db);
}
END_TEST

START_TEST(compdb_add_makes_path_options_absolute)
{
    struct compdb db = {0};
    char *const args[] = {"-I",           "inc",        "-isystem",
                          "sys/../sys2",  "-iquote./q", "--sysroot=root",
                          "-include",     "pre.h",      "-I/usr/include",
                          "-DPATH=rel/x", "-std=c11"};
    static const char *const want[] = {
        "-I",           "/w/b/inc",      "-isystem",
        "/w/b/sys2",    "-iquote/w/b/q", "--sysroot=/w/b/root",
        "-include",     "/w/b/pre.h",    "-I/usr/include",
        "-DPATH=rel/x", "-std=c11"};
    compdb_add(&db, "a.c", "/w/b", args, 11);
    ck_assert_uint_eq(db.items[0].nargs, 11);
    for (size_t i = 0; i < 11; i++)
        ck_assert_str_eq(db.items[0].args[i], want[i]);
    compdb_release(&db);
}
END_TEST

/* ---- compdb_find -------------------------------------------------------- */

START_TEST(find_in_dir_build_and_parent)
{
    char *dir = ut_tmpdir();
    char start[PATH_MAX], want[PATH_MAX];
    char *p, *f;

    /* In the directory itself. */
    p = ut_write(dir, "a/compile_commands.json", "[]");
    snprintf(start, sizeof(start), "%s/a", dir);
    f = compdb_find(start);
    ck_assert_ptr_nonnull(f);
    ck_assert_str_eq(f, p);
    free(f);
    free(p);

    /* In build/ below it. */
    p = ut_write(dir, "b/build/compile_commands.json", "[]");
    snprintf(start, sizeof(start), "%s/b", dir);
    f = compdb_find(start);
    ck_assert_ptr_nonnull(f);
    ck_assert_str_eq(f, p);
    free(f);
    free(p);

    /* In a parent, from a few levels down. */
    snprintf(start, sizeof(start), "%s/a/src/lib/deep", dir);
    p = ut_write(dir, "a/src/lib/deep/file.c", "");
    free(p);
    f = compdb_find(start);
    snprintf(want, sizeof(want), "%s/a/compile_commands.json", dir);
    ck_assert_ptr_nonnull(f);
    ck_assert_str_eq(f, want);
    free(f);

    /* A parent's build/ too. */
    snprintf(start, sizeof(start), "%s/b/src", dir);
    mkdir(start, 0700);
    f = compdb_find(start);
    snprintf(want, sizeof(want), "%s/b/build/compile_commands.json", dir);
    ck_assert_ptr_nonnull(f);
    ck_assert_str_eq(f, want);
    free(f);

    /* The directory's own database wins over its build/. */
    p = ut_write(dir, "b/compile_commands.json", "[]");
    snprintf(start, sizeof(start), "%s/b", dir);
    f = compdb_find(start);
    ck_assert_str_eq(f, p);
    free(f);
    free(p);

    /* A directory named compile_commands.json is not a database. */
    snprintf(start, sizeof(start), "%s/c/compile_commands.json", dir);
    p = ut_write(dir, "c/compile_commands.json/x", "");
    free(p);
    snprintf(start, sizeof(start), "%s/c", dir);
    f = compdb_find(start);
    ck_assert(f == NULL || strstr(f, "/c/compile_commands.json") == NULL);
    free(f);

    ut_rmtree(dir);
    free(dir);
}
END_TEST

/*
 * BUG (frontend/compdb.c, compdb_find): a relative start ("." or "src") is
 * made absolute with path_absolute(start, NULL), which treats it as if it
 * were under "/", so only "/" is searched.  It should be resolved against
 * the working directory.
 */
START_TEST(find_from_relative_start)
{
    char *dir = ut_tmpdir();
    char *old = getcwd(NULL, 0);
    char *p = ut_write(dir, "compile_commands.json", "[]");
    char *f, *g;
    char *q = ut_write(dir, "src/x.c", "");
    free(q);
    ck_assert_int_eq(chdir(dir), 0);
    f = compdb_find(".");
    g = compdb_find("src");
    ck_assert_int_eq(chdir(old), 0);
    ck_assert_ptr_nonnull(f);
    ck_assert_str_eq(f, p);
    ck_assert_ptr_nonnull(g);
    ck_assert_str_eq(g, p);
    free(f);
    free(g);
    free(p);
    free(old);
    ut_rmtree(dir);
    free(dir);
}
END_TEST

/* ---- paths -------------------------------------------------------------- */

static void check_abs(const char *path, const char *base, const char *want)
{
    char *got = path_absolute(path, base);
    ck_assert_msg(strcmp(got, want) == 0,
                  "path_absolute('%s', '%s') = '%s', "
                  "want '%s'",
                  path, base ? base : "NULL", got, want);
    free(got);
}

static void check_rel(const char *path, const char *dir, const char *want)
{
    char *got = path_relative(path, dir);
    ck_assert_msg(strcmp(got, want) == 0,
                  "path_relative('%s', '%s') = '%s', "
                  "want '%s'",
                  path, dir, got, want);
    free(got);
}

START_TEST(path_absolute_normalises)
{
    check_abs("a/./b/../c.c", "/x/y", "/x/y/a/c.c");
    check_abs("../c.c", "/x/y", "/x/c.c");
    check_abs("/abs//p/./q/", "/ignored", "/abs/p/q");
    check_abs("../../../..", "/a/b", "/");
    check_abs(".", "/a/b/", "/a/b");
    check_abs("/", "/a", "/");
    check_abs("/a/../../b", NULL, "/b");
    check_abs("src/x.c", "/", "/src/x.c");
    /* Already normal: returned as is (names may start with dots). */
    check_abs("/a/.b/..c/...", NULL, "/a/.b/..c/...");
    check_abs("c.c", "/a/b", "/a/b/c.c");
    check_abs("/a/.", NULL, "/a");
    check_abs("/a/b/..", NULL, "/a");
    check_abs("x/y", NULL, "/x/y");
}
END_TEST

START_TEST(path_relative_inside_and_outside)
{
    check_rel("/proj/src/net.c", "/proj", "src/net.c");
    check_rel("/proj/src/net.c", "/proj/", "src/net.c");
    check_rel("/proj/src/net.c", "/proj//", "src/net.c");
    /* A sibling with a common prefix is outside. */
    check_rel("/project/net.c", "/proj", "/project/net.c");
    check_rel("/other/net.c", "/proj", "/other/net.c");
    /* The directory itself is not inside itself. */
    check_rel("/proj", "/proj", "/proj");
}
END_TEST

/*
 * BUG (frontend/compdb.c, path_relative): with dir "/" (analysing from the
 * root directory) nothing is made relative: "/etc/x.c" stays absolute
 * instead of "etc/x.c", because the trailing-slash trim stops at one byte
 * and then looks for a second '/'.
 */
START_TEST(path_relative_to_root)
{
    check_rel("/etc/x.c", "/", "etc/x.c");
}
END_TEST

static Suite *compdb_suite(void)
{
    Suite *s = suite_create("compdb");
    TCase *tc = tcase_create("shell_split");
    tcase_add_test(tc, shell_split_words_quotes_backslashes);
    tcase_add_test(tc, shell_split_empty_and_edge_cases);
    suite_add_tcase(s, tc);

    tc = tcase_create("load");
    tcase_add_test(tc, load_arguments_form);
    tcase_add_test(tc, load_command_form);
    tcase_add_test(tc, load_drops_source_given_as_absolute_path);
    tcase_add_test(tc, load_relative_directory_is_relative_to_database);
    tcase_add_test(tc, load_relative_database_path);
    tcase_add_test(tc, load_duplicates_keep_first);
    tcase_add_test(tc, load_skips_bad_entries_with_messages);
    tcase_add_test(tc, load_not_json_fails_naming_file);
    tcase_add_test(tc, load_not_array_fails_naming_file);
    tcase_add_test(tc, load_missing_file_fails_naming_file);
    tcase_add_test(tc, compdb_add_filters_arguments);
    tcase_add_test(tc, compdb_add_makes_path_options_absolute);
    suite_add_tcase(s, tc);

    tc = tcase_create("find");
    tcase_add_test(tc, find_in_dir_build_and_parent);
    tcase_add_test(tc, find_from_relative_start);
    suite_add_tcase(s, tc);

    tc = tcase_create("paths");
    tcase_add_test(tc, path_absolute_normalises);
    tcase_add_test(tc, path_relative_inside_and_outside);
    tcase_add_test(tc, path_relative_to_root);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ut_run(compdb_suite());
}
