/*
 * The floor for syncwise's speed: a bare libclang parse of every
 * translation unit in a compilation database, with the same options,
 * argument handling and parallelism as syncwise, disposing each TU at once.
 *
 * usage: bare_parse -p DIR [-j N]
 * Prints the wall time and the number of TUs.
 */
#include "frontend/compdb.h"

#include "common/xalloc.h"

#include <clang-c/Index.h>
#include <pthread.h>
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

static void *worker(void *arg)
{
    struct shared *s = arg;
    CXIndex idx = clang_createIndex(0, 0);
    for (;;) {
        size_t i = atomic_fetch_add(&s->next, 1);
        const struct compdb_entry *e;
        const char **argv;
        size_t argc = 0;
        CXTranslationUnit tu = NULL;
        if (i >= s->db->n)
            break;
        e = &s->db->items[i];
        argv = xcalloc(e->nargs + 2, sizeof(*argv));
        argv[argc++] = "-Wno-unknown-warning-option";
        for (size_t k = 0; k < e->nargs; k++)
            argv[argc++] = e->args[k];
        clang_parseTranslationUnit2(
            idx, e->file, argv, (int)argc, NULL, 0,
            CXTranslationUnit_KeepGoing |
                CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles,
            &tu);
        if (tu)
            clang_disposeTranslationUnit(tu);
        free(argv);
    }
    clang_disposeIndex(idx);
    return NULL;
}

int main(int argc, char **argv)
{
    const char *dir = NULL;
    int jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
    struct compdb db = {0};
    char *path, *err = NULL, **warns = NULL;
    size_t nwarns = 0;
    struct shared s;
    pthread_t th[256];
    pthread_attr_t attr;
    struct timespec t0, t1;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-p") == 0 && i + 1 < argc)
            dir = argv[++i];
        else if (strcmp(argv[i], "-j") == 0 && i + 1 < argc)
            jobs = atoi(argv[++i]);
    }
    if (!dir || jobs < 1 || jobs > 256) {
        fprintf(stderr, "usage: bare_parse -p DIR [-j N]\n");
        return 2;
    }
    path = xasprintf("%s/compile_commands.json", dir);
    if (compdb_load(&db, path, &err, &warns, &nwarns) < 0) {
        fprintf(stderr, "bare_parse: %s\n", err);
        return 2;
    }
    s.db = &db;
    atomic_init(&s.next, 0);
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64u << 20);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < jobs; i++)
        pthread_create(&th[i], &attr, worker, &s);
    for (int i = 0; i < jobs; i++)
        pthread_join(th[i], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("bare parse: %zu TUs, -j%d, %.2f s\n", db.n, jobs,
           (double)(t1.tv_sec - t0.tv_sec) +
               (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    for (size_t i = 0; i < nwarns; i++)
        free(warns[i]);
    free(warns);
    free(path);
    compdb_release(&db);
    return 0;
}
