/*
 * Helpers shared by the unit suites: temporary directories, writing and
 * parsing small C sources, capturing output, running a suite.  Everything
 * here aborts the test (through Check) on an operational failure, so the
 * suites can stay about what they test.
 */
#ifndef SW_UNIT_UTIL_H
#define SW_UNIT_UTIL_H

#include "facts/facts.h"

#include <check.h>
#include <stddef.h>

/*
 * Creates a fresh directory under $TMPDIR (or /tmp), inside the run's own
 * directory when called from a test; caller frees.
 */
char *ut_tmpdir(void);

/* Removes dir and everything below it. */
void ut_rmtree(const char *dir);

/*
 * Writes text to dir/name (creating the directories of name); returns the
 * absolute path, caller frees.
 */
char *ut_write(const char *dir, const char *name, const char *text);

/* Reads a whole file; caller frees. */
char *ut_slurp(const char *path);

/*
 * Writes src to dir/name and extracts it with libclang through
 * extract_tu(), with the given compiler arguments.  Caller frees the facts.
 */
struct fact_tu *ut_extract_args(void *idx, const char *dir, const char *name,
                                const char *src, const char *const *args,
                                size_t nargs);
struct fact_tu *ut_extract(void *idx, const char *dir, const char *name,
                           const char *src);

/*
 * A one-file program: sys_h and src written as sys.h and main.c to a fresh
 * directory, main.c extracted (it must parse without errors) and linked with
 * the builtin catalogs.  ut_prog_free() releases it all.
 */
struct ut_prog {
    char *dir;           /* temporary project */
    void *idx;           /* libclang index */
    struct catalog *cat; /* catalogs */
    struct fact_tu *tu;  /* main.c */
    struct program *p;   /* linked */
};
void ut_prog_init(struct ut_prog *r, const char *sys_h, const char *src);
void ut_prog_free(struct ut_prog *r);

/* The function or global of that name in tu, or NULL (borrowed). */
const struct fact_func *ut_func(const struct fact_tu *tu, const char *name);
const struct fact_global *ut_global(const struct fact_tu *tu, const char *name);

/* The n-th (0-based) call to `name` in f, or NULL (borrowed). */
const struct fact_call *ut_call(const struct fact_func *f, const char *name,
                                int n);

/*
 * Line and column (1-based) of the first occurrence of needle in src, so
 * tests need not count lines by hand; the test fails when it is absent.
 */
int ut_line(const char *src, const char *needle);
int ut_col(const char *src, const char *needle);

/* 1 when some string of the list contains all the needles (NULL ends). */
int ut_any_contains(char *const *list, size_t n, ...);

/* Frees an array of n malloc'd strings and the array. */
void ut_free_strings(char **list, size_t n);

/*
 * Runs the suite (fork mode as Check's environment says) with a temporary
 * base directory that is removed afterwards; returns the exit status.
 */
int ut_run(Suite *s);

#endif
