/*
 * Parses the translation units of a compilation database in parallel:
 * N worker threads, one libclang index each; every TU is lowered to facts
 * and disposed at once, so memory holds a few TUs, not the program.
 */
#ifndef SW_PARSE_H
#define SW_PARSE_H

#include "facts/facts.h"
#include "frontend/compdb.h"
#include "frontend/extract.h"

/* Called (from worker threads, serialised) after each TU. */
typedef void (*parse_progress_fn)(void *data, size_t done, size_t total,
                                  const char *file);

struct parse_opts {
    int jobs;                         /* worker threads; <= 0: all cores */
    const struct sw_unsaved *unsaved; /* editor buffers, or NULL */
    size_t nunsaved;
    parse_progress_fn progress; /* or NULL */
    void *progress_data;
};

/*
 * Parses every entry of db; out[i] receives the facts of db->items[i]
 * (always non-NULL).  Caller frees each with facts_tu_free().
 */
void parse_all(const struct compdb *db, const struct parse_opts *opts,
               struct fact_tu **out);

/* Number of online cores (at least 1). */
int parse_default_jobs(void);

#endif
