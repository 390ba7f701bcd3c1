/*
 * Reporters: print an engine result.  They know the diagnostic structure
 * and the rule metadata, nothing about how rules decide.
 */
#ifndef SW_REPORT_H
#define SW_REPORT_H

#include "engine/engine.h"

#include <stdio.h>

struct report_opts {
    const char *base; /* paths inside it are printed relative to it */
    int color;        /* ANSI colors */
    int source;       /* print the source line and a caret */
};

/* gcc/clang style lines, notes, then a summary line. */
void report_text(FILE *out, const struct engine_result *r,
                 const struct report_opts *o);

/* One JSON document (schema_version 1, see README). */
void report_json(FILE *out, const struct engine_result *r,
                 const struct report_opts *o);

/*
 * SARIF 2.1.0 (one run): driver rules from the rule table, results with
 * their trace as relatedLocations and codeFlows, partialFingerprints, and
 * paths relative to o->base as URIs against the SRCROOT base id.
 */
void report_sarif(FILE *out, const struct engine_result *r,
                  const struct report_opts *o);

/* s with invalid UTF-8 replaced by U+FFFD (for JSON and SARIF); caller frees.
 */
char *report_utf8(const char *s);

/* The path as reporters print it; caller frees. */
char *report_path(const char *path, const struct report_opts *o);

#endif
