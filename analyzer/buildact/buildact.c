#include "buildact/buildact.h"

#include "catalog/catalog.h"
#include "common/strbuf.h"
#include "config/config.h"
#include "common/xalloc.h"
#include "engine/engine.h"
#include "frontend/compdb.h"
#include "frontend/extract.h"
#include "report/report.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define EXIT_FINDINGS 1
#define EXIT_USAGE 2
#define SW_MAX_FACTS_FILE (512u << 20) /* bytes read from one facts file */

static const char extract_usage[] =
    "usage: syncwise extract FILE [-o OUT.facts] [--binary] [--depfile DEP] "
    "-- COMPILER_ARGS...\n"
    "\n"
    "Parses one translation unit and writes its facts (JSON) to OUT, or to\n"
    "stdout.  The output is byte-identical for identical inputs.\n"
    "\n"
    "options:\n"
    "  -o FILE          write the facts to FILE (atomically)\n"
    "  --binary         write them in the compact binary form the cache\n"
    "                   uses (needs -o); 'syncwise link' reads both, and\n"
    "                   reads this one several times faster\n"
    "  --depfile FILE   write a Makefile-style list of the files read (for\n"
    "                   Ninja's depfile and CMake's DEPFILE)\n"
    "  -h, --help       print this help and exit\n";

static const char link_usage[] =
    "usage: syncwise link [options] FACTS... [--list FILE]\n"
    "\n"
    "Links the facts of 'syncwise extract' into one program, runs the rules\n"
    "and reports, as 'syncwise check' does on the same files.\n"
    "\n"
    "options:\n"
    "  --list FILE          read more facts file names from FILE, one a line\n"
    "  --format FORMAT      text (default) or json\n"
    "  -o FILE              write the report to FILE instead of stdout\n"
    "  --select CODES       only these rules: codes or prefixes, "
    "comma-separated\n"
    "  --ignore CODES       leave out these rules or prefixes\n"
    "  --fail-on LEVEL      note, warning (default), error, never\n"
    "  --include-local-io   also report local file I/O on event loops\n"
    "  --color WHEN         auto (default), always, never\n"
    "  --config FILE        use this configuration for every file (default:\n"
    "                       .syncwise.json beside each file or above it)\n"
    "  -h, --help           print this help and exit\n";

static int usage(const char *fmt, const char *a, const char *cmd)
{
    fprintf(stderr, "syncwise: error: ");
    fprintf(stderr, fmt, a);
    fprintf(stderr, "\nTry 'syncwise %s --help' for more information.\n", cmd);
    return EXIT_USAGE;
}

/* Writes data to path through a temporary file and a rename. */
static int write_file_atomic(const char *path, const char *data, size_t len)
{
    char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    int e;
    if (!f) {
        free(tmp);
        return -1;
    }
    if (fwrite(data, 1, len, f) != len) {
        e = errno;
        fclose(f);
        goto fail;
    }
    if (fclose(f) != 0) {
        e = errno;
        goto fail;
    }
    if (rename(tmp, path) < 0) {
        e = errno;
        goto fail;
    }
    free(tmp);
    return 0;
fail:
    unlink(tmp);
    free(tmp);
    errno = e;
    return -1;
}

/* Appends path to a Makefile rule, escaping spaces, '#' and '$'. */
static void dep_path(struct strbuf *sb, const char *path)
{
    strbuf_addch(sb, ' ');
    for (const char *p = path; *p; p++) {
        if (*p == ' ' || *p == '#' || *p == '\\')
            strbuf_addch(sb, '\\');
        else if (*p == '$')
            strbuf_addch(sb, '$');
        strbuf_addch(sb, *p);
    }
}

/* Facts from a file's bytes: binary (extract --binary) or JSON. */
static struct fact_tu *facts_read_any(const char *buf, size_t len,
                                      const char **err)
{
    if (facts_is_bin(buf, len))
        return facts_from_bin(buf, len, err);
    return facts_from_json(buf, err);
}

