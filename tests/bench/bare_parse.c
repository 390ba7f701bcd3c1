/*
 * The floor for syncwise's speed: a bare libclang parse of every
 * translation unit in a compilation database, with the same options,
 * argument handling and parallelism as syncwise, disposing each TU at once.
 *
 * usage: bare_parse -p DIR [-j N] [--only FILE] [--rss-each] [--no-warnings]
 * Prints the wall time and the number of TUs.
 *
 * The floor parses with the project's own flags.  syncwise adds -w (it
 * reports no compiler warnings, and checking them is part of a parse);
 * --no-warnings adds it here too, to show what that part is worth.
 *
 * --only FILE parses just that entry of the database (the floor for a run
 * after touching FILE).  --rss-each parses every TU alone in a child
 * process, one after another, and prints the largest peak RSS of a single
 * TU's parse and its file: the yardstick for syncwise's memory.
 */
#include "frontend/compdb.h"

#include "common/xalloc.h"

#include <clang-c/Index.h>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct shared {
    const struct compdb *db; /* input */
    atomic_size_t next;      /* next entry */
};

static int no_warnings; /* --no-warnings */

/* Parses one entry with syncwise's options and disposes it at once. */
static void parse_entry(CXIndex idx, const struct compdb_entry *e)
{
    const char **argv = xcalloc(e->nargs + 3, sizeof(*argv));
    size_t argc = 0;
    CXTranslationUnit tu = NULL;
    argv[argc++] = "-Wno-unknown-warning-option";
    for (size_t k = 0; k < e->nargs; k++)
        argv[argc++] = e->args[k];
    if (no_warnings)
        argv[argc++] = "-w";
    clang_parseTranslationUnit2(
        idx, e->file, argv, (int)argc, NULL, 0,
        CXTranslationUnit_KeepGoing |
            CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles,
        &tu);
    if (tu)
        clang_disposeTranslationUnit(tu);
    free(argv);
}

static void *worker(void *arg)
{
    struct shared *s = arg;
    CXIndex idx = clang_createIndex(0, 0);
    for (;;) {
        size_t i = atomic_fetch_add(&s->next, 1);
        if (i >= s->db->n)
            break;
        parse_entry(idx, &s->db->items[i]);
    }
    clang_disposeIndex(idx);
    return NULL;
}

/* --rss-each: every TU in a child of its own; the largest peak RSS. */
static int rss_each(const struct compdb *db)
{
    long best = 0;
    size_t best_i = 0;
    for (size_t i = 0; i < db->n; i++) {
        struct rusage ru;
        int status;
        pid_t pid = fork();
        if (pid < 0) {
            perror("bare_parse: fork");
            return 2;
        }
        if (pid == 0) {
            CXIndex idx = clang_createIndex(0, 0);
            parse_entry(idx, &db->items[i]);
            clang_disposeIndex(idx);
            _exit(0);
        }
        if (wait4(pid, &status, 0, &ru) < 0) {
            perror("bare_parse: wait4");
            return 2;
        }
        if (ru.ru_maxrss > best) {
            best = ru.ru_maxrss;
            best_i = i;
        }
    }
    printf("largest single-TU bare parse: %ld MB peak RSS (%s)\n", best / 1024,
           db->n ? db->items[best_i].file : "-");
    return 0;
}

int main(int argc, char **argv)
{
    const char *dir = NULL, *only = NULL;
    int each = 0;
    int jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
    struct compdb db = {0};
    char *path, *err = NULL, **warns = NULL;
    size_t nwarns = 0;
    struct shared s;
    pthread_t th[256];
    pthread_attr_t attr;
    struct timespec t0, t1;
    size_t db_n_saved = 0;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-p") == 0 && i + 1 < argc)
            dir = argv[++i];
        else if (strcmp(argv[i], "-j") == 0 && i + 1 < argc)
            jobs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc)
            only = argv[++i];
        else if (strcmp(argv[i], "--rss-each") == 0)
            each = 1;
        else if (strcmp(argv[i], "--no-warnings") == 0)
            no_warnings = 1;
    }
    if (!dir || jobs < 1 || jobs > 256) {
        fprintf(stderr,
                "usage: bare_parse -p DIR [-j N] [--only FILE] [--rss-each] "
                "[--no-warnings]\n");
        return 2;
    }
    path = xasprintf("%s/compile_commands.json", dir);
    if (compdb_load(&db, path, &err, &warns, &nwarns) < 0) {
        fprintf(stderr, "bare_parse: %s\n", err);
        return 2;
    }
    if (only) {
        /* Keep the one entry (absolute, as the database spells it). */
        char *cwd = getcwd(NULL, 0);
        char *abs = path_absolute(only, cwd);
        size_t k = 0;
        for (size_t i = 0; i < db.n; i++)
            if (strcmp(db.items[i].file, abs) == 0)
                k = i + 1;
        free(cwd);
        free(abs);
        if (!k) {
            fprintf(stderr, "bare_parse: '%s' is not in the database\n", only);
            return 2;
        }
        if (k != 1) { /* swap it to the front, parse only the front */
            struct compdb_entry t = db.items[0];
            db.items[0] = db.items[k - 1];
            db.items[k - 1] = t;
        }
        db_n_saved = db.n;
        db.n = 1;
    }
    if (each) {
        int rc = rss_each(&db);
        if (db_n_saved)
            db.n = db_n_saved;
        compdb_release(&db);
        free(path);
        return rc;
    }
    s.db = &db;
    atomic_init(&s.next, 0);
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64u << 20);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if ((size_t)jobs > db.n)
        jobs = db.n ? (int)db.n : 1;
    for (int i = 0; i < jobs; i++)
        pthread_create(&th[i], &attr, worker, &s);
    for (int i = 0; i < jobs; i++)
        pthread_join(th[i], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("bare parse: %zu TUs, -j%d, %.2f s\n", db.n, jobs,
           (double)(t1.tv_sec - t0.tv_sec) +
               (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    if (db_n_saved)
        db.n = db_n_saved; /* so that compdb_release() frees them all */
    for (size_t i = 0; i < nwarns; i++)
        free(warns[i]);
    free(warns);
    free(path);
    compdb_release(&db);
    return 0;
}
