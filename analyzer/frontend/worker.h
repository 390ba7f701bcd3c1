/*
 * Parse workers in child processes, for limits on each translation unit.
 *
 * libclang cannot be cancelled while it parses, and a parse that runs away
 * (a pathological macro, a generated file) can take minutes and gigabytes.
 * So the parses run in worker processes: the parent stops one that passes
 * its TU's time or memory limit (SIGKILL), reports the TU as skipped and
 * starts a new worker for the rest.  A crash that libclang's own recovery
 * does not catch also takes down one worker instead of the run.
 *
 * Workers are forked (no exec): they share the parent's compilation
 * database and editor buffers and start in about a millisecond.  Each one
 * is persistent: it parses the TUs the parent sends it over a socket, one
 * at a time, and returns each TU's facts with the list of files the parse
 * read (for the cache), in the binary form of facts_to_bin().  The parent
 * serves every worker from one thread with poll(), which also times the
 * deadlines and samples the workers' memory (/proc/PID/statm) while they parse.
 *
 * Memory is the growth of a worker's resident set since it started, so the
 * memory shared with the parent at fork time is not counted.  An address
 * space limit (RLIMIT_AS) at twice the limit plus 1 GiB above the worker's
 * size is a backstop for growth faster than the sampling; a worker that
 * dies or crashes with its peak memory above the limit is reported as over
 * the limit too.  Sanitizer builds, which reserve terabytes of address
 * space, have no backstop.
 */
#ifndef SW_WORKER_H
#define SW_WORKER_H

#include "frontend/compdb.h"
#include "frontend/extract.h"
#include "frontend/parse.h"

#include <stddef.h>

/* One TU to parse: an entry of the database and its limits. */
struct worker_job {
    size_t index;               /* entry of the database */
    struct parse_limits limits; /* of this TU */
};

/*
 * Called (on the calling thread) with the facts of each job's entry: tu
 * (the receiver owns it) lists the files the parse read; bin is the len
 * bytes the worker sent, tu as facts_to_bin() writes it (inputs included;
 * borrowed until the call returns), or NULL when the worker returned none
 * (a limit was reached or the worker died: tu then says so).  skipped is 1
 * when a limit was reached.
 */
typedef void (*worker_done_fn)(void *data, size_t index, struct fact_tu *tu,
                               const void *bin, size_t len, int skipped);

/*
 * The early worker: forked before the cache lookups (or before the
 * database is read), while the process still has one thread (and is
 * small: libclang is not loaded), it waits.  The first lookup that misses
 * hands it its file (worker_early_take(), from any thread), so that
 * loading libclang and parsing a touched file overlap the other lookups
 * instead of following them, and the parent does not load libclang for
 * one file.  It parses that one file and is then let go.  With preload it
 * loads libclang at once, while it waits: for a run expected to parse, so
 * that the load overlaps the lookups; a run that then parses nothing has
 * spent a core on it for a while.  Its memory limit counts from when
 * worker_parse() adopts it.  NULL when it could not be started.  Without
 * unsaved buffers (it is for runs with a cache, which have none).
 */
struct early_worker;
struct early_worker *worker_early_start(unsigned extract_flags, int preload);
/*
 * Gives entry index (e) to the early worker if it has none yet, with
 * memory_mib for its address-space backstop: 1 when taken.
 */
int worker_early_take(struct early_worker *ew, size_t index,
                      const struct compdb_entry *e, unsigned memory_mib);
/*
 * Stops an early worker that preloads libclang (SIGSTOP), so that it takes
 * no core while nothing is expected to parse; worker_early_take() lets it
 * go on.
 */
void worker_early_pause(struct early_worker *ew);
/* Ends an early worker that no worker_parse() adopted (NULL: nothing). */
void worker_early_end(struct early_worker *ew);
/* The entry it took, or (size_t)-1 (also for NULL). */
size_t worker_early_index(const struct early_worker *ew);

/*
 * Parses the entries of db that jobs name in up to nworkers worker
 * processes (with extract_tu_flags() and extract_flags) and calls done for
 * each, in the order they finish.  early, when not NULL, is adopted (and
 * freed): the entry it took must be jobs[0]; without one it is ended.  The
 * calling thread must be the only thread in the process.  Returns 0, or -1
 * when no worker process could be started (fork failed): done was then not
 * called for the jobs that were left, which the caller parses otherwise.
 */
int worker_parse(const struct compdb *db, const struct worker_job *jobs,
                 size_t njobs, int nworkers, const struct sw_unsaved *unsaved,
                 size_t nunsaved, unsigned extract_flags, worker_done_fn done,
                 void *data, struct early_worker *early);

#endif