int buildact_extract_main(int argc, char **argv)
{
    const char *file = NULL, *out = NULL, *depfile = NULL;
    char **cargs = NULL;
    size_t ncargs = 0;
    int dashdash = 0, binary = 0;
    struct compdb db = {0};
    char *cwd, *json = NULL;
    void *idx;
    struct fact_tu *tu;
    struct stat st;
    int rc = 0;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            dashdash = 1;
            cargs = argv + i + 1;
            ncargs = (size_t)(argc - i - 1);
            break;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(extract_usage, stdout);
            return 0;
        }
        if (strcmp(a, "--binary") == 0) {
            binary = 1;
            continue;
        }
        if (strcmp(a, "-o") == 0 || strcmp(a, "--depfile") == 0) {
            if (i + 1 >= argc)
                return usage("option '%s' needs a value", a, "extract");
            *(a[1] == 'o' ? &out : &depfile) = argv[++i];
            continue;
        }
        if (a[0] == '-' && a[1])
            return usage("unknown option '%s'", a, "extract");
        if (file)
            return usage("extract takes one FILE; '%s' is a second one", a,
                         "extract");
        file = a;
    }
    if (!file)
        return usage("extract needs a FILE, e.g. '%s'",
                     "syncwise extract src/a.c -o a.facts -- -Iinclude",
                     "extract");
    if (depfile && !out)
        return usage("--depfile needs -o (the target of the rule)%s", "",
                     "extract");
    if (binary && !out)
        return usage("--binary needs -o (binary facts are not for a "
                     "terminal)%s",
                     "", "extract");
    (void)dashdash;
    if (stat(file, &st) < 0 || S_ISDIR(st.st_mode) || access(file, R_OK)) {
        fprintf(stderr, "syncwise: error: cannot read '%s': %s\n", file,
                S_ISDIR(st.st_mode) ? "Is a directory" : strerror(errno));
        return EXIT_USAGE;
    }

    /*
     * Same argument handling as a compilation database entry: the paths in
     * the arguments become absolute, the compiler's own -c/-o go.
     */
    cwd = getcwd(NULL, 0);
    compdb_add(&db, file, cwd, cargs, ncargs);
    free(cwd);
    setenv("LIBCLANG_NOTHREADS", "1", 0);
    idx = extract_index_new();
    tu = extract_tu(idx, db.items[0].file, db.items[0].directory,
                    (const char *const *)db.items[0].args, db.items[0].nargs,
                    NULL, 0);
    extract_index_free(idx);
    if (out) {
        struct strbuf sb = STRBUF_INIT;
        if (binary) {
            size_t len;
            void *bin = facts_to_bin(tu, &len);
            strbuf_add(&sb, bin, len);
            free(bin);
        } else {
            json = facts_to_json(tu, 0);
            strbuf_addstr(&sb, json);
            strbuf_addch(&sb, '\n');
        }
        if (write_file_atomic(out, sb.buf, sb.len) < 0) {
            fprintf(stderr, "syncwise: error: cannot write '%s': %s\n", out,
                    strerror(errno));
            rc = EXIT_USAGE;
        }
        strbuf_release(&sb);
    } else {
        json = facts_to_json(tu, 0);
        puts(json);
    }
    if (depfile && rc == 0) {
        struct strbuf sb = STRBUF_INIT;
        int seen_main = 0;
        strbuf_addstr(&sb, out);
        strbuf_addch(&sb, ':');
        for (size_t i = 0; i < tu->ninputs; i++) {
            seen_main |= strcmp(tu->inputs[i].path, db.items[0].file) == 0;
            dep_path(&sb, tu->inputs[i].path);
        }
        if (!seen_main)
            dep_path(&sb, db.items[0].file);
        strbuf_addch(&sb, '\n');
        if (write_file_atomic(depfile, sb.buf, sb.len) < 0) {
            fprintf(stderr, "syncwise: error: cannot write '%s': %s\n", depfile,
                    strerror(errno));
            rc = EXIT_USAGE;
        }
        strbuf_release(&sb);
    }
    free(json);
    facts_tu_free(tu);
    compdb_release(&db);
    return rc;
}

/* ---- link --------------------------------------------------------------- */

struct names {
    char **items; /* facts file names, owned */
    size_t n, cap;
};

