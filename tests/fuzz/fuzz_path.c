/*
 * path_absolute() and path_relative() on paths from compile_commands.json
 * and the command line.  The input is "PATH\0BASE" (no NUL: no base).
 * The results must be absolute, normalised and stable, and a relative
 * result must lead back to the path.
 */
#include "fuzz.h"

#include "common/xalloc.h"
#include "frontend/compdb.h"

#include <stdlib.h>
#include <string.h>

/* Absolute, no empty, "." or ".." component, no trailing slash but "/". */
static int normalised(const char *p)
{
    size_t n = strlen(p);
    if (p[0] != '/')
        return 0;
    if (n > 1 && p[n - 1] == '/')
        return 0;
    if (strstr(p, "//") || strstr(p, "/./") || strstr(p, "/../"))
        return 0;
    if ((n >= 2 && strcmp(p + n - 2, "/.") == 0) ||
        (n >= 3 && strcmp(p + n - 3, "/..") == 0))
        return 0;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *in = fuzz_cstr(data, size);
    size_t plen = strlen(in);
    const char *path = in;
    const char *base = plen < size ? in + plen + 1 : NULL;
    char *abs, *again, *rel;

    abs = path_absolute(path, base);
    FUZZ_CHECK(normalised(abs));
    again = path_absolute(abs, NULL);
    FUZZ_CHECK(strcmp(again, abs) == 0);
    free(again);
    if (base) {
        /* Relative to the (normalised) base: base + "/" + rel is abs. */
        char *nbase = path_absolute(base, "/");
        rel = path_relative(abs, nbase);
        if (strcmp(rel, abs) != 0) {
            char *back = path_absolute(rel, nbase);
            FUZZ_CHECK(rel[0] != '/');
            FUZZ_CHECK(strcmp(back, abs) == 0);
            free(back);
        }
        free(rel);
        free(nbase);
    }
    /* The raw strings as well: path_relative must not read out of bounds. */
    rel = path_relative(path, base ? base : "");
    free(rel);
    free(abs);
    free(in);
    return 0;
}
