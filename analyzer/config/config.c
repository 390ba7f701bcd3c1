#include "config/config.h"

#include "catalog/catalog.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "engine/rules.h"
#include "frontend/compdb.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define CONFIG_NAME ".syncwise.json"
#define CONFIG_MAX_BYTES (4u << 20) /* a config is small; refuse huge ones */
#define CATALOG_MAX_BYTES (64u << 20)

static void add_err(char ***errs, size_t *nerrs, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void add_err(char ***errs, size_t *nerrs, const char *fmt, ...)
{
    va_list ap;
    int n;
    char *msg;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    msg = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
    *errs = xrealloc(*errs, (*nerrs + 1) * sizeof(char *));
    (*errs)[(*nerrs)++] = msg;
}

int config_valid_pattern(const char *p)
{
    size_t len = strlen(p);
    if (!len)
        return 0;
    if (strcasecmp(p, "ALL") == 0)
        return 1;
    for (size_t r = 0; r < sw_nrules; r++)
        if (strncasecmp(sw_rules[r].code, p, len) == 0 ||
            strcmp(sw_rules[r].name, p) == 0)
            return 1;
    return 0;
}

/* What JSON type an item is, for "expected X, got Y" messages. */
static const char *json_type(const cJSON *j)
{
    if (cJSON_IsString(j))
        return "a string";
    if (cJSON_IsNumber(j))
        return "a number";
    if (cJSON_IsBool(j))
        return "a boolean";
    if (cJSON_IsNull(j))
        return "null";
    if (cJSON_IsArray(j))
        return "an array";
    if (cJSON_IsObject(j))
        return "an object";
    return "invalid";
}

/* Reads an array of rule patterns into *out; 0 on error. */
static int read_patterns(const cJSON *j, const char *key, const char *disp,
                         char ***out, size_t *n, char ***errs, size_t *nerrs)
{
    const cJSON *it;
    int ok = 1;
    if (!cJSON_IsArray(j)) {
        add_err(errs, nerrs,
                "'%s': '%s' must be an array of rule codes or prefixes "
                "(e.g. [\"SW2\", \"SW303\"]), not %s",
                disp, key, json_type(j));
        return 0;
    }
    cJSON_ArrayForEach(it, j)
    {
        if (!cJSON_IsString(it)) {
            add_err(errs, nerrs,
                    "'%s': '%s' must contain rule codes as strings, not %s",
                    disp, key, json_type(it));
            ok = 0;
            continue;
        }
        if (!config_valid_pattern(it->valuestring)) {
            add_err(errs, nerrs,
                    "'%s': '%s': '%s' is not a rule code or prefix (see "
                    "'syncwise rules')",
                    disp, key, it->valuestring);
            ok = 0;
            continue;
        }
        *out = xrealloc(*out, (*n + 1) * sizeof(char *));
        (*out)[(*n)++] = xstrdup(it->valuestring);
    }
    return ok;
}

static int read_levels(struct config *c, const cJSON *j, char ***errs,
                       size_t *nerrs)
{
    const cJSON *it;
    int ok = 1;
    if (!cJSON_IsObject(j)) {
        add_err(errs, nerrs,
                "'%s': 'levels' must be an object mapping rule codes to "
                "levels (e.g. {\"SW202\": \"error\"}), not %s",
                c->display, json_type(j));
        return 0;
    }
    cJSON_ArrayForEach(it, j)
    {
        int l;
        if (!config_valid_pattern(it->string) ||
            strcasecmp(it->string, "ALL") == 0) {
            add_err(errs, nerrs,
                    "'%s': 'levels': '%s' is not a rule code or prefix (see "
                    "'syncwise rules')",
                    c->display, it->string);
            ok = 0;
            continue;
        }
        if (!cJSON_IsString(it) || (l = sw_level_parse(it->valuestring)) < 0) {
            add_err(errs, nerrs,
                    "'%s': 'levels': '%s' must be one of \"note\", "
                    "\"warning\", \"error\"",
                    c->display, it->string);
            ok = 0;
            continue;
        }
        c->levels = xrealloc(c->levels, (c->nlevels + 1) * sizeof(*c->levels));
        c->levels[c->nlevels].pattern = xstrdup(it->string);
        c->levels[c->nlevels].level = (enum sw_level)l;
        c->nlevels++;
    }
    return ok;
}

static int read_exclude(struct config *c, const cJSON *j, char ***errs,
                        size_t *nerrs)
{
    const cJSON *it;
    int ok = 1;
    if (!cJSON_IsArray(j)) {
        add_err(errs, nerrs,
                "'%s': 'exclude' must be an array of globs (e.g. "
                "[\"third_party/**\"]), not %s",
                c->display, json_type(j));
        return 0;
    }
    cJSON_ArrayForEach(it, j)
    {
        if (!cJSON_IsString(it) || !*it->valuestring) {
            add_err(errs, nerrs,
                    "'%s': 'exclude' must contain non-empty glob strings, "
                    "not %s",
                    c->display, json_type(it));
            ok = 0;
            continue;
        }
        c->exclude =
            xrealloc(c->exclude, (c->nexclude + 1) * sizeof(*c->exclude));
        c->exclude[c->nexclude++] = xstrdup(it->valuestring);
    }
    return ok;
}

static void add_catalog(struct config *c, char *json, char *origin)
{
    c->catalogs =
        xrealloc(c->catalogs, (c->ncatalogs + 1) * sizeof(*c->catalogs));
    c->catalogs[c->ncatalogs].json = json;
    c->catalogs[c->ncatalogs].origin = origin;
    c->ncatalogs++;
}

static int read_catalog_item(struct config *c, const cJSON *it, int index,
                             char ***errs, size_t *nerrs)
{
    if (cJSON_IsObject(it)) {
        char *origin = index < 0
                           ? xasprintf("%s: catalogs", c->display)
                           : xasprintf("%s: catalogs[%d]", c->display, index);
        add_catalog(c, cJSON_PrintUnformatted(it), origin);
        return 1;
    }
    if (cJSON_IsString(it) && *it->valuestring) {
        struct strbuf sb = STRBUF_INIT;
        char *p = path_absolute(it->valuestring, c->dir);
        char eb[SW_ERRBUF];
        if (strbuf_read_file(&sb, p, CATALOG_MAX_BYTES) < 0) {
            add_err(errs, nerrs, "'%s': 'catalogs': cannot read '%s': %s",
                    c->display, it->valuestring,
                    sw_strerror(errno, eb, sizeof(eb)));
            strbuf_release(&sb);
            free(p);
            return 0;
        }
        add_catalog(c, strbuf_detach(&sb), p);
        return 1;
    }
    add_err(errs, nerrs,
            "'%s': 'catalogs' entries must be catalog file paths or inline "
            "catalog objects, not %s",
            c->display, json_type(it));
    return 0;
}

static int read_catalogs(struct config *c, const cJSON *j, char ***errs,
                         size_t *nerrs)
{
    const cJSON *it;
    int ok = 1, i = 0;
    if (cJSON_IsObject(j))
        return read_catalog_item(c, j, -1, errs, nerrs);
    if (!cJSON_IsArray(j)) {
        add_err(errs, nerrs,
                "'%s': 'catalogs' must be an array of catalog file paths and "
                "inline catalog objects, not %s",
                c->display, json_type(j));
        return 0;
    }
    cJSON_ArrayForEach(it, j)
    {
        ok &= read_catalog_item(c, it, i, errs, nerrs);
        i++;
    }
    return ok;
}

/* The rule options syncwise knows: one table. */
#define CONFIG_OPTIONS(X)                                                      \
    X("SW303", "include-local-io", include_local_io)                           \
    X("SW304", "include-local-io", include_local_io)

static int read_options(struct config *c, const cJSON *j, char ***errs,
                        size_t *nerrs)
{
    const cJSON *rule, *opt;
    int ok = 1;
    if (!cJSON_IsObject(j)) {
        add_err(errs, nerrs,
                "'%s': 'options' must be an object mapping rule codes to "
                "their options (e.g. {\"SW303\": {\"include-local-io\": "
                "true}}), not %s",
                c->display, json_type(j));
        return 0;
    }
    cJSON_ArrayForEach(rule, j)
    {
        const struct rule_info *r = rules_find(rule->string);
        if (!r) {
            add_err(errs, nerrs,
                    "'%s': 'options': '%s' is not a rule code (see 'syncwise "
                    "rules')",
                    c->display, rule->string);
            ok = 0;
            continue;
        }
        if (!cJSON_IsObject(rule)) {
            add_err(errs, nerrs,
                    "'%s': 'options': '%s' must be an object of options, not "
                    "%s",
                    c->display, rule->string, json_type(rule));
            ok = 0;
            continue;
        }
        cJSON_ArrayForEach(opt, rule)
        {
            int known = 0;
#define X(ocode, oname, ofield)                                                \
    if (!known && strcmp(r->code, ocode) == 0 &&                               \
        strcmp(opt->string, oname) == 0) {                                     \
        known = 1;                                                             \
        if (!cJSON_IsBool(opt)) {                                              \
            add_err(errs, nerrs,                                               \
                    "'%s': 'options': '%s': '%s' must be true or false, "      \
                    "not %s",                                                  \
                    c->display, rule->string, opt->string, json_type(opt));    \
            ok = 0;                                                            \
        } else if (cJSON_IsTrue(opt)) {                                        \
            c->ofield = 1;                                                     \
        }                                                                      \
    }
            CONFIG_OPTIONS(X)
#undef X
            if (!known) {
                add_err(errs, nerrs,
                        "'%s': 'options': '%s' has no option '%s'%s",
                        c->display, rule->string, opt->string,
                        strcmp(r->code, "SW303") == 0 ||
                                strcmp(r->code, "SW304") == 0
                            ? " (expected include-local-io)"
                            : " (it takes no options)");
                ok = 0;
            }
        }
    }
    return ok;
}

/* Largest values of the limits (a day; 1 TiB): larger ones are typos. */
#define CONFIG_MAX_TIMEOUT 86400
#define CONFIG_MAX_MEMORY (1L << 20)

/*
 * Reads a limit: a whole number from 0 (no limit) to max, into *out.
 * Returns 0 after appending a message to errs when it is not one.
 */
static int read_limit(const struct config *c, const cJSON *j, const char *unit,
                      long max, long *out, char ***errs, size_t *nerrs)
{
    if (!cJSON_IsNumber(j) || !(j->valuedouble >= 0) ||
        j->valuedouble > (double)max ||
        j->valuedouble != (double)(long)j->valuedouble) {
        char num[64];
        if (cJSON_IsNumber(j))
            snprintf(num, sizeof(num), "%g", j->valuedouble);
        add_err(errs, nerrs,
                "'%s': '%s' must be a whole number of %s from 0 (no limit) "
                "to %ld, not %s",
                c->display, j->string, unit, max,
                cJSON_IsNumber(j) ? num : json_type(j));
        return 0;
    }
    *out = (long)j->valuedouble;
    return 1;
}

/* Line number of position p in text, for JSON syntax errors. */
static int line_of(const char *text, const char *p)
{
    int line = 1;
    for (const char *s = text; s < p && *s; s++)
        line += *s == '\n';
    return line;
}

struct config *config_parse(const char *text, const char *path, char ***errs,
                            size_t *nerrs)
{
    struct config *c = xcalloc(1, sizeof(*c));
    char *cwd = getcwd(NULL, 0);
    const char *end = NULL;
    cJSON *root, *it;
    size_t before = *nerrs;
    char *slash;

    c->tu_timeout = -1;
    c->tu_memory = -1;
    c->path = path_absolute(path, cwd ? cwd : "/");
    c->display = cwd ? path_relative(c->path, cwd) : xstrdup(c->path);
    c->dir = xstrdup(c->path);
    slash = strrchr(c->dir, '/');
    if (slash)
        slash[slash == c->dir ? 1 : 0] = '\0';
    free(cwd);

    root = cJSON_ParseWithOpts(text, &end, 1);
    if (!root) {
        add_err(errs, nerrs, "'%s': invalid JSON at line %d", c->display,
                end ? line_of(text, end) : 1);
        config_free(c);
        return NULL;
    }
    if (!cJSON_IsObject(root)) {
        add_err(errs, nerrs,
                "'%s': a configuration must be a JSON object, not %s",
                c->display, json_type(root));
        cJSON_Delete(root);
        config_free(c);
        return NULL;
    }
    cJSON_ArrayForEach(it, root)
    {
        const char *k = it->string;
        if (strcmp(k, "select") == 0) {
            c->has_select = 1;
            read_patterns(it, k, c->display, &c->select, &c->nselect, errs,
                          nerrs);
        } else if (strcmp(k, "ignore") == 0) {
            read_patterns(it, k, c->display, &c->ignore, &c->nignore, errs,
                          nerrs);
        } else if (strcmp(k, "levels") == 0) {
            read_levels(c, it, errs, nerrs);
        } else if (strcmp(k, "exclude") == 0) {
            read_exclude(c, it, errs, nerrs);
        } else if (strcmp(k, "catalogs") == 0) {
            read_catalogs(c, it, errs, nerrs);
        } else if (strcmp(k, "options") == 0) {
            read_options(c, it, errs, nerrs);
        } else if (strcmp(k, "tu-timeout") == 0) {
            read_limit(c, it, "seconds", CONFIG_MAX_TIMEOUT, &c->tu_timeout,
                       errs, nerrs);
        } else if (strcmp(k, "tu-memory") == 0) {
            read_limit(c, it, "MiB", CONFIG_MAX_MEMORY, &c->tu_memory, errs,
                       nerrs);
        } else if (k[0] == '$' || strcmp(k, "//") == 0) {
            /* "$schema" and "//" comments are allowed and ignored. */
        } else {
            add_err(errs, nerrs,
                    "'%s': unknown key '%s' (expected select, ignore, levels, "
                    "exclude, catalogs, options, tu-timeout or tu-memory)",
                    c->display, k);
        }
    }
    cJSON_Delete(root);
    if (*nerrs != before) {
        config_free(c);
        return NULL;
    }
    return c;
}

struct config *config_load(const char *path, char ***errs, size_t *nerrs)
{
    struct strbuf sb = STRBUF_INIT;
    struct config *c;
    char eb[SW_ERRBUF];
    if (strbuf_read_file(&sb, path, CONFIG_MAX_BYTES) < 0) {
        add_err(errs, nerrs, "cannot read configuration '%s': %s", path,
                sw_strerror(errno, eb, sizeof(eb)));
        strbuf_release(&sb);
        return NULL;
    }
    if (memchr(sb.buf, '\0', sb.len)) {
        add_err(errs, nerrs, "'%s': not a JSON text (contains NUL bytes)",
                path);
        strbuf_release(&sb);
        return NULL;
    }
    c = config_parse(sb.buf, path, errs, nerrs);
    strbuf_release(&sb);
    return c;
}

void config_free(struct config *c)
{
    if (!c)
        return;
    free(c->path);
    free(c->display);
    free(c->dir);
    for (size_t i = 0; i < c->nselect; i++)
        free(c->select[i]);
    free(c->select);
    for (size_t i = 0; i < c->nignore; i++)
        free(c->ignore[i]);
    free(c->ignore);
    for (size_t i = 0; i < c->nlevels; i++)
        free(c->levels[i].pattern);
    free(c->levels);
    for (size_t i = 0; i < c->nexclude; i++)
        free(c->exclude[i]);
    free(c->exclude);
    for (size_t i = 0; i < c->ncatalogs; i++) {
        free(c->catalogs[i].json);
        free(c->catalogs[i].origin);
    }
    free(c->catalogs);
    free(c);
}

/* ---- matching ----------------------------------------------------------- */

/* Length of the longest matching pattern plus one, 0 when none matches. */
static size_t best_match(const char *const *pats, size_t n,
                         const struct rule_info *rule)
{
    size_t best = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(pats[i]);
        if (strcasecmp(pats[i], "ALL") == 0) {
            if (best == 0)
                best = 1;
        } else if (strcmp(pats[i], rule->name) == 0) {
            if (strlen(rule->code) + 1 > best)
                best = strlen(rule->code) + 1;
        } else if (len && strncasecmp(pats[i], rule->code, len) == 0 &&
                   len + 1 > best) {
            best = len + 1;
        }
    }
    return best;
}

