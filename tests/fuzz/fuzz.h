/*
 * Shared declarations of the fuzz targets.  Each fuzz_NAME.c defines
 * LLVMFuzzerTestOneInput() for one parser of untrusted input.  Built with
 * -DSYNCWISE_FUZZ=ON and clang, libFuzzer supplies main(); in every other
 * build, replay.c supplies a main() that feeds each file of the seed and
 * regression directories to the same entry point, so every crash ever found
 * stays a test.
 */
#ifndef SW_FUZZ_H
#define SW_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated copy of data (caller frees). */
char *fuzz_cstr(const uint8_t *data, size_t size);

/*
 * Aborts with a message when cond is false: a broken invariant in the code
 * under test is a crash that the fuzzer reports and minimises.
 */
#define FUZZ_CHECK(cond)                                                       \
    ((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #cond))
_Noreturn void fuzz_fail(const char *file, int line, const char *what);

#endif
