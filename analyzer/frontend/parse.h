/*
 * Parses the translation units of a compilation database in parallel:
 * N workers, one libclang index each; every TU is lowered to facts and
 * disposed at once, so memory holds a few TUs, not the program.
 *
 * Workers are threads of this process, or (parse_opts.isolate) child
 * processes (frontend/worker.h): libclang cannot be cancelled while it
 * parses, so only a process of its own lets a TU that takes too long or too
 * much memory be stopped, and lets a crash take down one worker instead of
 * the run.
 */
#ifndef SW_PARSE_H
#define SW_PARSE_H

#include "facts/facts.h"
#include "frontend/compdb.h"
#include "frontend/extract.h"

/* Called (from worker threads, serialised) after each TU. */
typedef void (*parse_progress_fn)(void *data, size_t done, size_t total,
                                  const char *file);

struct early_worker; /* frontend/worker.h */

/* What a parse_all() run did, for --stats and the tests. */
struct parse_stats {
    size_t parsed;  /* TUs parsed by libclang */
    size_t cached;  /* TUs whose facts came from the cache */
    size_t stored;  /* cache entries written */
    size_t skipped; /* TUs stopped at a limit (struct parse_limits) */
    /* Wall times of the phases of engine_run(), seconds. */
    double files_s; /* parsing or reading the cache */
    double link_s;  /* the whole-program model (program_build) */
    double rules_s; /* the rules */
};

/*
 * Limits of one TU's parse in a worker process.  A TU that reaches one is
 * stopped and its facts say so (parse_failed, with the message "skipped:
 * exceeded N s (tu-timeout)" or "skipped: exceeded N MiB (tu-memory)"),
 * which SW900 reports; every other TU is still analysed.
 */
struct parse_limits {
    unsigned timeout_s; /* wall-clock seconds; 0: no limit */
    /*
     * MiB by which the parse may grow its worker's resident memory (the
     * worker's size when it started is not counted); 0: no limit.
     */
    unsigned memory_mib;
};

/* The default time limit of one TU, in seconds. */
#define PARSE_DEFAULT_TIMEOUT 120

/*
 * The default memory limit of one TU with jobs workers, in MiB: the
 * machine's memory divided by jobs + 1, so that jobs parses at their limit
 * still leave room; 0 (no limit) when the memory size is unknown.
 */
unsigned parse_default_memory(int jobs);

/* Sets *lim to the limits of entry e (called before e is parsed). */
typedef void (*parse_limits_fn)(void *data, const struct compdb_entry *e,
                                struct parse_limits *lim);

struct parse_opts {
    int jobs;                         /* worker threads; <= 0: all cores */
    const struct sw_unsaved *unsaved; /* editor buffers, or NULL */
    size_t nunsaved;
    parse_progress_fn progress; /* or NULL */
    void *progress_data;
    const char *cache_dir;     /* facts cache (cache/cache.h), or NULL */
    struct parse_stats *stats; /* filled in when not NULL */
    /*
     * 1: the caller needs no fact_tu.inputs (the files each parse read),
     * so without a cache they are not listed and hashed (a sixth of a
     * parse).  0: they are (the LSP server tracks headers with them).
     */
    int skip_inputs;
    /*
     * Parse in worker processes (frontend/worker.h), with limits.  The
     * caller must be the only thread of the process (workers are forked).
     * Off: threads of this process, without limits (the LSP server, tests).
     */
    int isolate;
    struct parse_limits limits; /* of every TU, unless limits_for is set */
    parse_limits_fn limits_for; /* per-entry limits, or NULL */
    void *limits_data;
    /*
     * An early worker the caller forked with worker_early_start(..., 1)
     * before it read the database, or NULL.  parse_all() takes it over:
     * it parses the first file the cache misses; while no parse is
     * expected it is stopped (worker_early_pause()).  Without a cache, or
     * with one job, it is ended.
     */
    struct early_worker *early;
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

/*
 * For the workers (frontend/worker.c): runs fn(arg) on n threads made for
 * libclang (a large stack for its recursion, an alternate signal stack for
 * its crash recovery) and returns when all of them have; on the calling
 * thread when no thread can be started.
 */
void parse_run_threads(int n, void *(*fn)(void *), void *arg);

/*
 * A libclang index for the calling parse thread (extract_index_free()
 * disposes it); the first one also lets libclang's crash handlers run on
 * the alternate signal stack.
 */
void *parse_index_new(void);

#endif