int config_rule_enabled(const struct config *c, const struct rule_info *rule,
                        const char *const *cli_select, size_t ncli_select,
                        const char *const *cli_ignore, size_t ncli_ignore)
{
    size_t sel, ign;
    if (ncli_select)
        sel = best_match(cli_select, ncli_select, rule);
    else if (c && c->has_select)
        sel = best_match((const char *const *)c->select, c->nselect, rule);
    else
        sel = 1;
    ign = best_match(cli_ignore, ncli_ignore, rule);
    if (c) {
        size_t ci =
            best_match((const char *const *)c->ignore, c->nignore, rule);
        if (ci > ign)
            ign = ci;
    }
    if (!sel)
        return 0;
    return ign == 0 || sel > ign;
}

enum sw_level config_level(const struct config *c, const struct rule_info *rule)
{
    size_t best = 0;
    enum sw_level l = rule->level;
    for (size_t i = 0; c && i < c->nlevels; i++) {
        const char *p = c->levels[i].pattern;
        size_t m = best_match(&p, 1, rule);
        if (m > best) {
            best = m;
            l = c->levels[i].level;
        }
    }
    return l;
}

/*
 * One glob against a path relative to the config's directory.  A glob
 * without '/' matches any path component ("generated", "*_test.c"); one
 * with '/' matches the path or one of its leading directories
 * ("third_party/", "src/gen", "vendor/x*.c").  '*' matches across '/'.
 */
