#include "lsp/lsp.h"

#include "cache/cache.h"
#include "catalog/catalog.h"
#include "config/config.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "engine/engine.h"
#include "frontend/compdb.h"
#include "frontend/extract.h"
#include "frontend/parse.h"
#include "lsp/jsonrpc.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* libclang recurses deeply on nested code; same room as parse.c gives. */
#define LSP_WORKER_STACK (64u << 20)

/* An open document. */
struct doc {
    char *uri;   /* as the client sent it */
    char *path;  /* absolute file path */
    char *text;  /* current contents (owned) */
    size_t len;  /* bytes in text */
    int version; /* last version from the client */
    int dirty;   /* needs re-extraction */
};

/* A file analysed outside the database (opened, not in it). */
struct extra_tu {
    char *path;         /* absolute path */
    struct fact_tu *tu; /* its facts (owned) */
};

/* A copy of a document taken for one analysis (worker-owned). */
struct snap {
    char *uri, *path, *text; /* owned copies */
    size_t len;              /* bytes in text */
    int version;             /* version analysed */
    int dirty;               /* to re-extract */
};

struct server {
    struct jrpc_writer w; /* stdout */

    /* Shared between the message loop and the worker, guarded by mu. */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct doc *docs; /* open documents */
    size_t ndocs, docs_cap;
    char **reload; /* closed files to re-read from disk */
    size_t nreload, reload_cap;
    unsigned long gen; /* bumped on every document change */
    int pending;       /* work for the worker */
    int quit;          /* the worker must stop */

    /* Set by initialize (message loop) before the worker starts. */
    char *root;    /* workspace root directory */
    int utf8;      /* positions in UTF-8 bytes (else UTF-16) */
    char **select; /* initializationOptions.select */
    size_t nselect;
    char **ignore; /* initializationOptions.ignore */
    size_t nignore;
    int include_local_io; /* initializationOptions.includeLocalIo */
    int initialized;      /* initialize answered */
    int shutdown;         /* shutdown received */
    pthread_t worker;     /* the analysis thread */
    int worker_started;   /* worker is running */

    /* Worker-owned. */
    struct catalog *cat;    /* built-in catalogs */
    struct compdb db;       /* the project's database */
    struct fact_tu **tus;   /* facts by db entry */
    int db_tried;           /* looked for a database beside an opened file */
    struct extra_tu *extra; /* files outside the database */
    size_t nextra, extra_cap;
    void *idx;       /* libclang index for re-extraction */
    int timing;      /* SYNCWISE_LSP_TIMING is set: timings on stderr */
    int analyse;     /* 0: handle messages only, no analysis thread */
    char **doc_uris; /* file:// URI of each rule's doc, by index */
    struct config_set *configs; /* .syncwise.json files, or NULL */
    int config_local_io;        /* a configuration turns on local I/O */
};

/* ---- paths and URIs --------------------------------------------------- */

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The path of a file:// URI, or NULL when it is not one; caller frees. */
static char *uri_to_path(const char *uri)
{
    struct strbuf sb = STRBUF_INIT;
    const char *p;
    if (strncmp(uri, "file://", 7) != 0)
        return NULL;
    p = uri + 7;
    if (strncmp(p, "localhost/", 10) == 0)
        p += 9;
    if (*p != '/')
        return NULL;
    for (; *p && *p != '?' && *p != '#'; p++) {
        int h, l;
        if (*p == '%' && (h = hexval(p[1])) >= 0 && (l = hexval(p[2])) >= 0) {
            char c = (char)(h * 16 + l);
            if (!c) {
                strbuf_release(&sb);
                return NULL;
            }
            strbuf_addch(&sb, c);
            p += 2;
        } else {
            strbuf_addch(&sb, *p);
        }
    }
    return strbuf_detach(&sb);
}

/* A file:// URI for an absolute path (RFC 3986 escaping); caller frees. */
static char *path_to_uri(const char *path)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_addstr(&sb, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (isalnum(*p) || strchr("/-._~", *p))
            strbuf_addch(&sb, (char)*p);
        else
            strbuf_addf(&sb, "%%%02X", *p);
    }
    return strbuf_detach(&sb);
}

static int is_header(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot && (strcmp(dot, ".h") == 0 || strcmp(dot, ".hh") == 0 ||
                   strcmp(dot, ".hpp") == 0 || strcmp(dot, ".inc") == 0);
}

/* ---- text positions ------------------------------------------------------ */

/* Start of 0-based line `line` in text, or NULL past the end. */
static const char *line_start(const char *text, size_t len, int line)
{
    const char *p = text, *end = text + len;
    for (int i = 0; i < line; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return NULL;
        p = nl + 1;
    }
    return p;
}

/*
 * Converts a 1-based byte column on 1-based line into an LSP character
 * offset (UTF-16 code units unless utf8).
 */
static int lsp_column(const struct snap *d, int utf8, int line, int col)
{
    const char *p, *end;
    int units = 0;
    if (col <= 1)
        return 0;
    if (utf8 || !d || !d->text || line < 1)
        return col - 1;
    p = line_start(d->text, d->len, line - 1);
    if (!p)
        return col - 1;
    end = d->text + d->len;
    for (int b = 0; b < col - 1 && p < end && *p != '\n'; p++, b++) {
        unsigned char c = (unsigned char)*p;
        if ((c & 0xC0) == 0x80)
            continue; /* continuation byte */
        units += c >= 0xF0 ? 2 : 1;
    }
    return units;
}

/* Byte offset in text of an LSP position, clamped to the text. */
static size_t text_offset(const char *text, size_t len, int utf8, int line,
                          int character)
{
    const char *p = line ? line_start(text, len, line) : text, *end;
    int units = 0;
    if (!p)
        return len;
    end = text + len;
    while (p < end && *p != '\n' && units < character) {
        unsigned char c = (unsigned char)*p;
        int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        units += utf8 ? n : (n == 4 ? 2 : 1);
        p += n;
    }
    return p > end ? len : (size_t)(p - text);
}

