#include "engine/engine.h"

#include "common/xalloc.h"
#include "engine/suppress.h"
#include "program/program.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void engine_add_error(struct engine_result *r, const char *file,
                      const char *fmt, ...)
{
    struct engine_error *e;
    va_list ap;
    int n;
    if (r->nerrors == r->errors_cap)
        xgrow((void **)&r->errors, &r->errors_cap, r->nerrors + 1,
              sizeof(*r->errors));
    e = &r->errors[r->nerrors++];
    e->file = xstrdup(file ? file : "");
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    e->message = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(e->message, (size_t)n + 1, fmt, ap);
    va_end(ap);
}

void engine_result_release(struct engine_result *r)
{
    diags_release(&r->diags);
    for (size_t i = 0; i < r->nerrors; i++) {
        free(r->errors[i].file);
        free(r->errors[i].message);
    }
    free(r->errors);
    memset(r, 0, sizeof(*r));
}

/* Length of the matching pattern (code or prefix), 0 when none matches. */
static size_t best_match(const char *const *pats, size_t n, const char *code)
{
    size_t best = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(pats[i]);
        if (strcasecmp(pats[i], "ALL") == 0 && best == 0)
            best = 1;
        else if (len && strncasecmp(pats[i], code, len) == 0 && len + 1 > best)
            best = len + 1;
    }
    return best;
}

int engine_rule_enabled(const struct engine_opts *opts,
                        const struct rule_info *rule)
{
    size_t sel =
        opts->nselect ? best_match(opts->select, opts->nselect, rule->code) : 1;
    size_t ign = best_match(opts->ignore, opts->nignore, rule->code);
    if (!sel)
        return 0;
    return ign == 0 || sel > ign;
}

static int reported_file(const struct engine_opts *opts, const char *file)
{
    if (!opts->nonly)
        return 1;
    for (size_t i = 0; i < opts->nonly; i++)
        if (strcmp(opts->only[i], file) == 0)
            return 1;
    return 0;
}

/* Drops findings that the configuration of their file leaves out. */
static void filter_config(const struct engine_opts *opts,
                          struct sw_diags *found, struct engine_result *result)
{
    size_t out = 0;
    for (size_t i = 0; i < found->n; i++) {
        struct sw_diag *d = &found->items[i];
        const struct config *c = NULL;
        if (opts->configs) {
            char **errs = NULL;
            size_t nerrs = 0;
            c = config_set_lookup(opts->configs, d->file, &errs, &nerrs);
            for (size_t k = 0; k < nerrs; k++) {
                /* The file that failed is the one just looked at. */
                engine_add_error(
                    result,
                    config_set_failed(opts->configs,
                                      config_set_nfailed(opts->configs) - 1),
                    "%s", errs[k]);
                free(errs[k]);
            }
            free(errs);
        }
        if (config_excludes(c, d->file) ||
            (d->rule->check &&
             !config_rule_enabled(c, d->rule, opts->select, opts->nselect,
                                  opts->ignore, opts->nignore))) {
            diag_release(d);
            continue;
        }
        if (d->rule->check)
            d->level = config_level(c, d->rule);
        found->items[out++] = *d;
    }
    found->n = out;
}

/* Applies suppression comments; unused ones join found when asked for. */
static void filter_suppressions(const struct fact_tu *const *tus, size_t ntus,
                                const struct engine_opts *opts,
                                struct sw_diags *found,
                                struct engine_result *result)
{
    struct sw_diags unused = {0};
    const char **files = NULL;
    size_t nfiles = 0;
    if (opts->report_unused_ignores) {
        files = xcalloc(ntus + 1, sizeof(*files));
        for (size_t i = 0; i < ntus; i++)
            if (tus[i] && tus[i]->file && reported_file(opts, tus[i]->file))
                files[nfiles++] = tus[i]->file;
    }
    diags_sort(found);
    suppress_apply(found, opts->unsaved, opts->nunsaved,
                   (const char *const *)files, nfiles,
                   opts->report_unused_ignores ? &unused : NULL);
    /* Unused comments in excluded or unreported files are not news. */
    filter_config(opts, &unused, result);
    for (size_t i = 0; i < unused.n; i++) {
        if (!reported_file(opts, unused.items[i].file)) {
            diag_release(&unused.items[i]);
            continue;
        }
        if (found->n == found->cap)
            xgrow((void **)&found->items, &found->cap, found->n + 1,
                  sizeof(*found->items));
        found->items[found->n++] = unused.items[i];
    }
    free(unused.items);
    free(files);
}

void engine_check(const struct fact_tu *const *tus, size_t ntus,
                  const struct catalog *cat, const struct engine_opts *opts,
                  struct engine_result *result)
{
    double t0 = sw_now();
    struct program *prog = program_build(cat, tus, ntus);
    double t1 = sw_now();
    struct sw_diags found = {0}, kept = {0};
    char *cwd = getcwd(NULL, 0);

