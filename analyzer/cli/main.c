/*
 * The syncwise command line (clang-tidy and ruff conventions):
 *
 *   syncwise [check] [options] [FILE...] [-- COMPILER_ARGS...]
 *   syncwise rules | explain CODE | --version | --help
 */
#include "advise/advise.h"
#include "buildact/buildact.h"
#include "cache/cache.h"
#include "catalog/catalog.h"
#include "common/xalloc.h"
#include "config/config.h"
#include "engine/baseline.h"
#include "engine/engine.h"
#include "frontend/compdb.h"
#include "frontend/extract.h"
#include "frontend/parse.h"
#include "frontend/worker.h"
#include "lsp/lsp.h"
#include "report/report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXIT_FINDINGS 1
#define EXIT_USAGE 2

static const char usage_text[] =
    "usage: syncwise [check] [options] [FILE...] [-- COMPILER_ARGS...]\n"
    "       syncwise rules\n"
    "       syncwise explain CODE\n"
    "       syncwise extract FILE -o OUT.facts -- COMPILER_ARGS\n"
    "       syncwise link FACTS... [--list FILE]\n"
    "\n"
    "Finds where C code needs async and where it does not: blocking calls on\n"
    "event loops, non-thread-safe calls in threads, and more (see 'syncwise\n"
    "rules').  Files come from a compilation database "
    "(compile_commands.json);\n"
    "FILE arguments restrict the report to those files while the whole\n"
    "database still feeds cross-file facts.\n"
    "\n"
    "options:\n"
    "  -p DIR              read DIR/compile_commands.json (default: look in\n"
    "                      the working directory, build/, and parents)\n"
    "  -- ARGS             analyse FILEs with these compiler arguments and no\n"
    "                      compilation database\n"
    "  --format FORMAT     text (default), json or sarif (SARIF 2.1.0)\n"
    "  -o FILE             write the report to FILE instead of stdout\n"
    "  --select CODES      only these rules: codes or prefixes, "
    "comma-separated\n"
    "                      (SW2,SW303)\n"
    "  --ignore CODES      leave out these rules or prefixes\n"
    "  --config FILE       use this configuration for every file (default:\n"
    "                      the nearest .syncwise.json above each file)\n"
    "  --baseline FILE     report only findings that FILE does not record\n"
    "  --write-baseline FILE\n"
    "                      record the current findings in FILE and exit\n"
    "  --report-unused-ignores\n"
    "                      report 'syncwise: ignore' comments that silence\n"
    "                      nothing\n"
    "  --fail-on LEVEL     exit 1 when a finding is at or above LEVEL: note,\n"
    "                      warning (default), error, never\n"
    "  --include-local-io  also report local file I/O on event loops (SW303)\n"
    "  -j N                parse N files in parallel (default: all cores)\n"
    "  --tu-timeout SECONDS\n"
    "                      skip (SW900) a file whose parse takes longer\n"
    "                      (default: 120; 0: no limit)\n"
    "  --tu-memory MIB     skip (SW900) a file whose parse needs more memory\n"
    "                      (default: the machine's memory / (jobs + 1); 0:\n"
    "                      no limit)\n"
    "  --color WHEN        auto (default), always, never\n"
    "  --progress WHEN     a progress line on stderr: auto (default: when\n"
    "                      stderr is a terminal), always, never\n"
    "  --dump-facts        print the facts extracted from each file (JSON)\n"
    "  --cache-dir DIR     facts cache (default: .syncwise-cache beside\n"
    "                      compile_commands.json)\n"
    "  --no-cache          neither read nor write the facts cache\n"
    "  --stats             print how many files were parsed and cached\n"
    "  --version           print the version and exit\n"
    "  -h, --help          print this help and exit\n"
    "\n"
    "exit status: 0 no findings at or above --fail-on, 1 findings, 2 usage,\n"
    "configuration or input errors.\n";