/* ---- JSON helpers -------------------------------------------------------- */

static const char *get_string(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int get_int(const cJSON *o, const char *key, int *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsNumber(v) || v->valuedouble < -2147483648.0 ||
        v->valuedouble > 2147483647.0)
        return 0;
    *out = (int)v->valuedouble;
    return 1;
}

static cJSON *position(int line, int character)
{
    cJSON *p = cJSON_CreateObject();
    cJSON_AddNumberToObject(p, "line", line < 0 ? 0 : line);
    cJSON_AddNumberToObject(p, "character", character < 0 ? 0 : character);
    return p;
}

static cJSON *range(int l1, int c1, int l2, int c2)
{
    cJSON *r = cJSON_CreateObject();
    cJSON_AddItemToObject(r, "start", position(l1, c1));
    cJSON_AddItemToObject(r, "end", position(l2, c2));
    return r;
}

static void log_line(const char *fmt, const char *a)
{
    fprintf(stderr, "syncwise lsp: ");
    fprintf(stderr, fmt, a);
    fputc('\n', stderr);
}

/* ---- rule documentation URIs --------------------------------------------- */

/*
 * codeDescription needs a URI and syncwise has no website, so the link is
 * a file:// URI: the rule's .md in the source tree this binary was built
 * from when it is still there, else a copy of the embedded doc written to
 * $XDG_CACHE_HOME/syncwise/docs (an installed binary carries its docs).
 */
static char *rule_doc_uri(const struct rule_info *r)
{
    char *src = xstrdup(__FILE__), *path, *uri = NULL;
    char *cut = strstr(src, "analyzer/lsp/lsp.c");
    struct stat st;
    const char *doc;
    if (cut && src[0] == '/') {
        *cut = '\0';
        path =
            xasprintf("%srules/%s/%s-%s.md", src, r->family, r->code, r->name);
        if (stat(path, &st) == 0)
            uri = path_to_uri(path);
        free(path);
    }
    free(src);
    if (uri || !(doc = rules_doc(r)))
        return uri;
    {
        const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
        char *dir = xdg && *xdg ? xasprintf("%s/syncwise/docs", xdg)
                    : home      ? xasprintf("%s/.cache/syncwise/docs", home)
                                : xasprintf("/tmp/syncwise-docs");
        char *cmd_dir = xstrdup(dir);
        FILE *f;
        /* mkdir -p */
        for (char *p = cmd_dir + 1; *p; p++)
            if (*p == '/') {
                *p = '\0';
                mkdir(cmd_dir, 0755);
                *p = '/';
            }
        mkdir(cmd_dir, 0755);
        free(cmd_dir);
        path = xasprintf("%s/%s-%s.md", dir, r->code, r->name);
        if ((f = fopen(path, "w"))) {
            fputs(doc, f);
            if (fclose(f) == 0)
                uri = path_to_uri(path);
        }
        free(path);
        free(dir);
    }
    return uri;
}

static const char *doc_uri(struct server *s, const struct rule_info *r)
{
    size_t i = (size_t)(r - sw_rules);
    if (i >= sw_nrules)
        return NULL;
    if (!s->doc_uris[i])
        s->doc_uris[i] = rule_doc_uri(r);
    return s->doc_uris[i];
}

/* ---- the analysis worker ------------------------------------------------- */

static const struct compdb_entry *db_entry(const struct compdb *db,
                                           const char *path, size_t *index)
{
    for (size_t i = 0; i < db->n; i++)
        if (strcmp(db->items[i].file, path) == 0) {
            if (index)
                *index = i;
            return &db->items[i];
        }
    return NULL;
}

/* A database entry in the same directory as file (cli/main.c's rule). */
static const struct compdb_entry *neighbour(const struct compdb *db,
                                            const char *file)
{
    const char *slash = strrchr(file, '/');
    size_t n = slash ? (size_t)(slash - file) : 0;
    for (size_t i = 0; i < db->n; i++) {
        const char *sl = strrchr(db->items[i].file, '/');
        if (sl && (size_t)(sl - db->items[i].file) == n &&
            strncmp(db->items[i].file, file, n) == 0)
            return &db->items[i];
    }
    return db->n ? &db->items[0] : NULL;
}

static void log_errors(char **errs, size_t nerrs)
{
    for (size_t i = 0; i < nerrs; i++) {
        log_line("%s", errs[i]);
        free(errs[i]);
    }
    free(errs);
}

/*
 * Loads the .syncwise.json files that apply to the database's files (the
 * CLI's discovery; the engine looks up the rest as findings come) and
 * their catalogs.  Problems are logged; analysis goes on without them.
 */
static void load_configs(struct server *s)
{
    char **errs = NULL;
    size_t nerrs = 0;
    if (!s->configs && !(s->configs = config_set_new(NULL, &errs, &nerrs))) {
        log_errors(errs, nerrs);
        return;
    }
    for (size_t i = 0; i < s->db.n; i++)
        config_set_lookup(s->configs, s->db.items[i].file, &errs, &nerrs);
    config_set_load_catalogs(s->configs, s->cat, &errs, &nerrs);
    s->config_local_io = config_set_include_local_io(s->configs);
    log_errors(errs, nerrs);
}

