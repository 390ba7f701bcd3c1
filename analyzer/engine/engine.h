/*
 * One analysis run: parse (in parallel), link, run the selected rules,
 * collect diagnostics.  The CLI, the LSP server and the fixture runner all
 * call engine_run().
 */
#ifndef SW_ENGINE_H
#define SW_ENGINE_H

#include "catalog/catalog.h"
#include "config/config.h"
#include "engine/baseline.h"
#include "engine/diag.h"
#include "engine/rules.h"
#include "frontend/compdb.h"
#include "frontend/parse.h"

struct engine_opts {
    int jobs;                  /* parser threads; <= 0: all cores */
    const char *const *select; /* codes or prefixes ("SW2"); none: all */
    size_t nselect;
    const char *const *ignore; /* codes or prefixes to leave out */
    size_t nignore;
    const char *const *only; /* absolute paths to report on; none: all */
    size_t nonly;
    const struct sw_unsaved *unsaved; /* editor buffers */
    size_t nunsaved;
    int include_local_io;       /* SW303's local file I/O option */
    parse_progress_fn progress; /* or NULL */
    void *progress_data;
    const char *cache_dir;     /* facts cache directory, or NULL for none */
    struct parse_stats *stats; /* parse/cache counts, or NULL */
    /*
     * Parse in worker processes with per-TU limits (frontend/parse.h;
     * the caller must be the only thread).  A limit below zero is taken
     * from the file's configuration ("tu-timeout", "tu-memory"), else is
     * the default; zero or more applies to every file (command line).
     */
    int isolate;
    long tu_timeout; /* seconds */
    long tu_memory;  /* MiB */
    /* An early worker forked at start (struct parse_opts); taken over. */
    struct early_worker *early;
    /*
     * Filtering of the findings, applied by engine_check() in this order:
     * configuration (exclude, select/ignore, levels), suppression comments,
     * baseline.  All off when zero.
     */
    struct config_set *configs;      /* per-file .syncwise.json, or NULL */
    int suppress;                    /* honour "syncwise: ignore" comments */
    int report_unused_ignores;       /* report comments silencing nothing */
    const struct baseline *baseline; /* findings to leave out, or NULL */
};

struct engine_error {
    char *file;    /* the input it is about */
    char *message; /* one line, no "syncwise: error:" prefix */
};

struct engine_result {
    struct sw_diags diags;       /* sorted findings */
    struct engine_error *errors; /* input problems (also on stderr) */
    size_t nerrors, errors_cap;
    size_t nfiles;     /* translation units analysed */
    size_t nfunctions; /* functions defined in them */
};

/* 1 when the rule is selected by opts (select/ignore, longest match wins). */
int engine_rule_enabled(const struct engine_opts *opts,
                        const struct rule_info *rule);

/*
 * Runs every enabled rule over the program the database describes.  Input
 * problems (unreadable files) are recorded in result->errors and the rest
 * is still analysed.
 */
void engine_run(const struct compdb *db, const struct catalog *cat,
                const struct engine_opts *opts, struct engine_result *result);

/*
 * Runs the rules over TUs already parsed (facts borrowed), then filters the
 * findings as opts says (configuration, suppressions, baseline) and adds
 * them to result, fingerprinted and sorted.  A configuration file that
 * cannot be read is recorded in result->errors.
 */
void engine_check(const struct fact_tu *const *tus, size_t ntus,
                  const struct catalog *cat, const struct engine_opts *opts,
                  struct engine_result *result);

void engine_add_error(struct engine_result *r, const char *file,
                      const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void engine_result_release(struct engine_result *r);

#endif