struct cli {
    const char *command;        /* check, rules, explain */
    const char *dbdir;          /* -p */
    const char *format;         /* text, json */
    const char *output;         /* -o */
    const char *color;          /* auto, always, never */
    const char *progress;       /* auto, always, never */
    const char *config;         /* --config */
    const char *baseline;       /* --baseline */
    const char *write_baseline; /* --write-baseline */
    int report_unused;          /* --report-unused-ignores */
    int fail_on;                /* level index, or SW_LEVEL_COUNT for never */
    int jobs;                   /* -j */
    long tu_timeout;            /* --tu-timeout; -1: not given */
    long tu_memory;             /* --tu-memory; -1: not given */
    int dump_facts;             /* --dump-facts */
    int include_local_io;       /* --include-local-io */
    const char *cache_dir;      /* --cache-dir */
    int no_cache;               /* --no-cache */
    int stats;                  /* --stats */
    int have_dashdash;          /* "--" given */
    char **files;               /* FILE arguments */
    size_t nfiles;
    char **cargs; /* compiler arguments after "--" */
    size_t ncargs;
    char **select, **ignore; /* split lists */
    size_t nselect, nignore;
};

static void error_line(const char *fmt, const char *a, const char *b)
{
    fprintf(stderr, "syncwise: error: ");
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
}

static int usage_error(const char *fmt, const char *a)
{
    error_line(fmt, a, NULL);
    fprintf(stderr, "Try 'syncwise --help' for more information.\n");
    return EXIT_USAGE;
}
static const char *need_value(int argc, char **argv, int *i)
{
    if (*i + 1 >= argc)
        return NULL;
    return argv[++*i];
}

/*
 * 1 when argv[*i] is flag (value in *v, from "--flag=V" or the next
 * argument), 0 when it is not, -1 when the value is missing.
 */
static int flag_value(int argc, char **argv, int *i, const char *flag,
                      const char **v)
{
    const char *a = argv[*i];
    size_t n = strlen(flag);
    if (strncmp(a, flag, n) != 0)
        return 0;
    if (a[n] == '=') {
        *v = a + n + 1;
        return 1;
    }
    if (a[n])
        return 0;
    if (*i + 1 >= argc) {
        usage_error("option '%s' needs a value", flag);
        return -1;
    }
    *v = argv[++*i];
    return 1;
}

/* A whole number from 0 to max, or -1. */
static long parse_limit(const char *s, long max)
{
    char *end;
    long v;
    if (*s < '0' || *s > '9')
        return -1;
    errno = 0;
    v = strtol(s, &end, 10);
    return *end || errno || v > max ? -1 : v;
}