/* Reads and parses the database found from dir (worker, no lock held). */
static void load_db(struct server *s, const char *dir)
{
    char *path = compdb_find(dir), *err = NULL, **warns = NULL;
    size_t nwarns = 0;
    struct parse_opts po;
    char *cache_dir;
    memset(&po, 0, sizeof(po));
    if (!path) {
        log_line("no compile_commands.json in '%s', its build/ or its "
                 "parents: files are analysed alone",
                 dir);
        return;
    }
    if (compdb_load(&s->db, path, &err, &warns, &nwarns) < 0) {
        log_line("%s", err);
        free(err);
        free(path);
        return;
    }
    for (size_t i = 0; i < nwarns; i++) {
        log_line("%s", warns[i]);
        free(warns[i]);
    }
    free(warns);
    /*
     * The first parse uses the facts cache like the CLI does (beside the
     * database), so a warm start parses only what changed.  Later parses
     * of unsaved buffers never touch it (parse.c skips it with unsaved
     * files).
     */
    cache_dir = cache_default_dir(path);
    po.cache_dir = cache_dir;
    free(path);
    s->tus = xcalloc(s->db.n ? s->db.n : 1, sizeof(*s->tus));
    parse_all(&s->db, &po, s->tus);
    free(cache_dir);
}

/* Forgets a file outside the database (closed). */
static void drop_extra(struct server *s, const char *path)
{
    for (size_t i = 0; i < s->nextra; i++)
        if (strcmp(s->extra[i].path, path) == 0) {
            free(s->extra[i].path);
            facts_tu_free(s->extra[i].tu);
            s->extra[i] = s->extra[--s->nextra];
            return;
        }
}

/*
 * Extracts a file outside the database on its own, with a neighbour's
 * arguments (or none), and keeps its facts in s->extra.
 */
static void extract_extra(struct server *s, const char *path,
                          const struct sw_unsaved *unsaved, size_t nunsaved)
{
    const struct compdb_entry *nb = neighbour(&s->db, path);
    struct compdb one = {0};
    char *dir = xstrdup(path);
    struct fact_tu *tu;
    size_t i;

    *strrchr(dir, '/') = '\0';
    compdb_add(&one, path, nb ? nb->directory : (*dir ? dir : "/"),
               nb ? nb->args : NULL, nb ? nb->nargs : 0);
    tu = extract_tu(s->idx, one.items[0].file, one.items[0].directory,
                    (const char *const *)one.items[0].args, one.items[0].nargs,
                    unsaved, nunsaved);
    compdb_release(&one);
    free(dir);
    for (i = 0; i < s->nextra; i++)
        if (strcmp(s->extra[i].path, path) == 0)
            break;
    if (i == s->nextra) {
        xgrow((void **)&s->extra, &s->extra_cap, s->nextra + 1,
              sizeof(*s->extra));
        s->extra[s->nextra].path = xstrdup(path);
        s->extra[s->nextra++].tu = NULL;
    }
    facts_tu_free(s->extra[i].tu);
    s->extra[i].tu = tu;
}

/* 1 when path is one of paths[0..n). */
static int in_list(const char *path, char *const *paths, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (strcmp(path, paths[k]) == 0)
            return 1;
    return 0;
}

/*
 * 1 when the TU of file read one of paths when it was last parsed: the
 * main file or a header (as libclang opened it, so normalised first).
 */
static int tu_reads(const struct fact_tu *tu, const char *file,
                    char *const *paths, size_t n)
{
    if (in_list(file, paths, n))
        return 1;
    for (size_t i = 0; tu && i < tu->ninputs; i++) {
        const char *in = tu->inputs[i].path;
        int hit;
        if (in[0] == '/' && !strstr(in, "/.") && !strstr(in, "//")) {
            hit = in_list(in, paths, n);
        } else {
            char *norm = path_absolute(in, "/");
            hit = in_list(norm, paths, n);
            free(norm);
        }
        if (hit)
            return 1;
    }
    return 0;
}

/*
 * Re-extracts every TU that reads one of the changed files (edited or
 * closed documents, including headers), with the open documents as
 * unsaved buffers.  Database TUs are parsed in parallel.
 */
static void refresh(struct server *s, char *const *changed, size_t nchanged,
                    const struct sw_unsaved *unsaved, size_t nunsaved,
                    char *const *closed, size_t nclosed)
{
    struct compdb sub = {0};
    size_t *where;
    struct fact_tu **out;
    struct parse_opts po;

    where = xcalloc(s->db.n + 1, sizeof(*where));
    sub.items = xcalloc(s->db.n + 1, sizeof(*sub.items));
    for (size_t i = 0; i < s->db.n; i++)
        if (tu_reads(s->tus[i], s->db.items[i].file, changed, nchanged)) {
            where[sub.n] = i;
            sub.items[sub.n++] = s->db.items[i]; /* borrowed */
        }
    if (sub.n) {
        out = xcalloc(sub.n, sizeof(*out));
        memset(&po, 0, sizeof(po));
        po.unsaved = unsaved;
        po.nunsaved = nunsaved;
        parse_all(&sub, &po, out);
        for (size_t k = 0; k < sub.n; k++) {
            facts_tu_free(s->tus[where[k]]);
            s->tus[where[k]] = out[k];
        }
        free(out);
    }
    free(sub.items);
    free(where);

    /* Files outside the database: closed ones go, the rest re-parse. */
    for (size_t i = 0; i < nclosed; i++)
        drop_extra(s, closed[i]);
    for (size_t i = 0; i < s->nextra; i++)
        if (tu_reads(s->extra[i].tu, s->extra[i].path, changed, nchanged))
            extract_extra(s, s->extra[i].path, unsaved, nunsaved);
    for (size_t i = 0; i < nchanged; i++) {
        int known = db_entry(&s->db, changed[i], NULL) != NULL;
        for (size_t k = 0; k < s->nextra && !known; k++)
            known = strcmp(s->extra[k].path, changed[i]) == 0;
        if (!known && !is_header(changed[i]) &&
            !in_list(changed[i], closed, nclosed))
            extract_extra(s, changed[i], unsaved, nunsaved);
    }
}

