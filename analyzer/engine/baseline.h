/*
 * Baselines (SPEC 3.3): a file of the findings a project accepts for now,
 * recorded by fingerprint (rule, file, function and the message without
 * digits; see diag_fingerprint()), so that inserting lines above a finding
 * does not make it new.  The file is JSON:
 *
 *   {"syncwise_baseline": 1,
 *    "findings": [{"fingerprint": "3fc4634950ba5c21", "rule": "SW303",
 *                  "file": "src/server.c", "function": "on_read",
 *                  "message": "..."}]}
 *
 * Only "fingerprint" is read back; the rest is there for reviewers.  A
 * fingerprint listed N times accepts N findings with that fingerprint.
 */
#ifndef SW_BASELINE_H
#define SW_BASELINE_H

#include "engine/diag.h"

#include <stddef.h>

struct baseline;

/*
 * Reads a baseline.  Returns it (caller frees with baseline_free()), or
 * NULL with a one-line message in *err (caller frees).
 */
struct baseline *baseline_load(const char *path, char **err);
void baseline_free(struct baseline *b);

/* Number of findings recorded. */
size_t baseline_count(const struct baseline *b);

/*
 * Removes from diags the findings the baseline accepts (diags must carry
 * fingerprints).  The baseline is not changed, so it can be applied to
 * several runs.
 */
void baseline_filter(const struct baseline *b, struct sw_diags *diags);

/*
 * Writes diags as a baseline to path; paths are written relative to base.
 * Returns 0, or -1 with a message in *err (caller frees).
 */
int baseline_write(const char *path, const struct sw_diags *diags,
                   const char *base, char **err);

#endif