/* Returns -1 to continue, or an exit code. */
static int parse_args(struct cli *c, int argc, char **argv)
{
    int i = 1;
    c->format = "text";
    c->color = "auto";
    c->progress = "auto";
    c->fail_on = SW_LEVEL_WARNING;
    c->command = "check";
    c->tu_timeout = -1;
    c->tu_memory = -1;
    if (argc > 1 &&
        (strcmp(argv[1], "check") == 0 || strcmp(argv[1], "rules") == 0 ||
         strcmp(argv[1], "explain") == 0)) {
        c->command = argv[1];
        i = 2;
    }
    for (; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        int k;
        if (strcmp(a, "--") == 0) {
            c->have_dashdash = 1;
            c->cargs = argv + i + 1;
            c->ncargs = (size_t)(argc - i - 1);
            break;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage_text, stdout);
            return 0;
        }
        if (strcmp(a, "--version") == 0) {
            char *v2 = extract_clang_version();
            printf("syncwise %s (%s)\n", SYNCWISE_VERSION, v2);
            free(v2);
            return 0;
        }
        if (strcmp(a, "--dump-facts") == 0) {
            c->dump_facts = 1;
            continue;
        }
        if (strcmp(a, "--no-cache") == 0) {
            c->no_cache = 1;
            continue;
        }
        if (strcmp(a, "--stats") == 0) {
            c->stats = 1;
            continue;
        }
        if ((k = flag_value(argc, argv, &i, "--cache-dir", &v))) {
            if (k < 0)
                return EXIT_USAGE;
            c->cache_dir = v;
            continue;
        }
        if (strcmp(a, "--include-local-io") == 0) {
            c->include_local_io = 1;
            continue;
        }
        if (strcmp(a, "--report-unused-ignores") == 0) {
            c->report_unused = 1;
            continue;
        }
        if ((k = flag_value(argc, argv, &i, "--config", &v))) {
            if (k < 0)
                return EXIT_USAGE;
            c->config = v;
            continue;
        }
        if ((k = flag_value(argc, argv, &i, "--baseline", &v))) {
            if (k < 0)
                return EXIT_USAGE;
            c->baseline = v;
            continue;
        }
        if ((k = flag_value(argc, argv, &i, "--write-baseline", &v))) {
            if (k < 0)
                return EXIT_USAGE;
            c->write_baseline = v;
            continue;
        }
        if ((k = flag_value(argc, argv, &i, "--progress", &v))) {
            if (k < 0)
                return EXIT_USAGE;
            if (strcmp(v, "auto") && strcmp(v, "always") && strcmp(v, "never"))
                return usage_error(
                    "--progress: '%s' is not one of auto, always, never", v);
            c->progress = v;
            continue;
        }
        if (strncmp(a, "-p", 2) == 0) {
            if (a[2])
                c->dbdir = a + 2;
            else if (!(c->dbdir = need_value(argc, argv, &i)))
                return usage_error("option '%s' needs a value", "-p");
            continue;
        }
        if (strcmp(a, "-j") == 0 || (strncmp(a, "-j", 2) == 0 && a[2])) {
            const char *n = a[2] ? a + 2 : need_value(argc, argv, &i);
            char *end;
            long j;
            if (!n)
                return usage_error("option '%s' needs a value", "-j");
            j = strtol(n, &end, 10);
            if (*end || j < 1 || j > 1024)
                return usage_error("-j: '%s' is not a number of jobs (1-1024)",
                                   n);
            c->jobs = (int)j;
            continue;
        }
        if ((k = flag_value(argc, argv, &i, "--tu-timeout", &v))) {
            if (k < 0)
                return EXIT_USAGE;
            if ((c->tu_timeout = parse_limit(v, 86400)) < 0)
                return usage_error("--tu-timeout: '%s' is not a number of "
                                   "seconds (0-86400; 0: no limit)",
                                   v);
            continue;
        }
        if ((k = flag_value(argc, argv, &i, "--tu-memory", &v))) {
            if (k < 0)
                return EXIT_USAGE;
            if ((c->tu_memory = parse_limit(v, 1L << 20)) < 0)
                return usage_error("--tu-memory: '%s' is not a number of MiB "
                                   "(0-1048576; 0: no limit)",
                                   v);
            continue;
        }
        if (strcmp(a, "-o") == 0) {
            if (!(c->output = need_value(argc, argv, &i)))
                return usage_error("option '%s' needs a value", "-o");
            continue;
        }
        if ((k = flag_value(argc, argv, &i, "--format", &v))) {
            if (k < 0)
                return EXIT_USAGE;
            if (strcmp(v, "text") != 0 && strcmp(v, "json") != 0 &&
                strcmp(v, "sarif") != 0)
                return usage_error(
                    "--format: '%s' is not a format (text, json or sarif)", v);
            c->format = v;
            continue;
        }
        if ((k = flag_value(argc, argv, &i, "--color", &v))) {
            if (k < 0)
                return EXIT_USAGE;
            if (strcmp(v, "auto") && strcmp(v, "always") && strcmp(v, "never"))
                return usage_error(
                    "--color: '%s' is not one of auto, always, never", v);
            c->color = v;
            continue;
        }
        if ((k = flag_value(argc, argv, &i, "--fail-on", &v))) {
            if (k < 0)
                return EXIT_USAGE;
            if (strcmp(v, "never") == 0)
                c->fail_on = SW_LEVEL_COUNT;
            else if ((c->fail_on = sw_level_parse(v)) < 0)
                return usage_error("--fail-on: '%s' is not one of note, "
                                   "warning, error, never",
                                   v);
            continue;
        }
        if ((k = flag_value(argc, argv, &i, "--select", &v))) {
            if (k < 0)
                return EXIT_USAGE;
            if (rules_parse_list(v, &c->select, &c->nselect, "--select") < 0)
                return EXIT_USAGE;
            continue;
        }
        if ((k = flag_value(argc, argv, &i, "--ignore", &v))) {
            if (k < 0)
                return EXIT_USAGE;
            if (rules_parse_list(v, &c->ignore, &c->nignore, "--ignore") < 0)
                return EXIT_USAGE;
            continue;
        }
        if (a[0] == '-' && a[1])
            return usage_error("unknown option '%s'", a);
        c->files = xrealloc(c->files, (c->nfiles + 1) * sizeof(char *));
        c->files[c->nfiles++] = argv[i];
    }
    return -1;
}