static cJSON *diag_json(struct server *s, const struct sw_diag *d,
                        const struct snap *doc)
{
    cJSON *o = cJSON_CreateObject(), *cd, *data;
    int l1 = d->line - 1, l2 = d->end_line ? d->end_line - 1 : l1;
    int c1 = lsp_column(doc, s->utf8, d->line, d->col);
    int c2 =
        d->end_line ? lsp_column(doc, s->utf8, d->end_line, d->end_col) : c1;
    const char *href = doc_uri(s, d->rule);
    cJSON_AddItemToObject(o, "range", range(l1, c1, l2, c2));
    cJSON_AddNumberToObject(o, "severity",
                            d->level == SW_LEVEL_ERROR     ? 1
                            : d->level == SW_LEVEL_WARNING ? 2
                                                           : 3);
    cJSON_AddStringToObject(o, "code", d->rule->code);
    if (href) {
        cd = cJSON_AddObjectToObject(o, "codeDescription");
        cJSON_AddStringToObject(cd, "href", href);
    }
    cJSON_AddStringToObject(o, "source", "syncwise");
    if (d->suggestion) {
        char *m = xasprintf("%s\n%s", d->message, d->suggestion);
        cJSON_AddStringToObject(o, "message", m);
        free(m);
    } else {
        cJSON_AddStringToObject(o, "message", d->message);
    }
    if (d->nnotes) {
        cJSON *rel = cJSON_AddArrayToObject(o, "relatedInformation");
        for (size_t i = 0; i < d->nnotes; i++) {
            const struct sw_note *n = &d->notes[i];
            cJSON *ri = cJSON_CreateObject(), *loc;
            char *abs = path_absolute(n->file, s->root ? s->root : "/");
            char *uri = path_to_uri(abs);
            int same = doc && strcmp(abs, doc->path) == 0;
            int c = lsp_column(same ? doc : NULL, s->utf8, n->line, n->col);
            loc = cJSON_AddObjectToObject(ri, "location");
            cJSON_AddStringToObject(loc, "uri", uri);
            cJSON_AddItemToObject(loc, "range",
                                  range(n->line - 1, c, n->line - 1, c));
            cJSON_AddStringToObject(ri, "message", n->message);
            cJSON_AddItemToArray(rel, ri);
            free(uri);
            free(abs);
        }
    }
    data = cJSON_AddObjectToObject(o, "data");
    cJSON_AddStringToObject(data, "name", d->rule->name);
    cJSON_AddStringToObject(data, "fingerprint", d->fingerprint);
    return o;
}

/* Runs the rules over every TU and publishes for each open document. */
static void check_and_publish(struct server *s, struct snap *docs, size_t ndocs,
                              unsigned long gen)
{
    const struct fact_tu **all;
    size_t n = 0;
    struct engine_opts eo;
    struct engine_result res;
    struct sw_unsaved *unsaved;
    cJSON **msgs;
    int stale;

    all = xcalloc(s->db.n + s->nextra + 1, sizeof(*all));
    for (size_t i = 0; s->tus && i < s->db.n; i++)
        all[n++] = s->tus[i];
    for (size_t i = 0; i < s->nextra; i++)
        all[n++] = s->extra[i].tu;
    memset(&eo, 0, sizeof(eo));
    memset(&res, 0, sizeof(res));
    eo.select = (const char *const *)s->select;
    eo.nselect = s->nselect;
    eo.ignore = (const char *const *)s->ignore;
    eo.nignore = s->nignore;
    eo.include_local_io = s->include_local_io || s->config_local_io;
    /* Suppression comments are read from the open buffers first. */
    unsaved = xcalloc(ndocs + 1, sizeof(*unsaved));
    for (size_t k = 0; k < ndocs; k++) {
        unsaved[k].path = docs[k].path;
        unsaved[k].contents = docs[k].text;
        unsaved[k].length = docs[k].len;
    }
    eo.unsaved = unsaved;
    eo.nunsaved = ndocs;
    eo.suppress = 1;
    eo.configs = s->configs;
    engine_check((const struct fact_tu *const *)all, n, s->cat, &eo, &res);
    free(all);

    msgs = xcalloc(ndocs + 1, sizeof(*msgs));
    for (size_t k = 0; k < ndocs; k++) {
        cJSON *arr;
        msgs[k] = cJSON_CreateObject();
        cJSON_AddStringToObject(msgs[k], "uri", docs[k].uri);
        cJSON_AddNumberToObject(msgs[k], "version", docs[k].version);
        arr = cJSON_AddArrayToObject(msgs[k], "diagnostics");
        for (size_t i = 0; i < res.diags.n; i++) {
            const struct sw_diag *d = &res.diags.items[i];
            if (strcmp(d->file, docs[k].path) == 0)
                cJSON_AddItemToArray(arr, diag_json(s, d, &docs[k]));
        }
    }
    /*
     * Publish under the lock, so that a didClose (which clears the
     * document's diagnostics under it too) cannot slip in between the
     * staleness check and the writes.  A newer change means its own
     * analysis will publish: this result is dropped.
     */
    pthread_mutex_lock(&s->mu);
    stale = s->gen != gen || s->quit;
    for (size_t k = 0; k < ndocs; k++) {
        if (stale)
            cJSON_Delete(msgs[k]);
        else
            jrpc_send_notification(&s->w, "textDocument/publishDiagnostics",
                                   msgs[k]);
    }
    pthread_mutex_unlock(&s->mu);
    free(msgs);
    free(unsaved);
    engine_result_release(&res);
}

static void snaps_free(struct snap *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].uri);
        free(v[i].path);
        free(v[i].text);
    }
    free(v);
}