    result->nfiles += ntus;
    result->nfunctions += prog->nfuncs;
    for (size_t i = 0; i < sw_nrules; i++) {
        const struct rule_info *r = &sw_rules[i];
        struct rule_ctx ctx = {prog, cat, r, &found, opts->include_local_io};
        if (!r->check || !engine_rule_enabled(opts, r))
            continue;
        r->check(&ctx);
    }
    if (opts->stats) {
        opts->stats->link_s += t1 - t0;
        opts->stats->rules_s += sw_now() - t1;
    }
    /* Keep what is in the files asked about. */
    for (size_t i = 0; i < found.n; i++) {
        if (reported_file(opts, found.items[i].file) ||
            (found.items[i].origin &&
             reported_file(opts, found.items[i].origin))) {
            if (kept.n == kept.cap)
                xgrow((void **)&kept.items, &kept.cap, kept.n + 1,
                      sizeof(*kept.items));
            kept.items[kept.n++] = found.items[i];
        } else {
            diag_release(&found.items[i]);
        }
    }
    free(found.items);
    filter_config(opts, &kept, result);
    if (opts->suppress)
        filter_suppressions(tus, ntus, opts, &kept, result);
    for (size_t i = 0; i < kept.n; i++)
        diag_fingerprint(&kept.items[i], cwd);
    baseline_filter(opts->baseline, &kept);
    for (size_t i = 0; i < kept.n; i++) {
        if (result->diags.n == result->diags.cap)
            xgrow((void **)&result->diags.items, &result->diags.cap,
                  result->diags.n + 1, sizeof(*result->diags.items));
        result->diags.items[result->diags.n++] = kept.items[i];
    }
    free(kept.items);
    diags_sort(&result->diags);
    free(cwd);
    program_free(prog);
}

/* Checks that a source file can be read before libclang tries it. */
static int check_readable(const char *file, struct engine_result *result)
{
    struct stat st;
    int fd;
    if (stat(file, &st) < 0) {
        engine_add_error(result, file, "cannot read '%s': %s", file,
                         strerror(errno));
        return 0;
    }
    if (S_ISDIR(st.st_mode)) {
        engine_add_error(result, file, "'%s' is a directory, not a source file",
                         file);
        return 0;
    }
    fd = open(file, O_RDONLY);
    if (fd < 0) {
        engine_add_error(result, file, "cannot read '%s': %s", file,
                         strerror(errno));
        return 0;
    }
    close(fd);
    return 1;
}

/* The limits of e's parse: command line, configuration, default. */
static void file_limits(void *data, const struct compdb_entry *e,
                        struct parse_limits *lim)
{
    const struct engine_opts *opts = data;
    const struct config *c = NULL;
    if (opts->configs && (opts->tu_timeout < 0 || opts->tu_memory < 0)) {
        char **errs = NULL;
        size_t nerrs = 0;
        /* Reported when the configurations were loaded. */
        c = config_set_lookup(opts->configs, e->file, &errs, &nerrs);
        for (size_t i = 0; i < nerrs; i++)
            free(errs[i]);
        free(errs);
    }
    if (opts->tu_timeout >= 0)
        lim->timeout_s = (unsigned)opts->tu_timeout;
    else if (c && c->tu_timeout >= 0)
        lim->timeout_s = (unsigned)c->tu_timeout;
    else
        lim->timeout_s = PARSE_DEFAULT_TIMEOUT;
    if (opts->tu_memory >= 0)
        lim->memory_mib = (unsigned)opts->tu_memory;
    else if (c && c->tu_memory >= 0)
        lim->memory_mib = (unsigned)c->tu_memory;
    else
        lim->memory_mib = parse_default_memory(
            opts->jobs > 0 ? opts->jobs : parse_default_jobs());
}

void engine_run(const struct compdb *db, const struct catalog *cat,
                const struct engine_opts *opts, struct engine_result *result)
{
    struct compdb ok = {0};
    struct fact_tu **tus;
    struct parse_opts po;
    double t0;

    memset(&po, 0, sizeof(po));
    po.jobs = opts->jobs;
    po.unsaved = opts->unsaved;
    po.nunsaved = opts->nunsaved;
    po.progress = opts->progress;
    po.progress_data = opts->progress_data;
    po.cache_dir = opts->cache_dir;
    po.stats = opts->stats;
    po.isolate = opts->isolate;
    po.skip_inputs = 1; /* only the cache needs them */
    po.limits_for = file_limits;
    po.limits_data = (void *)opts;
    po.early = opts->early;

    /* Parse only the entries whose files exist (borrowed, not copied). */
    ok.items = xcalloc(db->n ? db->n : 1, sizeof(*ok.items));
    for (size_t i = 0; i < db->n; i++) {
        int in_unsaved = 0;
        for (size_t u = 0; u < opts->nunsaved; u++)
            if (strcmp(opts->unsaved[u].path, db->items[i].file) == 0)
                in_unsaved = 1;
        if (in_unsaved || check_readable(db->items[i].file, result))
            ok.items[ok.n++] = db->items[i];
    }
    tus = xcalloc(ok.n ? ok.n : 1, sizeof(*tus));
    t0 = sw_now();
    parse_all(&ok, &po, tus);
    if (opts->stats)
        opts->stats->files_s += sw_now() - t0;
    engine_check((const struct fact_tu *const *)tus, ok.n, cat, opts, result);
    for (size_t i = 0; i < ok.n; i++)
        facts_tu_free(tus[i]);
    free(tus);
    free(ok.items);
}
