/*
 * compdb_load() on an untrusted compile_commands.json.  compdb_load()
 * reads a file (there is no in-memory entry point), so each input is
 * written to one file in a private temporary directory first; at fuzzing
 * speed that costs little next to the JSON parse.
 */
#include "fuzz.h"

#include "common/strmap.h"
#include "common/xalloc.h"
#include "frontend/compdb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *db_path; /* TMPDIR/syncwise-fuzz-XXXXXX/compile_commands.json */

static void remove_db(void)
{
    char *dir;
    if (!db_path)
        return;
    unlink(db_path);
    dir = xstrdup(db_path);
    *strrchr(dir, '/') = '\0';
    rmdir(dir);
    free(dir);
    free(db_path);
    db_path = NULL;
}

static const char *db_file(void)
{
    if (!db_path) {
        const char *tmp = getenv("TMPDIR");
        char *dir =
            xasprintf("%s/syncwise-fuzz-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
        if (!mkdtemp(dir)) {
            perror("mkdtemp");
            abort();
        }
        db_path = xasprintf("%s/compile_commands.json", dir);
        free(dir);
        atexit(remove_db);
    }
    return db_path;
}

static int is_abs_normalised(const char *p)
{
    size_t n = strlen(p);
    return p[0] == '/' && (n == 1 || p[n - 1] != '/') && !strstr(p, "//") &&
           !strstr(p, "/./") && !strstr(p, "/../");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = db_file();
    struct compdb db = {0};
    char *err = NULL, **warns = NULL;
    size_t nwarns = 0;
    FILE *f = fopen(path, "wb");
    int rc;

    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
        perror(path);
        abort();
    }
    rc = compdb_load(&db, path, &err, &warns, &nwarns);
    if (rc < 0) {
        FUZZ_CHECK(err != NULL && db.n == 0);
        free(err);
    } else {
        struct strmap *seen = strmap_new();
        FUZZ_CHECK(err == NULL);
        for (size_t i = 0; i < db.n; i++) {
            const struct compdb_entry *e = &db.items[i];
            FUZZ_CHECK(is_abs_normalised(e->file));
            FUZZ_CHECK(is_abs_normalised(e->directory));
            /* Duplicates keep the first entry. */
            FUZZ_CHECK(strmap_get(seen, e->file) < 0);
            strmap_put(seen, e->file, 1);
            for (size_t j = 0; j < e->nargs; j++)
                FUZZ_CHECK(e->args[j] != NULL);
            FUZZ_CHECK(e->args[e->nargs] == NULL);
        }
        strmap_free(seen);
    }
    for (size_t i = 0; i < nwarns; i++)
        free(warns[i]);
    free(warns);
    compdb_release(&db);
    return 0;
}