static void *worker_main(void *arg)
{
    struct server *s = arg;
    char *root;

    pthread_mutex_lock(&s->mu);
    root = xstrdup(s->root);
    pthread_mutex_unlock(&s->mu);
    load_db(s, root);
    free(root);
    load_configs(s);
    s->idx = extract_index_new();

    pthread_mutex_lock(&s->mu);
    while (!s->quit) {
        struct snap *docs;
        size_t ndocs = s->ndocs, nreload = s->nreload;
        char **reload = s->reload;
        struct sw_unsaved *unsaved;
        char **changed;
        size_t nchanged;
        double t0, t1;
        unsigned long gen = s->gen;
        if (!s->pending) {
            pthread_cond_wait(&s->cv, &s->mu);
            continue;
        }
        s->pending = 0;
        s->reload = NULL;
        s->nreload = s->reload_cap = 0;
        docs = xcalloc(ndocs + 1, sizeof(*docs));
        for (size_t i = 0; i < ndocs; i++) {
            struct doc *d = &s->docs[i];
            docs[i].uri = xstrdup(d->uri);
            docs[i].path = xstrdup(d->path);
            docs[i].text = xstrndup(d->text, d->len);
            docs[i].len = d->len;
            docs[i].version = d->version;
            docs[i].dirty = d->dirty;
            d->dirty = 0;
        }
        pthread_mutex_unlock(&s->mu);

        /* Without a database at the root, try the first file's folder. */
        if (!s->tus && !s->db_tried && ndocs) {
            char *dir = xstrdup(docs[0].path);
            s->db_tried = 1;
            *strrchr(dir, '/') = '\0';
            load_db(s, *dir ? dir : "/");
            free(dir);
            load_configs(s);
        }
        unsaved = xcalloc(ndocs + 1, sizeof(*unsaved));
        changed = xcalloc(ndocs + nreload + 1, sizeof(*changed));
        nchanged = 0;
        for (size_t i = 0; i < ndocs; i++) {
            unsaved[i].path = docs[i].path;
            unsaved[i].contents = docs[i].text;
            unsaved[i].length = docs[i].len;
            if (docs[i].dirty)
                changed[nchanged++] = docs[i].path;
        }
        for (size_t i = 0; i < nreload; i++)
            changed[nchanged++] = reload[i];
        t0 = (sw_now() * 1e3);
        refresh(s, changed, nchanged, unsaved, ndocs, reload, nreload);
        t1 = (sw_now() * 1e3);
        for (size_t i = 0; i < nreload; i++)
            free(reload[i]);
        free(reload);
        free(changed);
        free(unsaved);
        check_and_publish(s, docs, ndocs, gen);
        if (s->timing)
            fprintf(stderr,
                    "syncwise lsp: timing: re-parse %.1f ms, rules and "
                    "publish %.1f ms\n",
                    t1 - t0, (sw_now() * 1e3) - t1);
        snaps_free(docs, ndocs);
        pthread_mutex_lock(&s->mu);
    }
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

/* Wakes the worker; call with mu held. */
static void kick(struct server *s)
{
    s->gen++;
    s->pending = 1;
    pthread_cond_signal(&s->cv);
}

/* ---- document notifications ---------------------------------------------- */

static struct doc *find_doc(struct server *s, const char *uri)
{
    for (size_t i = 0; i < s->ndocs; i++)
        if (strcmp(s->docs[i].uri, uri) == 0)
            return &s->docs[i];
    return NULL;
}

static const char *text_document_uri(const cJSON *params)
{
    const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
    return td ? get_string(td, "uri") : NULL;
}

static void did_open(struct server *s, const cJSON *params)
{
    const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
    const char *uri = td ? get_string(td, "uri") : NULL;
    const char *text = td ? get_string(td, "text") : NULL;
    char *path;
    struct doc *d;
    int version = 0;
    if (!uri || !text) {
        log_line("%s: missing textDocument.uri or .text", "didOpen");
        return;
    }
    if (!(path = uri_to_path(uri))) {
        log_line("'%s' is not a file:// URI: not analysed", uri);
        return;
    }
    get_int(td, "version", &version);
    pthread_mutex_lock(&s->mu);
    if (!(d = find_doc(s, uri))) {
        xgrow((void **)&s->docs, &s->docs_cap, s->ndocs + 1, sizeof(*d));
        d = &s->docs[s->ndocs++];
        memset(d, 0, sizeof(*d));
        d->uri = xstrdup(uri);
        d->path = path;
    } else {
        free(path);
        free(d->text);
    }
    d->len = strlen(text);
    d->text = xstrndup(text, d->len);
    d->version = version;
    d->dirty = 1;
    kick(s);
    pthread_mutex_unlock(&s->mu);
}

/* Applies one incremental change (range + text) to d. */
static void apply_range(struct server *s, struct doc *d, const cJSON *rng,
                        const char *text)
{
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(rng, "start");
    const cJSON *en = cJSON_GetObjectItemCaseSensitive(rng, "end");
    int l1, c1, l2, c2;
    size_t a, b, n = strlen(text);
    char *nt;
    if (!get_int(st, "line", &l1) || !get_int(st, "character", &c1) ||
        !get_int(en, "line", &l2) || !get_int(en, "character", &c2) || l1 < 0 ||
        c1 < 0 || l2 < 0 || c2 < 0) {
        log_line("%s: malformed range", "didChange");
        return;
    }
    a = text_offset(d->text, d->len, s->utf8, l1, c1);
    b = text_offset(d->text, d->len, s->utf8, l2, c2);
    if (b < a)
        b = a;
    nt = xmalloc(d->len - (b - a) + n + 1);
    memcpy(nt, d->text, a);
    memcpy(nt + a, text, n);
    memcpy(nt + a + n, d->text + b, d->len - b);
    d->len = d->len - (b - a) + n;
    nt[d->len] = '\0';
    free(d->text);
    d->text = nt;
}

static void did_change(struct server *s, const cJSON *params)
{
    const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
    const cJSON *changes =
        cJSON_GetObjectItemCaseSensitive(params, "contentChanges");
    const char *uri = td ? get_string(td, "uri") : NULL;
    const cJSON *c;
    struct doc *d;
    if (!uri || !cJSON_IsArray(changes)) {
        log_line("%s: missing textDocument.uri or contentChanges", "didChange");
        return;
    }
    pthread_mutex_lock(&s->mu);
    if (!(d = find_doc(s, uri))) {
        pthread_mutex_unlock(&s->mu);
        log_line("didChange for '%s', which is not open", uri);
        return;
    }
    cJSON_ArrayForEach(c, changes)
    {
        const char *text = get_string(c, "text");
        const cJSON *rng = cJSON_GetObjectItemCaseSensitive(c, "range");
        if (!text)
            continue;
        if (rng) {
            apply_range(s, d, rng, text);
        } else {
            free(d->text);
            d->len = strlen(text);
            d->text = xstrndup(text, d->len);
        }
    }
    get_int(td, "version", &d->version);
    d->dirty = 1;
    kick(s);
    pthread_mutex_unlock(&s->mu);
}

static void did_save(struct server *s, const cJSON *params)
{
    const char *uri = text_document_uri(params);
    struct doc *d;
    const char *text = get_string(params, "text");
    if (!uri)
        return;
    pthread_mutex_lock(&s->mu);
    if ((d = find_doc(s, uri))) {
        if (text) {
            free(d->text);
            d->len = strlen(text);
            d->text = xstrndup(text, d->len);
        }
        /* Other files may include it: re-check the program. */
        d->dirty = 1;
        kick(s);
    }
    pthread_mutex_unlock(&s->mu);
}

static void did_close(struct server *s, const cJSON *params)
{
    const char *uri = text_document_uri(params);
    struct doc *d;
    cJSON *p;
    if (!uri)
        return;
    pthread_mutex_lock(&s->mu);
    if ((d = find_doc(s, uri))) {
        /* The file on disk is the truth again. */
        xgrow((void **)&s->reload, &s->reload_cap, s->nreload + 1,
              sizeof(char *));
        s->reload[s->nreload++] = d->path;
        free(d->uri);
        free(d->text);
        *d = s->docs[--s->ndocs];
        kick(s);
    }
    p = cJSON_CreateObject();
    cJSON_AddStringToObject(p, "uri", uri);
    cJSON_AddArrayToObject(p, "diagnostics");
    jrpc_send_notification(&s->w, "textDocument/publishDiagnostics", p);
    pthread_mutex_unlock(&s->mu);
}

/* ---- requests -------------------------------------------------------------
 */

static void string_list(const cJSON *arr, char ***out, size_t *n)
{
    const cJSON *v;
    cJSON_ArrayForEach(v, arr)
    {
        if (!cJSON_IsString(v))
            continue;
        *out = xrealloc(*out, (*n + 1) * sizeof(char *));
        (*out)[(*n)++] = xstrdup(v->valuestring);
    }
}

static cJSON *initialize(struct server *s, const cJSON *params)
{
    const cJSON *enc, *opts, *folders, *v;
    const char *root_uri = get_string(params, "rootUri");
    const char *root_path = get_string(params, "rootPath");
    cJSON *res = cJSON_CreateObject(), *caps, *sync, *save, *ca, *kinds, *info;

    folders = cJSON_GetObjectItemCaseSensitive(params, "workspaceFolders");
    if (!root_uri && cJSON_IsArray(folders) && cJSON_GetArrayItem(folders, 0))
        root_uri = get_string(cJSON_GetArrayItem(folders, 0), "uri");
    if (root_uri)
        s->root = uri_to_path(root_uri);
    if (!s->root && root_path && root_path[0] == '/')
        s->root = xstrdup(root_path);
    if (!s->root)
        s->root = getcwd(NULL, 0);
    if (!s->root)
        s->root = xstrdup("/");

    /* LSP 3.17: use UTF-8 positions when the client offers them. */
    enc = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(
            cJSON_GetObjectItemCaseSensitive(params, "capabilities"),
            "general"),
        "positionEncodings");
    cJSON_ArrayForEach(v, enc)
    {
        if (cJSON_IsString(v) && strcmp(v->valuestring, "utf-8") == 0)
            s->utf8 = 1;
    }
    opts = cJSON_GetObjectItemCaseSensitive(params, "initializationOptions");
    if (cJSON_IsObject(opts)) {
        string_list(cJSON_GetObjectItemCaseSensitive(opts, "select"),
                    &s->select, &s->nselect);
        string_list(cJSON_GetObjectItemCaseSensitive(opts, "ignore"),
                    &s->ignore, &s->nignore);
        s->include_local_io = cJSON_IsTrue(
            cJSON_GetObjectItemCaseSensitive(opts, "includeLocalIo"));
    }

    caps = cJSON_AddObjectToObject(res, "capabilities");
    cJSON_AddStringToObject(caps, "positionEncoding",
                            s->utf8 ? "utf-8" : "utf-16");
    sync = cJSON_AddObjectToObject(caps, "textDocumentSync");
    cJSON_AddTrueToObject(sync, "openClose");
    cJSON_AddNumberToObject(sync, "change", 1); /* full */
    save = cJSON_AddObjectToObject(sync, "save");
    cJSON_AddFalseToObject(save, "includeText");
    ca = cJSON_AddObjectToObject(caps, "codeActionProvider");
    kinds = cJSON_AddArrayToObject(ca, "codeActionKinds");
    cJSON_AddItemToArray(kinds, cJSON_CreateString("quickfix"));
    info = cJSON_AddObjectToObject(res, "serverInfo");
    cJSON_AddStringToObject(info, "name", "syncwise");
    cJSON_AddStringToObject(info, "version", SYNCWISE_VERSION);
    return res;
}

