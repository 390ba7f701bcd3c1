/*
 * catalog_load() on one untrusted catalog document (a user's catalog, or
 * inline entries of a .syncwise.json): it must report problems as
 * messages, never crash, and leave a catalog that lookups can use.
 */
#include "fuzz.h"

#include "catalog/catalog.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *json = fuzz_cstr(data, size);
    struct catalog *cat = catalog_new();
    char **errs = NULL;
    size_t nerrs = 0;
    int rc = catalog_load(cat, json, "fuzz.json", &errs, &nerrs);

    /* -1 exactly when something was reported. */
    FUZZ_CHECK((rc < 0) == (nerrs > 0));
    for (size_t i = 0; i < nerrs; i++) {
        FUZZ_CHECK(errs[i] != NULL);
        free(errs[i]);
    }
    free(errs);
    /* Lookups on whatever loaded. */
    (void)catalog_blocking(cat, "recv");
    (void)catalog_spawn(cat, "pthread_create");
    (void)catalog_field_callback(cat, "uv_work_s", "work_cb");
    (void)catalog_is_atomic(cat, "__atomic_load_n");
    for (size_t i = 0; i < catalog_endpoint_count(cat); i++)
        FUZZ_CHECK(catalog_endpoint_at(cat, i) != NULL);
    catalog_free(cat);
    free(json);
    return 0;
}
