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

/* What a parse_all() run did, for --stats and the tests. */
struct parse_stats {
    size_t parsed; /* TUs parsed by libclang */
    size_t cached; /* TUs whose facts came from the cache */
    size_t stored; /* cache entries written */
};

struct parse_opts {
    int jobs;                         /* worker threads; <= 0: all cores */
    const struct sw_unsaved *unsaved; /* editor buffers, or NULL */
    size_t nunsaved;
    parse_progress_fn progress; /* or NULL */
    void *progress_data;
    const char *cache_dir;     /* facts cache (cache/cache.h), or NULL */
    struct parse_stats *stats; /* filled in when not NULL */
};

/*
 * Parses every entry of db; out[i] receives the facts of db->items[i]
 * (always non-NULL).  Caller frees each with facts_tu_free().
 *
 * With a cache_dir, an entry whose cached facts are current is not parsed,
 * and every parse that produced an AST is stored (cache/cache.h says when
 * an entry stays current).  Nothing is cached while editor buffers
 * (unsaved) are given.
 */
void parse_all(const struct compdb *db, const struct parse_opts *opts,
               struct fact_tu **out);

/* Number of online cores (at least 1). */
int parse_default_jobs(void);

#endif