static int cmd_rules(void)
{
    printf("%-6s  %-32s  %-8s  %s\n", "code", "name", "level", "summary");
    for (size_t i = 0; i < sw_nrules; i++)
        printf("%-6s  %-32s  %-8s  %s\n", sw_rules[i].code, sw_rules[i].name,
               sw_level_name(sw_rules[i].level), sw_rules[i].summary);
    return 0;
}

static int cmd_explain(struct cli *c)
{
    const struct rule_info *r;
    const char *doc;
    if (c->nfiles != 1)
        return usage_error("explain needs one rule code, e.g. '%s'",
                           "syncwise explain SW303");
    r = rules_find(c->files[0]);
    if (!r) {
        fprintf(stderr,
                "syncwise: error: '%s' is not a rule (see 'syncwise rules')\n",
                c->files[0]);
        return EXIT_USAGE;
    }
    doc = rules_doc(r);
    if (!doc) {
        printf("%s %s: %s\n", r->code, r->name, r->summary);
        return 0;
    }
    fputs(doc, stdout);
    return 0;
}

/* Arguments for a FILE missing from the database: a neighbour's. */
static const struct compdb_entry *neighbour(const struct compdb *db,
                                            const char *file)
{
    const char *slash = strrchr(file, '/');
    size_t n = slash ? (size_t)(slash - file) : 0;
    for (size_t i = 0; i < db->n; i++) {
        const char *s = strrchr(db->items[i].file, '/');
        if (s && (size_t)(s - db->items[i].file) == n &&
            strncmp(db->items[i].file, file, n) == 0)
            return &db->items[i];
    }
    return db->n ? &db->items[0] : NULL;
}

static int build_db(struct cli *c, struct compdb *db, char ***only,
                    size_t *nonly, struct engine_result *res)
{
    char *cwd = getcwd(NULL, 0);
    int rc = 0;
    if (c->have_dashdash) {
        if (!c->nfiles) {
            free(cwd);
            return usage_error("'--' needs FILE arguments before it, e.g. "
                               "'%s'",
                               "syncwise main.c -- -Iinclude");
        }
        for (size_t i = 0; i < c->nfiles; i++) {
            compdb_add(db, c->files[i], cwd, c->cargs, c->ncargs);
            *only = xrealloc(*only, (*nonly + 1) * sizeof(char *));
            (*only)[(*nonly)++] = path_absolute(c->files[i], cwd);
        }
        free(cwd);
        return 0;
    }
    {
        char *path, *err = NULL, **warns = NULL;
        size_t nwarns = 0;
        if (c->dbdir)
            path = xasprintf("%s/compile_commands.json", c->dbdir);
        else
            path = compdb_find(cwd);
        if (!path) {
            fprintf(stderr,
                    "syncwise: error: no compile_commands.json in '%s', its "
                    "build/ or its parents; pass -p DIR, or FILE... -- "
                    "COMPILER_ARGS\n",
                    cwd);
            free(cwd);
            return EXIT_USAGE;
        }
        if (compdb_load(db, path, &err, &warns, &nwarns) < 0) {
            fprintf(stderr, "syncwise: error: %s\n", err);
            free(err);
            free(path);
            free(cwd);
            return EXIT_USAGE;
        }
        for (size_t i = 0; i < nwarns; i++) {
            engine_add_error(res, path, "%s", warns[i]);
            free(warns[i]);
        }
        free(warns);
        free(path);
    }
    for (size_t i = 0; i < c->nfiles; i++) {
        char *abs = path_absolute(c->files[i], cwd);
        int found = 0;
        for (size_t j = 0; j < db->n && !found; j++)
            found = strcmp(db->items[j].file, abs) == 0;
        if (!found) {
            const struct compdb_entry *nb = neighbour(db, abs);
            if (access(abs, R_OK) != 0) {
                engine_add_error(res, abs, "cannot read '%s': %s", c->files[i],
                                 strerror(errno));
                free(abs);
                continue;
            }
            compdb_add(db, abs, nb ? nb->directory : cwd, nb ? nb->args : NULL,
                       nb ? nb->nargs : 0);
        }
        *only = xrealloc(*only, (*nonly + 1) * sizeof(char *));
        (*only)[(*nonly)++] = abs;
    }
    if (c->nfiles && !*nonly)
        rc = 0; /* every FILE was unreadable: errors say so */
    free(cwd);
    return rc;
}

