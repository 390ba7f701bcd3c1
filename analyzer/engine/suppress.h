/*
 * Inline suppressions (SPEC 3.3), read from the source text:
 *
 *   lookup(x);  // syncwise: ignore[SW303]      this line, that rule
 *   // syncwise: ignore[SW202, SW303] reason     alone on a line: the next line
 *   lookup(x);  // syncwise: ignore              this line, every rule
 *   // syncwise: ignore-file[SW103]              the whole file, that rule
 *
 * Codes may be codes, prefixes ("SW2") or rule names.  Text after the
 * closing bracket is a free-form reason.
 */
#ifndef SW_SUPPRESS_H
#define SW_SUPPRESS_H

#include "engine/diag.h"
#include "frontend/extract.h"

#include <stddef.h>

/*
 * The pseudo-rule of "unused suppression" findings (code "unused-ignore",
 * not in the rule table: it is made by the engine, not a rule).
 */
extern const struct rule_info suppress_unused_rule;

/*
 * Removes from diags the findings that a suppression comment in their file
 * silences (diags must be sorted by file).  Source text comes from the
 * unsaved buffers when one matches, else from disk; an unreadable file
 * suppresses nothing.  When unused is not NULL, each suppression comment in
 * diags' files or in extra_files (absolute paths, e.g. every file reported
 * on) that silenced nothing is added to unused as an "unused-ignore"
 * finding.
 */
void suppress_apply(struct sw_diags *diags, const struct sw_unsaved *unsaved,
                    size_t nunsaved, const char *const *extra_files,
                    size_t nextra, struct sw_diags *unused);

#endif