static int glob_matches(const char *glob, const char *rel)
{
    char *g = xstrdup(glob), *gp = g, *copy;
    size_t n;
    int hit = 0;
    while (gp[0] == '.' && gp[1] == '/')
        gp += 2;
    while (*gp == '/')
        gp++;
    n = strlen(gp);
    while (n > 1 && gp[n - 1] == '/')
        gp[--n] = '\0';
    if (!*gp) {
        free(g);
        return 0;
    }
    copy = xstrdup(rel);
    if (!strchr(gp, '/')) {
        char *save = NULL;
        for (char *tok = strtok_r(copy, "/", &save); tok && !hit;
             tok = strtok_r(NULL, "/", &save))
            hit = fnmatch(gp, tok, 0) == 0;
    } else {
        /* The whole path, then each leading directory. */
        for (char *s = copy + strlen(copy); !hit;) {
            hit = fnmatch(gp, copy, 0) == 0 ||
                  (strncmp(gp, "**/", 3) == 0 && fnmatch(gp + 3, copy, 0) == 0);
            while (s > copy && *s != '/')
                s--;
            if (s == copy)
                break;
            *s = '\0';
        }
    }
    free(copy);
    free(g);
    return hit;
}

int config_excludes(const struct config *c, const char *file)
{
    char *rel;
    int hit = 0;
    if (!c || !c->nexclude)
        return 0;
    rel = path_relative(file, c->dir);
    for (size_t i = 0; i < c->nexclude && !hit; i++)
        hit = glob_matches(c->exclude[i], rel[0] == '/' ? rel + 1 : rel);
    free(rel);
    return hit;
}

