/*
 * Helpers shared by the fixture runner and the meta-test: run the real
 * engine on a few files, as one program, with one rule selected.
 */
#ifndef SW_TEST_SUPPORT_H
#define SW_TEST_SUPPORT_H

#include "engine/engine.h"

/*
 * Analyses files (absolute paths) as one program, each compiled with the
 * default fixture flags (-std=c11 -D_GNU_SOURCE, SW_FIXTURE_CFLAGS from the
 * build, -I of dir) plus extra.  Only `code` and SW900 are selected
 * (all rules when code is NULL).
 */
void swtest_run(const struct catalog *cat, char *const *files, size_t nfiles,
                const char *dir, char *const *extra, size_t nextra,
                const char *code, struct engine_result *res);

/* Loads the built-in catalogs or exits. */
struct catalog *swtest_catalog(void);

/* Reads a whole file; NULL when it cannot be read.  Caller frees. */
char *swtest_read(const char *path);

#endif
