/*
 * facts_from_json() on untrusted cached facts.  When a document is
 * accepted, writing it out and reading that back must succeed and give the
 * same JSON: the cache must never store facts it cannot read again.
 */
#include "fuzz.h"

#include "facts/facts.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstr(data, size);
    const char *err = NULL;
    struct fact_tu *tu = facts_from_json(text, &err);

    if (!tu) {
        FUZZ_CHECK(err != NULL && err[0] != '\0');
    } else {
        char *once = facts_to_json(tu, 0), *twice;
        struct fact_tu *again;
        err = NULL;
        again = facts_from_json(once, &err);
        FUZZ_CHECK(again != NULL);
        twice = facts_to_json(again, 0);
        FUZZ_CHECK(strcmp(once, twice) == 0);
        free(twice);
        free(once);
        facts_tu_free(again);
        facts_tu_free(tu);
    }
    free(text);
    return 0;
}