/* ---- discovery ---------------------------------------------------------- */

struct config_dir {
    char *dir; /* absolute directory */
    int index; /* config that applies there, or -1 */
};

struct config_set {
    int override;            /* 1: configs[0] applies everywhere */
    struct config **configs; /* loaded configurations */
    size_t nconfigs;
    struct config_dir *dirs; /* discovery cache */
    size_t ndirs;
    char **failed; /* config files that did not load */
    size_t nfailed;
};

static int add_config(struct config_set *s, struct config *c)
{
    s->configs = xrealloc(s->configs, (s->nconfigs + 1) * sizeof(*s->configs));
    s->configs[s->nconfigs] = c;
    return (int)s->nconfigs++;
}

struct config_set *config_set_new(const char *override, char ***errs,
                                  size_t *nerrs)
{
    struct config_set *s = xcalloc(1, sizeof(*s));
    if (override) {
        struct config *c = config_load(override, errs, nerrs);
        if (!c) {
            free(s);
            return NULL;
        }
        s->override = 1;
        add_config(s, c);
    }
    return s;
}

void config_set_free(struct config_set *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nconfigs; i++)
        config_free(s->configs[i]);
    free(s->configs);
    for (size_t i = 0; i < s->ndirs; i++)
        free(s->dirs[i].dir);
    free(s->dirs);
    for (size_t i = 0; i < s->nfailed; i++)
        free(s->failed[i]);
    free(s->failed);
    free(s);
}

