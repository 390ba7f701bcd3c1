/*
 * facts_from_bin() on untrusted bytes (a damaged cache entry, a worker's
 * answer).  When facts are accepted they pass facts_tu_check(), writing
 * them out and reading that back gives the same bytes, and the JSON reader
 * accepts the same facts as JSON (the binary reader is never laxer than
 * the JSON one) and reads back the same facts.
 */
#include "fuzz.h"

#include "common/xalloc.h"
#include "facts/facts.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A buffer of exactly size bytes, so the replay's ASan sees overreads. */
    uint8_t *copy = xmalloc(size ? size : 1);
    const char *err = NULL;
    struct fact_tu *tu;

    if (size)
        memcpy(copy, data, size);
    tu = facts_from_bin(copy, size, &err);
    if (!tu) {
        FUZZ_CHECK(err != NULL && err[0] != '\0');
    } else {
        size_t n1, n2;
        void *once = facts_to_bin(tu, &n1), *twice;
        char *json = facts_to_json(tu, 0), *json2;
        struct fact_tu *again, *viajson;

        FUZZ_CHECK(facts_tu_check(tu) == NULL);
        err = NULL;
        again = facts_from_bin(once, n1, &err);
        FUZZ_CHECK(again != NULL);
        twice = facts_to_bin(again, &n2);
        FUZZ_CHECK(n1 == n2 && memcmp(once, twice, n1) == 0);

        viajson = facts_from_json(json, &err);
        FUZZ_CHECK(viajson != NULL);
        json2 = facts_to_json(viajson, 0);
        FUZZ_CHECK(strcmp(json, json2) == 0);
        free(json2);
        json2 = facts_to_json(again, 0);
        FUZZ_CHECK(strcmp(json, json2) == 0);

        free(json2);
        free(json);
        free(twice);
        free(once);
        facts_tu_free(viajson);
        facts_tu_free(again);
        facts_tu_free(tu);
    }
    free(copy);
    return 0;
}