static int dump_facts(const struct cli *c, const struct compdb *db, char **only,
                      size_t nonly, int jobs, FILE *out)
{
    struct parse_opts po;
    struct fact_tu **tus = xcalloc(db->n ? db->n : 1, sizeof(*tus));
    int first = 1;
    memset(&po, 0, sizeof(po));
    po.jobs = jobs;
    po.skip_inputs = 1; /* the dump leaves them out */
    po.isolate = 1;
    po.limits.timeout_s =
        c->tu_timeout >= 0 ? (unsigned)c->tu_timeout : PARSE_DEFAULT_TIMEOUT;
    po.limits.memory_mib =
        c->tu_memory >= 0
            ? (unsigned)c->tu_memory
            : parse_default_memory(jobs > 0 ? jobs : parse_default_jobs());
    parse_all(db, &po, tus);
    fputs("[\n", out);
    for (size_t i = 0; i < db->n; i++) {
        int want = !nonly;
        for (size_t k = 0; k < nonly; k++)
            want |= strcmp(only[k], db->items[i].file) == 0;
        if (want) {
            char *s = facts_to_json(tus[i], 1);
            fprintf(out, "%s%s", first ? "" : ",\n", s);
            free(s);
            first = 0;
        }
        facts_tu_free(tus[i]);
    }
    fputs("\n]\n", out);
    free(tus);
    return 0;
}

/*
 * Subcommands implemented in their own modules (syncwise NAME ...): each
 * gets argv from its own name on and returns the exit status.  check,
 * rules and explain are handled below.
 */
struct command {
    const char *name;                  /* "lsp", "extract", ... */
    int (*run)(int argc, char **argv); /* argv[0] is the name */
};

static int cmd_rules_argv(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return cmd_rules();
}

static const struct command commands[] = {
    {"rules", cmd_rules_argv},
    {"advise", advise_main},
    {"lsp", lsp_main},
    {"extract", buildact_extract_main},
    {"link", buildact_link_main},
};

static void cli_release(struct cli *c)
{
    for (size_t i = 0; i < c->nselect; i++)
        free(c->select[i]);
    for (size_t i = 0; i < c->nignore; i++)
        free(c->ignore[i]);
    free(c->select);
    free(c->ignore);
    free(c->files);
}

/* Progress line on stderr: "[37/228] src/server.c". */
struct progress {
    const char *base; /* paths are shown relative to it */
    int tty;          /* 1: rewrite one line; 0: one line per file */
    int shown;        /* 1 once something was printed */
};

static void progress_show(void *data, size_t done, size_t total,
                          const char *file)
{
    struct progress *p = data;
    char *rel = p->base ? path_relative(file, p->base) : xstrdup(file);
    if (p->tty)
        fprintf(stderr, "\r[%zu/%zu] %s\033[K", done, total, rel);
    else
        fprintf(stderr, "[%zu/%zu] %s\n", done, total, rel);
    fflush(stderr);
    p->shown = 1;
    free(rel);
}

static void print_errors(char **errs, size_t nerrs)
{
    for (size_t i = 0; i < nerrs; i++) {
        fprintf(stderr, "syncwise: error: %s\n", errs[i]);
        free(errs[i]);
    }
    free(errs);
}

/* Moves messages into the result's errors, about file. */
static void errors_to_result(struct engine_result *res, const char *file,
                             char **errs, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        engine_add_error(res, file, "%s", errs[i]);
        free(errs[i]);
    }
}

