/*
 * The suppression-comment parser on untrusted source text: findings on
 * the first lines of an editor buffer go through suppress_apply(), which
 * reads "syncwise: ignore[...]" comments from the buffer.  What is left
 * plus what was removed must be what went in.
 */
#include "fuzz.h"

#include "engine/diag.h"
#include "engine/rules.h"
#include "engine/suppress.h"
#include "frontend/extract.h"

#include <stdlib.h>

#define FUZZ_FILE "/fuzz/src.c"
#define FUZZ_LINES 12

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct sw_unsaved buf = {FUZZ_FILE, (const char *)data, size};
    const char *const extra[] = {FUZZ_FILE, "/fuzz/other.c"};
    struct sw_diags diags = {0}, unused = {0};
    size_t before;

    if (!sw_nrules)
        return 0;
    /* Two findings of different rules on each of the first lines. */
    for (int line = 1; line <= FUZZ_LINES; line++) {
        diags_add(&diags, &sw_rules[(size_t)line % sw_nrules], FUZZ_FILE, line,
                  1, "finding %d", line);
        diags_add(&diags, &sw_rules[(size_t)(line * 7) % sw_nrules], FUZZ_FILE,
                  line, 5, "other finding %d", line);
    }
    diags_sort(&diags);
    before = diags.n;
    suppress_apply(&diags, &buf, 1, extra, 2, &unused);
    FUZZ_CHECK(diags.n <= before);
    for (size_t i = 0; i < diags.n; i++)
        FUZZ_CHECK(diags.items[i].line >= 1 &&
                   diags.items[i].line <= FUZZ_LINES);
    for (size_t i = 0; i < unused.n; i++)
        FUZZ_CHECK(unused.items[i].file != NULL && unused.items[i].line >= 1);
    diags_release(&diags);
    diags_release(&unused);
    return 0;
}
