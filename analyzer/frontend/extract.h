/*
 * The libclang front end: parses one translation unit and lowers it into
 * facts (facts/facts.h).  This and parse.c are the only places that include
 * <clang-c/Index.h>.
 */
#ifndef SW_EXTRACT_H
#define SW_EXTRACT_H

#include "facts/facts.h"

#include <stddef.h>

/* An unsaved buffer that replaces a file's contents on disk (editors). */
struct sw_unsaved {
    const char *path;     /* absolute path of the file it replaces */
    const char *contents; /* the buffer; borrowed */
    size_t length;        /* bytes in contents */
};

/*
 * Parses file with args (compiler arguments without the compiler name and
 * without the file), using the CXIndex idx (a CXIndex passed as void * so
 * callers need not include libclang).  directory is the compile's working
 * directory, for the record only: paths in args must already be absolute
 * (compdb_add() makes them so), because libclang's own -working-directory
 * changes the directory of the whole process.  Always returns facts: when
 * libclang fails, the facts say so (parse_failed, first_error) and hold
 * whatever could be extracted.
 */
struct fact_tu *extract_tu(void *idx, const char *file, const char *directory,
                           const char *const *args, size_t nargs,
                           const struct sw_unsaved *unsaved, size_t nunsaved);

/*
 * The same, with flags: EXTRACT_INPUTS records the files the parse read
 * with their hashes (fact_tu.inputs, for the cache; listing and hashing
 * them costs about a sixth of a parse).  extract_tu() sets it.
 */
#define EXTRACT_INPUTS 1u
struct fact_tu *extract_tu_flags(void *idx, const char *file,
                                 const char *directory, const char *const *args,
                                 size_t nargs, const struct sw_unsaved *unsaved,
                                 size_t nunsaved, unsigned flags);

/* The message of a TU whose parse crashed (libclang's or its process's). */
#define EXTRACT_CRASHED "libclang crashed while parsing this file"

/*
 * Creates and disposes a libclang index (one per worker thread).  The first
 * call loads libclang (frontend/libclang.h); when that fails it returns
 * NULL, and extract_tu*() given NULL return a failed TU that says why.
 */
void *extract_index_new(void);
void extract_index_free(void *idx);

/*
 * The libclang version string, e.g. "clang version 14.0.6" (loads libclang;
 * the reason when it cannot be loaded); caller frees.
 */
char *extract_clang_version(void);

/*
 * Which libclang would parse, without loading it (for the cache key);
 * caller frees.
 */
char *extract_clang_identity(void);

/* Loads libclang now (once per process), for processes forked later. */
void extract_preload(void);

#endif