static int cached(const struct config_set *s, const char *dir, int *index)
{
    for (size_t i = 0; i < s->ndirs; i++)
        if (strcmp(s->dirs[i].dir, dir) == 0) {
            *index = s->dirs[i].index;
            return 1;
        }
    return 0;
}

static void remember(struct config_set *s, const char *dir, int index)
{
    s->dirs = xrealloc(s->dirs, (s->ndirs + 1) * sizeof(*s->dirs));
    s->dirs[s->ndirs].dir = xstrdup(dir);
    s->dirs[s->ndirs].index = index;
    s->ndirs++;
}

/* The config in dir itself: its index, -1 for none (or a broken one). */
static int load_in(struct config_set *s, const char *dir, char ***errs,
                   size_t *nerrs)
{
    char *path = xasprintf("%s%s" CONFIG_NAME, dir,
                           dir[strlen(dir) - 1] == '/' ? "" : "/");
    struct config *c;
    if (access(path, F_OK) != 0) {
        free(path);
        return -1;
    }
    for (size_t i = 0; i < s->nfailed; i++)
        if (strcmp(s->failed[i], path) == 0) {
            free(path);
            return -1;
        }
    c = config_load(path, errs, nerrs);
    if (!c) {
        s->failed = xrealloc(s->failed, (s->nfailed + 1) * sizeof(char *));
        s->failed[s->nfailed++] = path;
        return -1;
    }
    free(path);
    return add_config(s, c);
}

