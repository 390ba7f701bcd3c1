/*
 * Compilation databases (compile_commands.json) and the list of translation
 * units to analyse.
 */
#ifndef SW_COMPDB_H
#define SW_COMPDB_H

#include <stddef.h>

struct compdb_entry {
    char *file;      /* absolute, normalised path of the source file */
    char *directory; /* absolute working directory of the compile */
    char **args;     /* compiler arguments, without the compiler and file */
    size_t nargs;
};

struct compdb {
    struct compdb_entry *items; /* one entry per source file */
    size_t n, cap;
    char *path; /* the file it was read from, or NULL */
};

/*
 * Reads path.  Returns 0 with db filled, or -1 when the file cannot be read
 * or is not a JSON array (one message in *err, caller frees).  Entries with
 * problems are skipped, each with a message appended to warns/nwarns
 * ("compile_commands.json: entry 3: 'file' must be a string"); duplicates
 * of a file keep the first entry.
 */
int compdb_load(struct compdb *db, const char *path, char **err, char ***warns,
                size_t *nwarns);

/* Adds a file compiled with args (no compiler name) in directory. */
void compdb_add(struct compdb *db, const char *file, const char *directory,
                char *const *args, size_t nargs);

void compdb_release(struct compdb *db);

/*
 * Finds compile_commands.json in start, start/build, and the parents of
 * start.  Returns a malloc'd path or NULL.
 */
char *compdb_find(const char *start);

/* An absolute, '.'/'..'-free version of path relative to base; caller frees. */
char *path_absolute(const char *path, const char *base);

/* path relative to dir when it lies inside dir, else path; caller frees. */
char *path_relative(const char *path, const char *dir);

/* Splits a shell command line (quotes, backslashes); caller frees. */
char **shell_split(const char *cmd, size_t *n);

#endif