/* Quick fixes: "// syncwise: ignore[CODE]" on the line above a finding. */
static cJSON *code_action(struct server *s, const cJSON *params, int *bad)
{
    const char *uri = text_document_uri(params);
    const cJSON *diags = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(params, "context"), "diagnostics");
    const cJSON *dj;
    cJSON *out = cJSON_CreateArray();
    struct doc *d;
    if (!uri || !cJSON_IsArray(diags)) {
        *bad = 1;
        return out;
    }
    pthread_mutex_lock(&s->mu);
    d = find_doc(s, uri);
    cJSON_ArrayForEach(dj, diags)
    {
        const char *code = get_string(dj, "code");
        const char *src = get_string(dj, "source");
        const cJSON *st = cJSON_GetObjectItemCaseSensitive(
            cJSON_GetObjectItemCaseSensitive(dj, "range"), "start");
        int line = 0;
        cJSON *a, *edit, *changes, *edits, *te, *ds;
        struct strbuf text = STRBUF_INIT;
        char *title;
        if (!code || !src || strcmp(src, "syncwise") != 0 ||
            !get_int(st, "line", &line) || line < 0)
            continue;
        if (d) {
            const char *p = line_start(d->text, d->len, line);
            const char *end = d->text + d->len;
            while (p && p < end && (*p == ' ' || *p == '\t'))
                strbuf_addch(&text, *p++);
        }
        strbuf_addf(&text, "// syncwise: ignore[%s]\n", code);
        title = xasprintf("Ignore %s on this line (syncwise: ignore[%s])", code,
                          code);
        a = cJSON_CreateObject();
        cJSON_AddStringToObject(a, "title", title);
        cJSON_AddStringToObject(a, "kind", "quickfix");
        ds = cJSON_AddArrayToObject(a, "diagnostics");
        cJSON_AddItemToArray(ds, cJSON_Duplicate(dj, 1));
        edit = cJSON_AddObjectToObject(a, "edit");
        changes = cJSON_AddObjectToObject(edit, "changes");
        edits = cJSON_AddArrayToObject(changes, uri);
        te = cJSON_CreateObject();
        cJSON_AddItemToObject(te, "range", range(line, 0, line, 0));
        cJSON_AddStringToObject(te, "newText", text.buf);
        cJSON_AddItemToArray(edits, te);
        cJSON_AddItemToArray(out, a);
        free(title);
        strbuf_release(&text);
    }
    pthread_mutex_unlock(&s->mu);
    return out;
}

