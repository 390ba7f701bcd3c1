/*
 * Configuration: .syncwise.json files (SPEC 3.3).  Like .clang-tidy, the
 * nearest .syncwise.json from a file's directory upward applies to the
 * findings in that file; `--config FILE` makes one file apply to all.
 *
 * A configuration is one JSON object with these keys, all optional:
 *
 *   select    array of rule codes, prefixes ("SW2") or names
 *   ignore    same, rules to leave out (the longest match wins)
 *   levels    object: code or prefix -> "note" | "warning" | "error"
 *   exclude   array of globs, relative to the config's directory
 *   catalogs  array of catalog file paths (relative to the config's
 *             directory) and inline catalog objects, or one inline object
 *   options   object: rule code -> object of rule options
 *   tu-timeout  seconds one translation unit's parse may take (0: no limit)
 *   tu-memory   MiB one translation unit's parse may use (0: no limit)
 *
 * The limits apply to the translation units whose main file the
 * configuration covers (frontend/parse.h); the command line's
 * --tu-timeout and --tu-memory override them.
 *
 * Unknown keys, wrong types and unknown rule codes are errors naming the
 * file and the key.
 */
#ifndef SW_CONFIG_H
#define SW_CONFIG_H

#include "engine/diag.h"

#include <stddef.h>

struct rule_info;

struct config_level {
    char *pattern;       /* code, prefix or name, as written */
    enum sw_level level; /* the level findings get */
};

struct config_catalog {
    char *json;   /* the catalog document (JSON text) */
    char *origin; /* where it comes from, for messages */
};

struct config {
    char *path;     /* absolute path of the file */
    char *display;  /* path as messages show it */
    char *dir;      /* absolute directory of the file */
    int has_select; /* 1 when "select" was given */
    char **select;  /* patterns */
    size_t nselect;
    char **ignore; /* patterns */
    size_t nignore;
    struct config_level *levels; /* per-rule level overrides */
    size_t nlevels;
    char **exclude; /* globs, relative to dir */
    size_t nexclude;
    struct config_catalog *catalogs; /* extra catalogs, in order */
    size_t ncatalogs;
    int include_local_io; /* options SW303/SW304 "include-local-io" */
    long tu_timeout;      /* "tu-timeout" in seconds; -1: not given */
    long tu_memory;       /* "tu-memory" in MiB; -1: not given */
};

/*
 * Reads and validates one configuration file.  Returns it (caller frees
 * with config_free()), or NULL after appending one message per problem to
 * errs (caller-owned malloc'd strings, *nerrs entries).
 */
struct config *config_load(const char *path, char ***errs, size_t *nerrs);

/* Parses configuration text; path names it in messages and sets dir. */
struct config *config_parse(const char *text, const char *path, char ***errs,
                            size_t *nerrs);
void config_free(struct config *c);

/* 1 when pattern is ALL, a rule code, a prefix of one, or a rule name. */
int config_valid_pattern(const char *pattern);

/* 1 when file (absolute) matches one of the config's exclude globs. */
int config_excludes(const struct config *c, const char *file);

/*
 * 1 when the rule is reported in files this config applies to.
 * cli_select/cli_ignore come from the command line: a command-line select
 * replaces the config's, ignores add up; the longest match wins.  c may be
 * NULL (no configuration).
 */
int config_rule_enabled(const struct config *c, const struct rule_info *rule,
                        const char *const *cli_select, size_t ncli_select,
                        const char *const *cli_ignore, size_t ncli_ignore);

/* The level of a finding of rule in files under c (default: the rule's). */
enum sw_level config_level(const struct config *c,
                           const struct rule_info *rule);

/*
 * A set of configurations: one override (--config) or per-directory
 * discovery with a cache.  Not thread-safe.
 */
struct config_set;

/*
 * override is the --config path, or NULL for discovery.  Returns NULL
 * after appending messages to errs when the override cannot be loaded.
 */
struct config_set *config_set_new(const char *override, char ***errs,
                                  size_t *nerrs);
void config_set_free(struct config_set *s);

/*
 * The configuration that applies to file (absolute path), or NULL when
 * none does.  A file that fails to load is reported once, appending
 * messages to errs, and then treated as absent: the next one up applies.
 */
const struct config *config_set_lookup(struct config_set *s, const char *file,
                                       char ***errs, size_t *nerrs);

/*
 * Loads the catalogs of one configuration into cat.  Returns 0, or -1
 * after appending the catalog loader's messages to errs (bad entries are
 * skipped, the rest is loaded).
 */
struct catalog;
int config_load_catalogs(const struct config *c, struct catalog *cat,
                         char ***errs, size_t *nerrs);

/*
 * The same for every configuration loaded so far, in load order (look up
 * the files of a run first).
 */
int config_set_load_catalogs(const struct config_set *s, struct catalog *cat,
                             char ***errs, size_t *nerrs);

/* 1 when a loaded configuration turns the include-local-io option on. */
int config_set_include_local_io(const struct config_set *s);

/* Configuration files that failed to load, in order (borrowed). */
size_t config_set_nfailed(const struct config_set *s);
const char *config_set_failed(const struct config_set *s, size_t i);

/* The configurations loaded so far, in load order (borrowed). */
size_t config_set_count(const struct config_set *s);
const struct config *config_set_get(const struct config_set *s, size_t i);

#endif
