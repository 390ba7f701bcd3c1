/*
 * config_parse() on an untrusted .syncwise.json, then every use the
 * engine makes of a configuration: rule selection and levels for every
 * rule, exclude globs on a few paths, and its inline catalogs through
 * catalog_load().
 */
#include "fuzz.h"

#include "catalog/catalog.h"
#include "config/config.h"
#include "engine/rules.h"

#include <stdlib.h>

static void free_errs(char **errs, size_t nerrs)
{
    for (size_t i = 0; i < nerrs; i++) {
        FUZZ_CHECK(errs[i] != NULL);
        free(errs[i]);
    }
    free(errs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const paths[] = {
        "/proj/src/main.c", "/proj/third_party/x/y.c", "/proj/.c", "/", "",
        "/other/file.c"};
    char *text = fuzz_cstr(data, size);
    char **errs = NULL;
    size_t nerrs = 0;
    struct config *c =
        config_parse(text, "/proj/.syncwise.json", &errs, &nerrs);

    /* NULL exactly when something was reported. */
    FUZZ_CHECK((c == NULL) == (nerrs > 0));
    free_errs(errs, nerrs);
    if (c) {
        struct catalog *cat = catalog_new();
        for (size_t i = 0; i < sw_nrules; i++) {
            (void)config_rule_enabled(c, &sw_rules[i], NULL, 0, NULL, 0);
            FUZZ_CHECK((unsigned)config_level(c, &sw_rules[i]) <
                       SW_LEVEL_COUNT);
        }
        for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
            (void)config_excludes(c, paths[i]);
        errs = NULL;
        nerrs = 0;
        for (size_t i = 0; i < c->ncatalogs; i++)
            catalog_load(cat, c->catalogs[i].json, c->catalogs[i].origin, &errs,
                         &nerrs);
        free_errs(errs, nerrs);
        catalog_free(cat);
        config_free(c);
    }
    free(text);
    return 0;
}