/*
 * Loads the configurations that apply to the files of db (or the --config
 * one), and adds their catalogs to cat.  A --config file that cannot be
 * loaded stops the run (EXIT_USAGE, errors printed).  Problems in
 * discovered files and in catalogs are recorded in res, so that they are
 * reported (exit status 2) while the rest of the analysis runs: a broken
 * .syncwise.json is treated as absent, a bad catalog entry is skipped.
 */
static int setup_config(struct cli *c, const struct compdb *db,
                        struct catalog *cat, struct config_set **out,
                        struct engine_result *res)
{
    char **errs = NULL;
    size_t nerrs = 0;
    struct config_set *s = config_set_new(c->config, &errs, &nerrs);
    if (!s) {
        print_errors(errs, nerrs);
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < db->n; i++) {
        size_t before = nerrs;
        config_set_lookup(s, db->items[i].file, &errs, &nerrs);
        if (nerrs > before)
            errors_to_result(res,
                             config_set_failed(s, config_set_nfailed(s) - 1),
                             errs, before, nerrs);
    }
    /* Catalogs and options of every configuration involved, once each. */
    for (size_t i = 0; i < config_set_count(s); i++) {
        size_t before = nerrs;
        config_load_catalogs(config_set_get(s, i), cat, &errs, &nerrs);
        errors_to_result(res, config_set_get(s, i)->path, errs, before, nerrs);
    }
    c->include_local_io |= config_set_include_local_io(s);
    free(errs);
    *out = s;
    return 0;
}