const struct config *config_set_lookup(struct config_set *s, const char *file,
                                       char ***errs, size_t *nerrs)
{
    char *dir, *slash;
    char **walked = NULL;
    size_t nwalked = 0;
    int index = -1;
    if (s->override)
        return s->configs[0];
    dir = xstrdup(file);
    slash = strrchr(dir, '/');
    if (!slash) {
        free(dir);
        return NULL;
    }
    slash[slash == dir ? 1 : 0] = '\0';
    /* Walk up until a cached directory or a config file is found. */
    for (;;) {
        if (cached(s, dir, &index))
            break;
        walked = xrealloc(walked, (nwalked + 1) * sizeof(char *));
        walked[nwalked++] = xstrdup(dir);
        index = load_in(s, dir, errs, nerrs);
        if (index >= 0 || strcmp(dir, "/") == 0)
            break;
        slash = strrchr(dir, '/');
        slash[slash == dir ? 1 : 0] = '\0';
    }
    for (size_t i = 0; i < nwalked; i++) {
        remember(s, walked[i], index);
        free(walked[i]);
    }
    free(walked);
    free(dir);
    return index >= 0 ? s->configs[index] : NULL;
}

size_t config_set_count(const struct config_set *s)
{
    return s ? s->nconfigs : 0;
}

const struct config *config_set_get(const struct config_set *s, size_t i)
{
    return s->configs[i];
}

int config_load_catalogs(const struct config *c, struct catalog *cat,
                         char ***errs, size_t *nerrs)
{
    int rc = 0;
    for (size_t k = 0; k < c->ncatalogs; k++)
        if (catalog_load(cat, c->catalogs[k].json, c->catalogs[k].origin, errs,
                         nerrs) < 0)
            rc = -1;
    return rc;
}

int config_set_load_catalogs(const struct config_set *s, struct catalog *cat,
                             char ***errs, size_t *nerrs)
{
    int rc = 0;
    for (size_t i = 0; s && i < s->nconfigs; i++)
        if (config_load_catalogs(s->configs[i], cat, errs, nerrs) < 0)
            rc = -1;
    return rc;
}

size_t config_set_nfailed(const struct config_set *s)
{
    return s ? s->nfailed : 0;
}

const char *config_set_failed(const struct config_set *s, size_t i)
{
    return s->failed[i];
}

int config_set_include_local_io(const struct config_set *s)
{
    for (size_t i = 0; s && i < s->nconfigs; i++)
        if (s->configs[i]->include_local_io)
            return 1;
    return 0;
}