static void start_worker(struct server *s)
{
    pthread_attr_t attr;
    if (!s->analyse)
        return; /* lsp_serve() for the fuzzer: messages only */
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, LSP_WORKER_STACK);
    s->worker_started = pthread_create(&s->worker, &attr, worker_main, s) == 0;
    pthread_attr_destroy(&attr);
    if (!s->worker_started)
        log_line("cannot start the analysis thread: %s", strerror(errno));
}

/*
 * Handles one message.  Returns -1 to go on, or the exit status after an
 * exit notification.
 */
static int handle(struct server *s, const char *body)
{
    cJSON *msg = cJSON_Parse(body);
    const cJSON *id, *params;
    const char *method;
    int is_request, rc = -1;

    if (!msg) {
        jrpc_send_error(&s->w, NULL, JRPC_PARSE_ERROR,
                        "parse error: the message is not valid JSON");
        return -1;
    }
    id = cJSON_GetObjectItemCaseSensitive(msg, "id");
    method = get_string(msg, "method");
    params = cJSON_GetObjectItemCaseSensitive(msg, "params");
    is_request = id != NULL;
    if (!cJSON_IsObject(msg)) {
        jrpc_send_error(&s->w, NULL, JRPC_INVALID_REQUEST,
                        "invalid request: a message must be a JSON object");
        goto out;
    }
    if (id && !cJSON_IsNumber(id) && !cJSON_IsString(id) && !cJSON_IsNull(id)) {
        jrpc_send_error(&s->w, NULL, JRPC_INVALID_REQUEST,
                        "invalid request: 'id' must be a number or a string");
        goto out;
    }
    if (!method) {
        /* A response to a request of ours (we send none): ignore it. */
        if (id && (cJSON_GetObjectItemCaseSensitive(msg, "result") ||
                   cJSON_GetObjectItemCaseSensitive(msg, "error")))
            goto out;
        jrpc_send_error(&s->w, id, JRPC_INVALID_REQUEST,
                        "invalid request: 'method' must be a string");
        goto out;
    }
    if (!get_string(msg, "jsonrpc") ||
        strcmp(get_string(msg, "jsonrpc"), "2.0") != 0) {
        if (is_request)
            jrpc_send_error(&s->w, id, JRPC_INVALID_REQUEST,
                            "invalid request: 'jsonrpc' must be \"2.0\"");
        goto out;
    }
    if (params && !cJSON_IsObject(params) && !cJSON_IsArray(params) &&
        !cJSON_IsNull(params)) {
        if (is_request)
            jrpc_send_error(&s->w, id, JRPC_INVALID_PARAMS,
                            "invalid params: 'params' must be an object");
        goto out;
    }

    if (!is_request) {
        if (strcmp(method, "exit") == 0) {
            rc = s->shutdown ? 0 : 1;
            goto out;
        }
        if (!s->initialized || s->shutdown)
            goto out;
        if (strcmp(method, "textDocument/didOpen") == 0)
            did_open(s, params);
        else if (strcmp(method, "textDocument/didChange") == 0)
            did_change(s, params);
        else if (strcmp(method, "textDocument/didSave") == 0)
            did_save(s, params);
        else if (strcmp(method, "textDocument/didClose") == 0)
            did_close(s, params);
        /* initialized, $/..., and unknown notifications: nothing to do. */
        goto out;
    }

    if (strcmp(method, "initialize") == 0) {
        if (s->initialized) {
            jrpc_send_error(&s->w, id, JRPC_INVALID_REQUEST,
                            "invalid request: already initialized");
            goto out;
        }
        if (!cJSON_IsObject(params)) {
            jrpc_send_error(&s->w, id, JRPC_INVALID_PARAMS,
                            "invalid params: initialize needs an object");
            goto out;
        }
        jrpc_send_result(&s->w, id, initialize(s, params));
        s->initialized = 1;
        start_worker(s);
    } else if (!s->initialized) {
        jrpc_send_error(&s->w, id, JRPC_SERVER_NOT_INITIALIZED,
                        "server not initialized");
    } else if (s->shutdown) {
        jrpc_send_error(&s->w, id, JRPC_INVALID_REQUEST,
                        "invalid request: the server is shutting down");
    } else if (strcmp(method, "shutdown") == 0) {
        s->shutdown = 1;
        jrpc_send_result(&s->w, id, NULL);
    } else if (strcmp(method, "textDocument/codeAction") == 0) {
        int bad = 0;
        cJSON *r = code_action(s, params, &bad);
        if (bad) {
            cJSON_Delete(r);
            jrpc_send_error(&s->w, id, JRPC_INVALID_PARAMS,
                            "invalid params: codeAction needs textDocument "
                            "and context.diagnostics");
        } else {
            jrpc_send_result(&s->w, id, r);
        }
    } else {
        char *m = xasprintf("method not found: '%s'", method);
        jrpc_send_error(&s->w, id, JRPC_METHOD_NOT_FOUND, m);
        free(m);
    }
out:
    cJSON_Delete(msg);
    return rc;
}