int main(int argc, char **argv)
{
    struct cli c;
    struct compdb db = {0};
    struct catalog *cat;
    struct engine_result res;
    struct engine_opts eo;
    struct report_opts ro;
    struct config_set *configs = NULL;
    struct baseline *baseline = NULL;
    char **errs = NULL, **only = NULL;
    size_t nerrs = 0, nonly = 0;
    FILE *out = stdout;
    struct early_worker *early = NULL;
    int rc;

    /*
     * libclang parses on a thread of its own with an 8 MB stack unless told
     * not to; our workers have 64 MB, so deeply nested code fits.  Set
     * before any thread exists (setenv is not thread-safe).
     */
    setenv("LIBCLANG_NOTHREADS", "1", 0);
    memset(&c, 0, sizeof(c));
    memset(&res, 0, sizeof(res));
    if (argc > 1)
        for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
            if (strcmp(argv[1], commands[i].name) == 0)
                return commands[i].run(argc - 1, argv + 1);
    rc = parse_args(&c, argc, argv);
    if (rc < 0 && strcmp(c.command, "rules") == 0)
        rc = cmd_rules();
    else if (rc < 0 && strcmp(c.command, "explain") == 0)
        rc = cmd_explain(&c);
    if (rc >= 0) {
        cli_release(&c);
        return rc;
    }
    /*
     * A run with a cache and a core to spare forks its early worker now,
     * before the database and configuration are read, and it starts
     * loading libclang: when the run turns out to have a file to parse,
     * that worker is ready a few milliseconds sooner (parse_opts.early).
     */
    if (!c.dump_facts && !c.no_cache &&
        (c.jobs > 1 || (!c.jobs && parse_default_jobs() > 1)))
        early = worker_early_start(EXTRACT_INPUTS, 1);

    cat = catalog_new();
    if (catalog_load_builtin(cat, &errs, &nerrs) < 0) {
        for (size_t i = 0; i < nerrs; i++)
            fprintf(stderr, "syncwise: error: %s\n", errs[i]);
        worker_early_end(early);
        return EXIT_USAGE;
    }
    rc = build_db(&c, &db, &only, &nonly, &res);
    if (!rc && !c.dump_facts)
        rc = setup_config(&c, &db, cat, &configs, &res);
    if (!rc && c.baseline && !c.write_baseline && !c.dump_facts) {
        char *err = NULL;
        if (!(baseline = baseline_load(c.baseline, &err))) {
            fprintf(stderr, "syncwise: error: %s\n", err);
            free(err);
            rc = EXIT_USAGE;
        }
    }
    if (!rc && c.output && !(out = fopen(c.output, "w"))) {
        fprintf(stderr, "syncwise: error: cannot write '%s': %s\n", c.output,
                strerror(errno));
        out = stdout;
        rc = EXIT_USAGE;
    }
    if (rc) {
        worker_early_end(early); /* nothing to run */
    } else if (c.dump_facts) {
        rc = dump_facts(&c, &db, only, nonly, c.jobs, out);
    } else {
        char *cwd = getcwd(NULL, 0);
        struct progress prog = {cwd, isatty(fileno(stderr)), 0};
        memset(&eo, 0, sizeof(eo));
        eo.jobs = c.jobs;
        eo.select = (const char *const *)c.select;
        eo.nselect = c.nselect;
        eo.ignore = (const char *const *)c.ignore;
        eo.nignore = c.nignore;
        eo.only = (const char *const *)only;
        eo.nonly = nonly;
        eo.include_local_io = c.include_local_io;
        eo.configs = configs;
        eo.suppress = 1;
        eo.report_unused_ignores = c.report_unused;
        eo.baseline = baseline;
        eo.isolate = 1;
        eo.tu_timeout = c.tu_timeout;
        eo.tu_memory = c.tu_memory;
        if (strcmp(c.progress, "always") == 0 ||
            (strcmp(c.progress, "auto") == 0 && prog.tty)) {
            eo.progress = progress_show;
            eo.progress_data = &prog;
        }
        {
            /* The facts cache (SPEC 3.1): beside compile_commands.json. */
            struct parse_stats st = {0};
            char *cdir = c.no_cache    ? NULL
                         : c.cache_dir ? xstrdup(c.cache_dir)
                                       : cache_default_dir(db.path);
            eo.cache_dir = cdir;
            eo.stats = &st;
            eo.early = early;
            if (!c.nfiles || nonly)
                engine_run(&db, cat, &eo, &res);
            else
                worker_early_end(early);
            if (c.stats)
                fprintf(stderr,
                        "syncwise: stats: %zu parsed, %zu cached, %zu "
                        "stored, %zu skipped; files %.2f s, link %.2f s, "
                        "rules %.2f s\n",
                        st.parsed, st.cached, st.stored, st.skipped, st.files_s,
                        st.link_s, st.rules_s);
            free(cdir);
        }
        if (prog.shown && prog.tty)
            fputs("\r\033[K", stderr);
        for (size_t i = 0; i < res.nerrors; i++)
            fprintf(stderr, "syncwise: error: %s\n", res.errors[i].message);
        ro.base = cwd;
        ro.color = strcmp(c.color, "always") == 0 ||
                   (strcmp(c.color, "auto") == 0 && !c.output &&
                    isatty(fileno(stdout)) && !getenv("NO_COLOR"));
        ro.source = ro.color;
        rc = 0;
        if (c.write_baseline) {
            char *err = NULL;
            if (baseline_write(c.write_baseline, &res.diags, cwd, &err) < 0) {
                fprintf(stderr, "syncwise: error: %s\n", err);
                free(err);
                rc = EXIT_USAGE;
            } else {
                fprintf(stderr, "syncwise: wrote %zu finding%s to '%s'\n",
                        res.diags.n, res.diags.n == 1 ? "" : "s",
                        c.write_baseline);
            }
        } else {
            if (strcmp(c.format, "json") == 0)
                report_json(out, &res, &ro);
            else if (strcmp(c.format, "sarif") == 0)
                report_sarif(out, &res, &ro);
            else
                report_text(out, &res, &ro);
            for (size_t i = 0; i < res.diags.n; i++)
                if ((int)res.diags.items[i].level >= c.fail_on)
                    rc = EXIT_FINDINGS;
        }
        if (res.nerrors)
            rc = EXIT_USAGE;
        free(cwd);
    }
    if (out != stdout && fclose(out) != 0) {
        fprintf(stderr, "syncwise: error: cannot write '%s': %s\n", c.output,
                strerror(errno));
        rc = EXIT_USAGE;
    }
    engine_result_release(&res);
    compdb_release(&db);
    catalog_free(cat);
    config_set_free(configs);
    baseline_free(baseline);
    for (size_t i = 0; i < nonly; i++)
        free(only[i]);
    free(only);
    cli_release(&c);
    return rc;
}