/* Adds the names listed in path, one a line (blank lines and # skipped). */
static int read_list(struct names *nm, const char *path)
{
    struct strbuf sb = STRBUF_INIT;
    char *line, *save = NULL;
    if (strbuf_read_file(&sb, path, SW_MAX_FACTS_FILE) < 0) {
        fprintf(stderr, "syncwise: error: cannot read '%s': %s\n", path,
                strerror(errno));
        strbuf_release(&sb);
        return -1;
    }
    for (line = strtok_r(sb.buf, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        size_t len = strlen(line);
        while (len && (line[len - 1] == '\r' || line[len - 1] == ' '))
            line[--len] = '\0';
        if (!len || line[0] == '#')
            continue;
        VEC_PUSH(*nm, xstrdup(line));
    }
    strbuf_release(&sb);
    return 0;
}
/*
 * The configurations of the linked files (or the --config one), as
 * "syncwise check" loads them: their catalogs join cat.  NULL with errors.
 */
static struct config_set *link_configs(const char *override,
                                       struct fact_tu *const *tus, size_t ntus,
                                       struct catalog *cat, int *local_io,
                                       char ***errs, size_t *nerrs)
{
    struct config_set *s = config_set_new(override, errs, nerrs);
    if (!s)
        return NULL;
    for (size_t i = 0; i < ntus; i++)
        config_set_lookup(s, tus[i]->file, errs, nerrs);
    for (size_t i = 0; !*nerrs && i < config_set_count(s); i++) {
        const struct config *cf = config_set_get(s, i);
        *local_io |= cf->include_local_io;
        for (size_t k = 0; k < cf->ncatalogs; k++)
            catalog_load(cat, cf->catalogs[k].json, cf->catalogs[k].origin,
                         errs, nerrs);
    }
    if (*nerrs) {
        config_set_free(s);
        return NULL;
    }
    return s;
}

static void free_list(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

int buildact_link_main(int argc, char **argv)
{
    struct names nm = {0};
    const char *format = "text", *output = NULL, *color = "auto";
    const char *config = NULL;
    struct config_set *configs = NULL;
    char **select = NULL, **ignore = NULL;
    size_t nselect = 0, nignore = 0, ntus = 0;
    int fail_on = SW_LEVEL_WARNING, local_io = 0, rc = 0;
    struct fact_tu **tus;
    struct catalog *cat;
    struct engine_result res;
    struct engine_opts eo;
    struct report_opts ro;
    char **errs = NULL;
    size_t nerrs = 0;
    FILE *out = stdout;
    char *cwd;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(link_usage, stdout);
            goto done;
        }
        if (strcmp(a, "--include-local-io") == 0) {
            local_io = 1;
            continue;
        }
        if (strcmp(a, "-o") == 0 || strcmp(a, "--list") == 0 ||
            strcmp(a, "--config") == 0 || strcmp(a, "--format") == 0 ||
            strcmp(a, "--select") == 0 || strcmp(a, "--ignore") == 0 ||
            strcmp(a, "--fail-on") == 0 || strcmp(a, "--color") == 0) {
            if (i + 1 >= argc) {
                rc = usage("option '%s' needs a value", a, "link");
                goto done;
            }
            v = argv[++i];
            if (strcmp(a, "-o") == 0) {
                output = v;
            } else if (strcmp(a, "--config") == 0) {
                config = v;
            } else if (strcmp(a, "--list") == 0) {
                if (read_list(&nm, v) < 0) {
                    rc = EXIT_USAGE;
                    goto done;
                }
            } else if (strcmp(a, "--format") == 0) {
                if (strcmp(v, "text") != 0 && strcmp(v, "json") != 0) {
                    rc = usage("--format: '%s' is not a format (text or json)",
                               v, "link");
                    goto done;
                }
                format = v;
            } else if (strcmp(a, "--color") == 0) {
                if (strcmp(v, "auto") && strcmp(v, "always") &&
                    strcmp(v, "never")) {
                    rc = usage("--color: '%s' is not one of auto, always, "
                               "never",
                               v, "link");
                    goto done;
                }
                color = v;
            } else if (strcmp(a, "--fail-on") == 0) {
                if (strcmp(v, "never") == 0) {
                    fail_on = SW_LEVEL_COUNT;
                } else if ((fail_on = sw_level_parse(v)) < 0) {
                    rc = usage("--fail-on: '%s' is not one of note, warning, "
                               "error, never",
                               v, "link");
                    goto done;
                }
            } else if (strcmp(a, "--select") == 0) {
                if (rules_parse_list(v, &select, &nselect, "--select") < 0) {
                    rc = EXIT_USAGE;
                    goto done;
                }
            } else {
                if (rules_parse_list(v, &ignore, &nignore, "--ignore") < 0) {
                    rc = EXIT_USAGE;
                    goto done;
                }
            }
            continue;
        }
        if (a[0] == '@' && a[1]) { /* @FILE: a response-file style list */
            if (read_list(&nm, a + 1) < 0) {
                rc = EXIT_USAGE;
                goto done;
            }
            continue;
        }
        if (a[0] == '-' && a[1]) {
            rc = usage("unknown option '%s'", a, "link");
            goto done;
        }
        VEC_PUSH(nm, xstrdup(a));
    }
    if (!nm.n) {
        rc = usage("link needs facts files, e.g. '%s'",
                   "syncwise link a.facts b.facts", "link");
        goto done;
    }

    memset(&res, 0, sizeof(res));
    tus = xcalloc(nm.n, sizeof(*tus));
    for (size_t i = 0; i < nm.n; i++) {
        struct strbuf sb = STRBUF_INIT;
        const char *err = NULL;
        if (strbuf_read_file(&sb, nm.items[i], SW_MAX_FACTS_FILE) < 0) {
            engine_add_error(&res, nm.items[i], "cannot read '%s': %s",
                             nm.items[i], strerror(errno));
        } else if (!(tus[ntus] = facts_read_any(sb.buf, sb.len, &err))) {
            engine_add_error(&res, nm.items[i], "'%s' is not a facts file: %s",
                             nm.items[i], err);
        } else {
            ntus++;
        }
        strbuf_release(&sb);
    }

    cat = catalog_new();
    if (catalog_load_builtin(cat, &errs, &nerrs) < 0 ||
        !(configs =
              link_configs(config, tus, ntus, cat, &local_io, &errs, &nerrs))) {
        for (size_t i = 0; i < nerrs; i++)
            fprintf(stderr, "syncwise: error: %s\n", errs[i]);
        rc = EXIT_USAGE;
    } else if (output && !(out = fopen(output, "w"))) {
        fprintf(stderr, "syncwise: error: cannot write '%s': %s\n", output,
                strerror(errno));
        out = stdout;
        rc = EXIT_USAGE;
    } else {
        cwd = getcwd(NULL, 0);
        memset(&eo, 0, sizeof(eo));
        eo.select = (const char *const *)select;
        eo.nselect = nselect;
        eo.ignore = (const char *const *)ignore;
        eo.nignore = nignore;
        eo.include_local_io = local_io;
        eo.configs = configs;
        eo.suppress = 1;
        engine_check((const struct fact_tu *const *)tus, ntus, cat, &eo, &res);
        for (size_t i = 0; i < res.nerrors; i++)
            fprintf(stderr, "syncwise: error: %s\n", res.errors[i].message);
        ro.base = cwd;
        ro.color = strcmp(color, "always") == 0 ||
                   (strcmp(color, "auto") == 0 && !output &&
                    isatty(fileno(stdout)) && !getenv("NO_COLOR"));
        ro.source = ro.color;
        if (strcmp(format, "json") == 0)
            report_json(out, &res, &ro);
        else
            report_text(out, &res, &ro);
        for (size_t i = 0; i < res.diags.n; i++)
            if ((int)res.diags.items[i].level >= fail_on)
                rc = EXIT_FINDINGS;
        if (res.nerrors)
            rc = EXIT_USAGE;
        free(cwd);
        if (out != stdout && fclose(out) != 0) {
            fprintf(stderr, "syncwise: error: cannot write '%s': %s\n", output,
                    strerror(errno));
            rc = EXIT_USAGE;
        }
    }
    for (size_t i = 0; i < nerrs; i++)
        free(errs[i]);
    free(errs);
    for (size_t i = 0; i < ntus; i++)
        facts_tu_free(tus[i]);
    free(tus);
    engine_result_release(&res);
    catalog_free(cat);
    config_set_free(configs);
done:
    free_list(nm.items, nm.n);
    free_list(select, nselect);
    free_list(ignore, nignore);
    return rc;
}
