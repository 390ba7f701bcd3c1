/*
 * facts_from_json() on untrusted facts files.  When a document is
 * accepted, writing it out and reading that back must succeed and give the
 * same JSON, and so must the binary form (facts_to_bin(), what the cache
 * stores): the binary reader is never stricter than the JSON one.
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
        {
            size_t len;
            void *bin = facts_to_bin(tu, &len);
            struct fact_tu *viabin = facts_from_bin(bin, len, &err);
            FUZZ_CHECK(viabin != NULL);
            twice = facts_to_json(viabin, 0);
            FUZZ_CHECK(strcmp(once, twice) == 0);
            free(twice);
            free(bin);
            facts_tu_free(viabin);
        }
        free(once);
        facts_tu_free(again);
        facts_tu_free(tu);
    }
    free(text);
    return 0;
}
