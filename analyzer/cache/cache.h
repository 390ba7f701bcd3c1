/*
 * The facts cache: one entry per translation unit, so that a re-run with
 * nothing changed parses nothing and a run after an edit parses only the
 * files the edit reaches.
 *
 * An entry is found by a key that hashes the cache format, the syncwise,
 * facts and libclang versions, the source file's path, the compile's
 * directory and the compiler arguments.  It holds the facts and the list of
 * every file the parse read (main file and headers) with a hash of the
 * contents libclang saw.  A lookup hashes those files as they are now (each
 * file once per run, however many TUs include it) and reuses the facts
 * only when every hash matches, so editing a header re-parses exactly the
 * TUs that include it.  The entry of a TU with errors also lists the
 * directories a missing header could appear in, with their modification
 * times: adding the header re-parses the TU.
 *
 * An entry is one line of JSON, the header (format, cache version, key,
 * producer, file, the size of the facts and the directory stamps), then the
 * facts as facts_to_bin() writes them.  The list of files read is the
 * facts' own inputs, stored once: a lookup decodes the facts before it
 * compares the inputs, which for a stale entry is wasted, but a stale
 * entry is followed by a parse that costs a hundred times more.
 *
 * The file "last-run" in the directory is a hint, never a key: its
 * modification time is the start of the last run that found a source file
 * newer than it.  A run whose source files are all older expects to parse
 * nothing (see cache_expect_parse()).
 *
 * Entries are written to a temporary file and renamed into place: a killed
 * run leaves the old entry or the new one, never half of one.  An entry
 * that does not parse, belongs to another key or version, or lists a file
 * that changed is ignored and rebuilt.  The directory holds a ".gitignore"
 * of "*", so it never shows up in version control.
 *
 * Thread-safe: workers share one struct cache.
 */
#ifndef SW_CACHE_H
#define SW_CACHE_H

#include "facts/facts.h"

#include <stddef.h>
#include <time.h>

#define SW_CACHE_DIRNAME ".syncwise-cache"

struct cache;

/*
 * A cache in dir (created on the first store).  tool names the producer of
 * the facts beyond syncwise's own version (the libclang version string):
 * entries made by another tool string are ignored.  Never fails; problems
 * show when entries are stored.
 */
struct cache *cache_new(const char *dir, const char *tool);
void cache_free(struct cache *c);

/* The directory, borrowed. */
const char *cache_dir(const struct cache *c);

/*
 * The cached facts of file compiled with args in directory, when the entry
 * exists, is intact and every file it lists is unchanged; else NULL.
 * Caller frees the facts with facts_tu_free().
 */
struct fact_tu *cache_get(struct cache *c, const char *file,
                          const char *directory, const char *const *args,
                          size_t nargs);

/*
 * Stores tu (which must list its inputs) as the entry for file, args and
 * directory, atomically.  Returns 0, or -1 when the entry cannot be
 * written (the first such failure of a cache prints one warning).
 */
int cache_put(struct cache *c, const char *file, const char *directory,
              const char *const *args, size_t nargs, const struct fact_tu *tu);

/*
 * The same, with tu's facts already serialised: bin is the len bytes
 * facts_to_bin(tu, &len) returns (borrowed), or NULL to have them made
 * here.
 */
int cache_put_bin(struct cache *c, const char *file, const char *directory,
                  const char *const *args, size_t nargs,
                  const struct fact_tu *tu, const void *bin, size_t len);

/*
 * A guess, before the lookups, at whether this run will parse: 1 when one
 * of the n source files (main files; a header edit is not seen) was
 * modified since the start of the last run that recorded one (or there is
 * no such run).  newer[i] is set to 1 for each such file (to 1 for all
 * when there is no such run).  Costs a stat() per file.  Only speed
 * depends on it: the lookups decide what is parsed.
 */
int cache_expect_parse(const struct cache *c, const char *const *files,
                       size_t n, unsigned char *newer);

/*
 * After a run for which cache_expect_parse() said 1: records started (the
 * run's start, as CLOCK_REALTIME) as the time of the last run, when the
 * cache directory exists.  Failures are ignored.
 */
void cache_note_run(const struct cache *c, const struct timespec *started);

/*
 * The default cache directory: SW_CACHE_DIRNAME beside the compilation
 * database at dbpath, or in the working directory when dbpath is NULL.
 * Caller frees.
 */
char *cache_default_dir(const char *dbpath);

#endif