static void server_release(struct server *s)
{
    if (s->worker_started) {
        pthread_mutex_lock(&s->mu);
        s->quit = 1;
        pthread_cond_signal(&s->cv);
        pthread_mutex_unlock(&s->mu);
        pthread_join(s->worker, NULL);
    }
    for (size_t i = 0; i < s->ndocs; i++) {
        free(s->docs[i].uri);
        free(s->docs[i].path);
        free(s->docs[i].text);
    }
    free(s->docs);
    for (size_t i = 0; i < s->nreload; i++)
        free(s->reload[i]);
    free(s->reload);
    for (size_t i = 0; s->tus && i < s->db.n; i++)
        facts_tu_free(s->tus[i]);
    free(s->tus);
    compdb_release(&s->db);
    for (size_t i = 0; i < s->nextra; i++) {
        free(s->extra[i].path);
        facts_tu_free(s->extra[i].tu);
    }
    free(s->extra);
    if (s->idx)
        extract_index_free(s->idx);
    for (size_t i = 0; s->doc_uris && i < sw_nrules; i++)
        free(s->doc_uris[i]);
    free(s->doc_uris);
    for (size_t i = 0; i < s->nselect; i++)
        free(s->select[i]);
    free(s->select);
    for (size_t i = 0; i < s->nignore; i++)
        free(s->ignore[i]);
    free(s->ignore);
    free(s->root);
    config_set_free(s->configs);
    if (s->cat)
        catalog_free(s->cat);
    pthread_cond_destroy(&s->cv);
    pthread_mutex_destroy(&s->mu);
    jrpc_writer_release(&s->w);
}

int lsp_serve(FILE *in, FILE *out, int analyse)
{
    struct server s;
    struct jrpc_reader r = {in, JRPC_MAX_BODY};
    int rc = 1;

    memset(&s, 0, sizeof(s));
    jrpc_writer_init(&s.w, out);
    pthread_mutex_init(&s.mu, NULL);
    pthread_cond_init(&s.cv, NULL);
    s.analyse = analyse;
    s.timing = getenv("SYNCWISE_LSP_TIMING") != NULL;
    s.doc_uris = xcalloc(sw_nrules + 1, sizeof(*s.doc_uris));
    if (analyse) {
        char **errs = NULL;
        size_t nerrs = 0;
        s.cat = catalog_new();
        if (catalog_load_builtin(s.cat, &errs, &nerrs) < 0) {
            for (size_t i = 0; i < nerrs; i++) {
                fprintf(stderr, "syncwise: error: %s\n", errs[i]);
                free(errs[i]);
            }
            free(errs);
            server_release(&s);
            return 2;
        }
    }
    for (;;) {
        char *body = NULL;
        size_t len = 0;
        const char *err = NULL;
        int k = jrpc_read(&r, &body, &len, &err);
        if (k == 0)
            break; /* end of input without exit */
        if (k < 0) {
            jrpc_send_error(&s.w, NULL, JRPC_PARSE_ERROR, err);
            continue;
        }
        k = handle(&s, body);
        free(body);
        if (k >= 0) {
            rc = k;
            break;
        }
        if (s.w.failed)
            break;
    }
    server_release(&s);
    return rc;
}

int lsp_main(int argc, char **argv)
{
    if (argc > 1 &&
        (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
        puts("usage: syncwise lsp\n\nA language server (LSP) on stdin and "
             "stdout.  It finds compile_commands.json\nlike 'syncwise check' "
             "does, from the workspace root.");
        return 0;
    }
    if (argc > 1) {
        fprintf(stderr, "syncwise: error: lsp: unexpected argument '%s'\n",
                argv[1]);
        return 2;
    }
    /* A client that goes away must not kill us mid-write. */
    signal(SIGPIPE, SIG_IGN);
    return lsp_serve(stdin, stdout, 1);
}
