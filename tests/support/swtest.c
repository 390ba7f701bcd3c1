#include "support/swtest.h"

#include "common/strbuf.h"
#include "common/xalloc.h"
#include "frontend/compdb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef SW_FIXTURE_CFLAGS
#define SW_FIXTURE_CFLAGS ""
#endif

struct catalog *swtest_catalog(void)
{
    struct catalog *cat = catalog_new();
    char **errs = NULL;
    size_t nerrs = 0;
    if (catalog_load_builtin(cat, &errs, &nerrs) < 0) {
        for (size_t i = 0; i < nerrs; i++)
            fprintf(stderr, "catalog: %s\n", errs[i]);
        exit(2);
    }
    return cat;
}

char *swtest_read(const char *path)
{
    struct strbuf sb = STRBUF_INIT;
    if (strbuf_read_file(&sb, path, 64u << 20) < 0) {
        strbuf_release(&sb);
        return NULL;
    }
    return strbuf_detach(&sb);
}

void swtest_run(const struct catalog *cat, char *const *files, size_t nfiles,
                const char *dir, char *const *extra, size_t nextra,
                const char *code, struct engine_result *res)
{
    struct compdb db = {0};
    struct engine_opts eo;
    size_t nbase = 0, nargs;
    char **base =
        shell_split("-std=c11 -D_GNU_SOURCE " SW_FIXTURE_CFLAGS, &nbase);
    char **args = xcalloc(nbase + nextra + 2, sizeof(char *));
    const char *sel[2];

    nargs = 0;
    for (size_t i = 0; i < nbase; i++)
        args[nargs++] = base[i];
    args[nargs++] = xasprintf("-I%s", dir);
    for (size_t i = 0; i < nextra; i++)
        args[nargs++] = extra[i];
    for (size_t i = 0; i < nfiles; i++)
        compdb_add(&db, files[i], dir, args, nargs);

    memset(&eo, 0, sizeof(eo));
    eo.jobs = 2;
    sel[0] = code;
    sel[1] = "SW900";
    eo.select = sel;
    eo.nselect = code ? 2 : 0;
    memset(res, 0, sizeof(*res));
    engine_run(&db, cat, &eo, res);

    compdb_release(&db);
    for (size_t i = 0; i < nbase; i++)
        free(base[i]);
    free(base);
    free(args[nbase]);
    free(args);
}
