#include "unit_util.h"

#include "catalog/catalog.h"
#include "frontend/extract.h"
#include "program/program.h"

#include <errno.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * Every temporary directory of a run lives under one base directory that
 * ut_run() creates and removes, so a test that fails half-way (Check ends
 * a forked test with _exit) leaves nothing behind.
 */
static char *ut_base;

/* Creates BASE/PREFIX-XXXXXX; NULL (and a message) when it cannot. */
static char *make_tmp(const char *base, const char *prefix)
{
    size_t n = strlen(base) + strlen(prefix) + sizeof("/-XXXXXX");
    char *tmpl = malloc(n);
    if (!tmpl)
        return NULL;
    snprintf(tmpl, n, "%s/%s-XXXXXX", base, prefix);
    if (!mkdtemp(tmpl)) {
        fprintf(stderr, "mkdtemp '%s' failed: %s\n", tmpl, strerror(errno));
        free(tmpl);
        return NULL;
    }
    return tmpl;
}

static const char *tmp_root(void)
{
    const char *base = getenv("TMPDIR");
    return base && *base ? base : "/tmp";
}

char *ut_tmpdir(void)
{
    char *d = make_tmp(ut_base ? ut_base : tmp_root(),
                       ut_base ? "t" : "syncwise-unit");
    ck_assert_msg(d != NULL, "cannot create a temporary directory");
    return d;
}

static int rm_one(const char *path, const struct stat *st, int flag,
                  struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

void ut_rmtree(const char *dir)
{
    if (dir)
        nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

char *ut_write(const char *dir, const char *name, const char *text)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    FILE *f;
    ck_assert_ptr_nonnull(path);
    snprintf(path, n, "%s/%s", dir, name);
    /* Create the directories of name. */
    for (char *p = path + strlen(dir) + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(path, 0700);
            *p = '/';
        }
    }
    f = fopen(path, "w");
    ck_assert_msg(f != NULL, "cannot write '%s': %s", path, strerror(errno));
    fputs(text, f);
    fclose(f);
    return path;
}

char *ut_slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0;
    FILE *m;
    char chunk[4096];
    size_t n;
    ck_assert_msg(f != NULL, "cannot read '%s'", path);
    m = open_memstream(&buf, &len);
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        fwrite(chunk, 1, n, m);
    fclose(f);
    fclose(m);
    return buf;
}

struct fact_tu *ut_extract_args(void *idx, const char *dir, const char *name,
                                const char *src, const char *const *args,
                                size_t nargs)
{
    char *path = ut_write(dir, name, src);
    struct fact_tu *tu = extract_tu(idx, path, dir, args, nargs, NULL, 0);
    free(path);
    ck_assert_ptr_nonnull(tu);
    return tu;
}

struct fact_tu *ut_extract(void *idx, const char *dir, const char *name,
                           const char *src)
{
    static const char *const args[] = {"-std=c11"};
    return ut_extract_args(idx, dir, name, src, args, 1);
}

const struct fact_func *ut_func(const struct fact_tu *tu, const char *name)
{
    for (size_t i = 0; i < tu->nfuncs; i++)
        if (tu->funcs[i].name && strcmp(tu->funcs[i].name, name) == 0)
            return &tu->funcs[i];
    return NULL;
}

const struct fact_global *ut_global(const struct fact_tu *tu, const char *name)
{
    for (size_t i = 0; i < tu->nglobals; i++)
        if (tu->globals[i].name && strcmp(tu->globals[i].name, name) == 0)
            return &tu->globals[i];
    return NULL;
}

const struct fact_call *ut_call(const struct fact_func *f, const char *name,
                                int n)
{
    for (size_t i = 0; f && i < f->ncalls; i++)
        if (f->calls[i].name && strcmp(f->calls[i].name, name) == 0 && n-- == 0)
            return &f->calls[i];
    return NULL;
}

int ut_line(const char *src, const char *needle)
{
    const char *at = strstr(src, needle);
    int line = 1;
    ck_assert_msg(at != NULL, "'%s' not in the source", needle);
    for (const char *p = src; p < at; p++)
        if (*p == '\n')
            line++;
    return line;
}

int ut_col(const char *src, const char *needle)
{
    const char *at = strstr(src, needle), *bol = src;
    ck_assert_msg(at != NULL, "'%s' not in the source", needle);
    for (const char *p = src; p < at; p++)
        if (*p == '\n')
            bol = p + 1;
    return (int)(at - bol) + 1;
}

int ut_any_contains(char *const *list, size_t n, ...)
{
    for (size_t i = 0; i < n; i++) {
        va_list ap;
        const char *needle;
        int all = 1;
        va_start(ap, n);
        while ((needle = va_arg(ap, const char *)) != NULL)
            if (!strstr(list[i], needle))
                all = 0;
        va_end(ap);
        if (all)
            return 1;
    }
    return 0;
}

void ut_free_strings(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

int ut_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    int failed;
    ut_base = make_tmp(tmp_root(), "syncwise-unit");
    if (!ut_base) {
        srunner_free(sr);
        return EXIT_FAILURE;
    }
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    ut_rmtree(ut_base);
    free(ut_base);
    ut_base = NULL;
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

void ut_prog_init(struct ut_prog *r, const char *sys_h, const char *src)
{
    char **errs = NULL;
    size_t nerrs = 0;
    memset(r, 0, sizeof(*r));
    r->dir = ut_tmpdir();
    r->idx = extract_index_new();
    r->cat = catalog_new();
    ck_assert_int_eq(catalog_load_builtin(r->cat, &errs, &nerrs), 0);
    ut_free_strings(errs, nerrs);
    free(ut_write(r->dir, "sys.h", sys_h));
    r->tu = ut_extract(r->idx, r->dir, "main.c", src);
    ck_assert_uint_eq(r->tu->nerrors, 0);
    r->p = program_build(r->cat, (const struct fact_tu *const *)&r->tu, 1);
}

void ut_prog_free(struct ut_prog *r)
{
    program_free(r->p);
    facts_tu_free(r->tu);
    catalog_free(r->cat);
    extract_index_free(r->idx);
    ut_rmtree(r->dir);
    free(r->dir);
}
