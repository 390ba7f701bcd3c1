/*
 * Diagnostics: what rules report and reporters print.  A diagnostic owns
 * its strings; a list owns its diagnostics.
 */
#ifndef SW_DIAG_H
#define SW_DIAG_H

#include <stddef.h>

#define SW_LEVELS(X)                                                           \
    X(NOTE, "note")                                                            \
    X(WARNING, "warning")                                                      \
    X(ERROR, "error")

enum sw_level {
#define X(id, str) SW_LEVEL_##id,
    SW_LEVELS(X)
#undef X
        SW_LEVEL_COUNT
};
const char *sw_level_name(enum sw_level l);
int sw_level_parse(const char *s); /* -1 when unknown */

struct sw_note {
    char *file;    /* path as given to the analysis */
    int line, col; /* 1-based; 0 when unknown */
    char *message; /* the note text */
};

struct rule_info;

struct sw_diag {
    const struct rule_info *rule; /* which rule */
    enum sw_level level;          /* after configuration */
    char *message;                /* one line, no final period */
    char *file;                   /* absolute path */
    int line, col;                /* start, 1-based */
    int end_line, end_col;        /* end (exclusive column) */
    char *function;               /* enclosing function, or NULL */
    char *context;                /* "loop", "thread", ... or NULL */
    struct sw_note *notes;        /* the trace, outermost last */
    size_t nnotes, notes_cap;
    char *suggestion;     /* how to fix, or NULL */
    char *origin;         /* the TU it is about, when file is a header */
    char fingerprint[17]; /* 16 hex digits, see diag_fingerprint() */
};

struct sw_diags {
    struct sw_diag *items;
    size_t n, cap;
};

/* Adds a diagnostic with a printf-formatted message; returns it. */
struct sw_diag *diags_add(struct sw_diags *l, const struct rule_info *rule,
                          const char *file, int line, int col, const char *fmt,
                          ...) __attribute__((format(printf, 6, 7)));
void diag_note(struct sw_diag *d, const char *file, int line, int col,
               const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void diag_set(char **field, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Fingerprint: a hash of rule, file (relative to base), function and the
 * message with digits removed; stable when unrelated lines move.
 */
void diag_fingerprint(struct sw_diag *d, const char *base);

/* Sorts by file, line, column, rule; drops exact duplicates. */
void diags_sort(struct sw_diags *l);
void diags_release(struct sw_diags *l);
void diag_release(struct sw_diag *d);

#endif
