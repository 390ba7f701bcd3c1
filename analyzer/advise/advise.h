/*
 * `syncwise advise`: for every entry point of the program (main, thread
 * start routines, pool tasks, loop callbacks, exported functions that do
 * I/O), its wait profile and one verdict (SPEC 2, "Advice report").
 *
 * The verdicts come from the same summaries as the rules (program.h's
 * profiles and the SW101-SW104 predicates, SW303's idea of a blocking
 * call on a loop), so the report and the rules never disagree.
 */
#ifndef SW_ADVISE_H
#define SW_ADVISE_H

#include "program/program.h"

#include <stdio.h>

#define ADVISE_VERDICTS(X)                                                     \
    X(ASYNC_HELPS, "async-would-help", "async would help")                     \
    X(CPU_BOUND, "cpu-bound",                                                  \
      "CPU-bound: async won't help, parallel threads might")                   \
    X(ADDS_NOTHING, "async-adds-nothing", "async adds nothing here")           \
    X(SYNC_FINE, "sync-is-fine", "sync is fine")

enum advise_verdict {
#define X(id, key, text) ADVISE_##id,
    ADVISE_VERDICTS(X)
#undef X
        ADVISE_VERDICT_COUNT
};

struct advise_evidence {
    const char *rule; /* "SW101" */
    const char *file; /* borrowed from the facts */
    int line;
};

struct advise_entry {
    int func;                    /* program function index */
    const char *kind;            /* main, exported, thread, pool, loop */
    struct prog_profile profile; /* its wait profile */
    enum advise_verdict verdict;
    int nwaits;                 /* N of "async would help (N ...)" */
    int on_loop;                /* the N waits block an event loop */
    char *reason;               /* one sentence, malloc'd */
    struct advise_evidence *ev; /* findings behind "adds nothing" */
    size_t nev, ev_cap;
    struct advise_evidence *sites; /* where it is started, for spawns */
    size_t nsites, sites_cap;
};

struct advise_report {
    struct advise_entry *items; /* most important first */
    size_t n, cap;
};

/* Computes the report for a linked program.  Release with advise_release. */
void advise_compute(const struct program *p, struct advise_report *out);
void advise_release(struct advise_report *r);

/* Writes the report; base makes paths relative (or NULL). */
void advise_print_text(FILE *out, const struct program *p,
                       const struct advise_report *r, const char *base);
void advise_print_json(FILE *out, const struct program *p,
                       const struct advise_report *r, const char *base,
                       const char *const *errors, size_t nerrors);

/* The `syncwise advise` command; argv[0] is "advise". */
int advise_main(int argc, char **argv);

#endif
