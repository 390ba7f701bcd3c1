#include "advise/advise.h"

#include "catalog/catalog.h"
#include "common/xalloc.h"
#include "engine/rules.h"
#include "facts/facts.h"
#include "frontend/compdb.h"
#include "frontend/parse.h"
#include "program/remote.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const verdict_keys[] = {
#define X(id, key, text) key,
    ADVISE_VERDICTS(X)
#undef X
};
static const char *const verdict_texts[] = {
#define X(id, key, text) text,
    ADVISE_VERDICTS(X)
#undef X
};

/* ---- verdicts ----------------------------------------------------------- */

static void add_ev(struct advise_evidence **v, size_t *n, size_t *cap,
                   const char *rule, const char *file, int line)
{
    for (size_t i = 0; i < *n; i++)
        if ((*v)[i].line == line && strcmp((*v)[i].file, file) == 0 &&
            strcmp((*v)[i].rule, rule) == 0)
            return;
    if (*n == *cap)
        xgrow((void **)v, cap, *n + 1, sizeof(**v));
    (*v)[*n].rule = rule;
    (*v)[*n].file = file;
    (*v)[(*n)++].line = line;
}

static struct advise_entry *entry_for(struct advise_report *r, int func,
                                      const char *kind)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->items[i].func == func)
            return &r->items[i];
    if (r->n == r->cap)
        xgrow((void **)&r->items, &r->cap, r->n + 1, sizeof(*r->items));
    memset(&r->items[r->n], 0, sizeof(r->items[0]));
    r->items[r->n].func = func;
    r->items[r->n].kind = kind;
    r->items[r->n].verdict = ADVISE_SYNC_FINE;
    return &r->items[r->n++];
}

/*
 * SW303's findings per function (the rule itself is run, so a loop entry
 * is "async would help" exactly when SW303 reports in it).  Caller frees.
 */
static int *sw303_findings(const struct program *p)
{
    int *n = xcalloc(p->nfuncs ? p->nfuncs : 1, sizeof(int));
    const struct rule_info *rule = rules_find("SW303");
    struct sw_diags found = {0};
    struct rule_ctx ctx = {p, p->cat, rule, &found, 0};
    if (!rule || !rule->check)
        return n;
    rule->check(&ctx);
    for (size_t i = 0; i < found.n; i++) {
        const struct sw_diag *d = &found.items[i];
        for (size_t f = 0; d->function && f < p->nfuncs; f++)
            if (strcmp(p->funcs[f].f->name, d->function) == 0 &&
                strcmp(p->funcs[f].f->file, d->file) == 0 &&
                d->line >= p->funcs[f].f->line &&
                d->line <= p->funcs[f].f->end_line)
                n[f]++;
    }
    diags_release(&found);
    return n;
}

/*
 * The N of "async would help (N independent remote waits)": the remote
 * waits made one after another in the entry's own body, outside loops,
 * that do not depend on each other -- the group SW301 reports, from the
 * same function (program/remote.h), so the two never disagree.
 */
static int independent_remote(struct remote *r, int func)
{
    int kept[REMOTE_MAX_GROUP], n;
    size_t ncalls;
    struct remote_call *calls = remote_calls(r, func, &ncalls);
    n = remote_independent(r, func, calls, ncalls, -1, kept, REMOTE_MAX_GROUP);
    free(calls);
    return n;
}

/* The SW101-SW104 findings a spawn root gets, as evidence. */
static void spawn_evidence(const struct program *p, int ri,
                           struct advise_entry *e)
{
    const struct prog_root *r = &p->roots[ri];
    const struct prog_func *sf = &p->funcs[r->site_func];
    const struct fact_call *c = &sf->f->calls[r->site_call];
    int wait, cr, de;
    const struct cat_pool *pool;

    add_ev(&e->sites, &e->nsites, &e->sites_cap, r->api, sf->f->file, c->line);
    if (program_spawn_waited(p, r->site_func, r->site_call, &wait) &&
        !program_single_use_pool(p, r->site_func, r->site_call, &cr, &de,
                                 &pool))
        add_ev(&e->ev, &e->nev, &e->ev_cap, "SW101", sf->f->file, c->line);
    for (size_t k = 0; k < sf->f->ncalls; k++)
        if (program_single_use_pool(p, r->site_func, (int)k, &cr, &de, &pool) &&
            ((int)k == r->site_call || cr == r->site_call))
            add_ev(&e->ev, &e->nev, &e->ev_cap, "SW104", sf->f->file,
                   sf->f->calls[k].line);
    if (prog_profile_trivial(&e->profile))
        add_ev(&e->ev, &e->nev, &e->ev_cap, "SW102", sf->f->file, c->line);
    if (!program_root_offloaded_from_loop(p, ri) &&
        prog_profile_local_only(&e->profile))
        add_ev(&e->ev, &e->nev, &e->ev_cap, "SW103", sf->f->file, c->line);
}

/* Callbacks of a loop that only waits on local work get SW103's finding at
 * the loop's run call as evidence. */
static void local_loop_evidence(const struct program *p,
                                const struct prog_witness *w,
                                struct advise_report *out)
{
    struct prog_local_loop *l;
    size_t n = program_local_loops(p, w, 0, &l);
    for (size_t i = 0; i < n; i++) {
        const struct fact_func *rf = p->funcs[l[i].func].f;
        for (size_t r = 0; r < l[i].nroots; r++)
            for (size_t k = 0; k < out->n; k++) {
                struct advise_entry *e = &out->items[k];
                if (e->func == p->roots[l[i].roots[r]].func &&
                    strcmp(e->kind, "loop") == 0)
                    add_ev(&e->ev, &e->nev, &e->ev_cap, "SW103", rf->file,
                           rf->calls[l[i].call].line);
            }
    }
    program_local_loops_free(l, n);
}

static const char *root_kind(const struct prog_root *r)
{
    switch (r->kind) {
    case PROG_ROOT_ENTRY:
        return strcmp(r->api, "main") == 0 ? "main" : "exported";
    case PROG_ROOT_SPAWN:
        return r->ctx == PROG_CTX_THREAD ? "thread" : "pool";
    default:
        return "loop";
    }
}

static int verdict_rank(const struct advise_entry *e)
{
    return (int)e->verdict;
}

static int cmp_entries(const void *a, const void *b)
{
    const struct advise_entry *x = a, *y = b;
    if (verdict_rank(x) != verdict_rank(y))
        return verdict_rank(x) - verdict_rank(y);
    if (x->nwaits != y->nwaits)
        return y->nwaits - x->nwaits;
    if (x->profile.nsites != y->profile.nsites)
        return (int)y->profile.nsites - (int)x->profile.nsites;
    return x->func - y->func;
}

static void decide(const struct program *p, struct remote *r,
                   struct advise_entry *e, int loop_findings)
{
    const struct prog_profile *pr = &e->profile;
    const char *name = p->funcs[e->func].f->name;
    if (e->nev && strcmp(e->kind, "loop") == 0) {
        e->verdict = ADVISE_ADDS_NOTHING;
        e->reason = xasprintf("'%s' runs on an event loop that only waits on "
                              "local resources (%s)",
                              name, e->ev[0].rule);
        return;
    }
    if (e->nev) {
        e->verdict = ADVISE_ADDS_NOTHING;
        e->reason = xasprintf("'%s' is offloaded, but %s (%s)", name,
                              strcmp(e->ev[0].rule, "SW101") == 0
                                  ? "its spawner waits for it at once"
                              : strcmp(e->ev[0].rule, "SW102") == 0
                                  ? "its work is trivial"
                              : strcmp(e->ev[0].rule, "SW103") == 0
                                  ? "it only waits on local resources"
                                  : "its pool is used for this one task",
                              e->ev[0].rule);
        return;
    }
    if (loop_findings) {
        e->verdict = ADVISE_ASYNC_HELPS;
        e->nwaits = loop_findings;
        e->on_loop = 1;
        e->reason = xasprintf("'%s' runs on an event loop and makes %d "
                              "blocking call%s there (SW303)",
                              name, e->nwaits, e->nwaits == 1 ? "" : "s");
        return;
    }
    e->nwaits = independent_remote(r, e->func);
    if (e->nwaits >= 2) {
        e->verdict = ADVISE_ASYNC_HELPS;
        e->reason = xasprintf("'%s' makes %d remote waits one after another "
                              "that do not depend on each other",
                              name, e->nwaits);
        return;
    }
    if (pr->nsites == 0 && pr->unresolved == 0 && pr->nested_cpu_loops > 0) {
        e->verdict = ADVISE_CPU_BOUND;
        e->reason =
            xasprintf("'%s' spends its time in %d loop%s that wait "
                      "for nothing",
                      name, pr->cpu_loops, pr->cpu_loops == 1 ? "" : "s");
        return;
    }
    e->verdict = ADVISE_SYNC_FINE;
    if (pr->nwaits[PROG_WAIT_REMOTE] > 1)
        e->reason = xasprintf("the remote waits of '%s' depend on each other, "
                              "repeat in loops or go to unknown places (not "
                              "counted as independent)",
                              name);
    else if (pr->nwaits[PROG_WAIT_REMOTE] == 1 || e->nwaits == 1)
        e->reason = xasprintf("'%s' has one remote wait at a time: nothing to "
                              "overlap",
                              name);
    else if (pr->nsites)
        e->reason = xasprintf("'%s' only waits on local resources, sleeps or "
                              "other threads",
                              name);
    else
        e->reason =
            xasprintf("'%s' does little work and waits for nothing", name);
}

void advise_compute(const struct program *p, struct advise_report *out)
{
    struct prog_witness *w = program_blocking(p, NULL, NULL);
    int *loop_findings = sw303_findings(p);
    struct remote *rem = remote_get(p);

    memset(out, 0, sizeof(*out));
    for (size_t r = 0; r < p->nroots; r++) {
        const struct prog_root *root = &p->roots[r];
        struct advise_entry *e;
        int fresh;
        size_t before = out->n;
        if (root->kind == PROG_ROOT_POLL)
            continue; /* its function is in main's or a thread's profile */
        e = entry_for(out, root->func, root_kind(root));
        fresh = out->n != before;
        if (!fresh && strcmp(e->kind, "exported") == 0)
            e->kind = root_kind(root); /* started or registered: say how */
        if (fresh)
            program_profile(p, w, root->func, &e->profile);
        if (root->kind == PROG_ROOT_SPAWN && root->site_func >= 0)
            spawn_evidence(p, (int)r, e);
    }
    local_loop_evidence(p, w, out);
    /* Exported functions and pointer-called loop code: only when they wait. */
    for (size_t i = 0; i < out->n;) {
        struct advise_entry *e = &out->items[i];
        int keep = 1;
        if (strcmp(e->kind, "exported") == 0 && e->profile.nsites == 0)
            keep = 0;
        if (strcmp(e->kind, "loop") == 0 &&
            p->roots[p->funcs[e->func].loop_root >= 0
                         ? p->funcs[e->func].loop_root
                         : 0]
                    .kind == PROG_ROOT_DISPATCH &&
            e->profile.nsites == 0)
            keep = 0;
        if (!keep) {
            prog_profile_release(&e->profile);
            free(e->ev);
            free(e->sites);
            out->items[i] = out->items[--out->n];
            continue;
        }
        i++;
    }
    for (size_t i = 0; i < out->n; i++)
        decide(p, rem, &out->items[i], loop_findings[out->items[i].func]);
    if (out->n)
        qsort(out->items, out->n, sizeof(*out->items), cmp_entries);
    free(loop_findings);
    free(w);
}

void advise_release(struct advise_report *r)
{
    for (size_t i = 0; i < r->n; i++) {
        prog_profile_release(&r->items[i].profile);
        free(r->items[i].reason);
        free(r->items[i].ev);
        free(r->items[i].sites);
    }
    free(r->items);
    memset(r, 0, sizeof(*r));
}

/* ---- output ------------------------------------------------------------- */

static char *rel(const char *path, const char *base)
{
    return base ? path_relative(path, base) : xstrdup(path);
}

/* "async would help (3 independent remote waits)"; caller frees. */
static char *verdict_line(const struct advise_entry *e)
{
    if (e->verdict == ADVISE_ASYNC_HELPS)
        return xasprintf("%s (%d %s)", verdict_texts[e->verdict], e->nwaits,
                         e->on_loop ? (e->nwaits == 1 ? "wait blocks the loop"
                                                      : "waits block the loop")
                                    : "independent remote waits");
    return xstrdup(verdict_texts[e->verdict]);
}

#define MAX_SHOWN 3 /* calls listed per wait class in text */

void advise_print_text(FILE *out, const struct program *p,
                       const struct advise_report *r, const char *base)
{
    int counts[ADVISE_VERDICT_COUNT] = {0};
    fprintf(out, "%-24s %-9s %-28s %6s %5s %5s %4s %4s  %s\n", "ENTRY", "KIND",
            "WHERE", "REMOTE", "LOCAL", "SLEEP", "SYNC", "CPU", "VERDICT");
    for (size_t i = 0; i < r->n; i++) {
        const struct advise_entry *e = &r->items[i];
        const struct fact_func *f = p->funcs[e->func].f;
        char *file = rel(f->file, base);
        char *where = xasprintf("%s:%d", file, f->line);
        char *v = verdict_line(e);
        counts[e->verdict]++;
        fprintf(out, "%-24s %-9s %-28s %6d %5d %5d %4d %4d  %s\n", f->name,
                e->kind, where, e->profile.nwaits[PROG_WAIT_REMOTE],
                e->profile.nwaits[PROG_WAIT_LOCAL],
                e->profile.nwaits[PROG_WAIT_SLEEP],
                e->profile.nwaits[PROG_WAIT_SYNC], e->profile.cpu_loops, v);
        for (int c = 0; c < PROG_WAIT_COUNT; c++) {
            int shown = 0;
            if (!e->profile.nwaits[c])
                continue;
            fprintf(out,
                    "    %s:", prog_wait_class_name((enum prog_wait_class)c));
            for (size_t k = 0; k < e->profile.nsites; k++) {
                const struct prog_wait_site *s = &e->profile.sites[k];
                const struct fact_func *sf;
                char *sfile;
                if ((int)s->cls != c)
                    continue;
                if (shown == MAX_SHOWN) {
                    fprintf(out, " ...");
                    break;
                }
                sf = p->funcs[s->func].f;
                sfile = rel(sf->file, base);
                fprintf(out, "%s %s (%s:%d)", shown ? "," : "", s->api, sfile,
                        sf->calls[s->call].line);
                free(sfile);
                shown++;
            }
            fputc('\n', out);
        }
        fprintf(out, "    why: %s\n", e->reason);
        free(v);
        free(where);
        free(file);
    }
    fprintf(out,
            "%zu entry point%s: %d async would help, %d CPU-bound, %d async "
            "adds nothing, %d sync is fine\n",
            r->n, r->n == 1 ? "" : "s", counts[ADVISE_ASYNC_HELPS],
            counts[ADVISE_CPU_BOUND], counts[ADVISE_ADDS_NOTHING],
            counts[ADVISE_SYNC_FINE]);
}

static cJSON *loc_json(const char *file, int line, const char *base)
{
    cJSON *o = cJSON_CreateObject();
    char *f = rel(file, base);
    cJSON_AddStringToObject(o, "file", f);
    cJSON_AddNumberToObject(o, "line", line);
    free(f);
    return o;
}

void advise_print_json(FILE *out, const struct program *p,
                       const struct advise_report *r, const char *base,
                       const char *const *errors, size_t nerrors)
{
    cJSON *root = cJSON_CreateObject(), *tool = cJSON_CreateObject();
    cJSON *entries = cJSON_CreateArray(), *sum = cJSON_CreateObject();
    cJSON *by = cJSON_CreateObject(), *errs = cJSON_CreateArray();
    int counts[ADVISE_VERDICT_COUNT] = {0};
    char *text;

    cJSON_AddStringToObject(tool, "name", "syncwise");
    cJSON_AddStringToObject(tool, "version", SYNCWISE_VERSION);
    cJSON_AddItemToObject(root, "tool", tool);
    cJSON_AddNumberToObject(root, "schema_version", 1);
    for (size_t i = 0; i < r->n; i++) {
        const struct advise_entry *e = &r->items[i];
        const struct fact_func *f = p->funcs[e->func].f;
        cJSON *o = loc_json(f->file, f->line, base),
              *prof = cJSON_CreateObject();
        cJSON *ev = cJSON_CreateArray(), *sites = cJSON_CreateArray();
        char *v = verdict_line(e);
        counts[e->verdict]++;
        cJSON_AddStringToObject(o, "function", f->name);
        cJSON_AddStringToObject(o, "kind", e->kind);
        for (int c = 0; c < PROG_WAIT_COUNT; c++) {
            cJSON *cl = cJSON_CreateObject(), *calls = cJSON_CreateArray();
            cJSON_AddNumberToObject(cl, "count", e->profile.nwaits[c]);
            for (size_t k = 0; k < e->profile.nsites; k++) {
                const struct prog_wait_site *s = &e->profile.sites[k];
                const struct fact_func *sf = p->funcs[s->func].f;
                cJSON *call;
                if ((int)s->cls != c)
                    continue;
                call = loc_json(sf->file, sf->calls[s->call].line, base);
                cJSON_AddStringToObject(call, "api", s->api);
                cJSON_AddStringToObject(call, "function", sf->name);
                cJSON_AddItemToArray(calls, call);
            }
            cJSON_AddItemToObject(cl, "calls", calls);
            cJSON_AddItemToObject(
                prof, prog_wait_class_name((enum prog_wait_class)c), cl);
        }
        cJSON_AddNumberToObject(prof, "loops", e->profile.loops);
        cJSON_AddNumberToObject(prof, "cpu_loops", e->profile.cpu_loops);
        cJSON_AddNumberToObject(prof, "unknown_calls",
                                e->profile.unresolved + e->profile.external);
        cJSON_AddNumberToObject(prof, "functions", e->profile.nfuncs);
        cJSON_AddItemToObject(o, "profile", prof);
        cJSON_AddStringToObject(o, "verdict", verdict_keys[e->verdict]);
        cJSON_AddStringToObject(o, "verdict_text", v);
        if (e->verdict == ADVISE_ASYNC_HELPS)
            cJSON_AddNumberToObject(o,
                                    e->on_loop ? "loop_blocking_waits"
                                               : "independent_remote_waits",
                                    e->nwaits);
        cJSON_AddStringToObject(o, "reason", e->reason);
        for (size_t k = 0; k < e->nev; k++) {
            cJSON *x = loc_json(e->ev[k].file, e->ev[k].line, base);
            cJSON_AddStringToObject(x, "rule", e->ev[k].rule);
            cJSON_AddItemToArray(ev, x);
        }
        for (size_t k = 0; k < e->nsites; k++) {
            cJSON *x = loc_json(e->sites[k].file, e->sites[k].line, base);
            cJSON_AddStringToObject(x, "api", e->sites[k].rule);
            cJSON_AddItemToArray(sites, x);
        }
        cJSON_AddItemToObject(o, "evidence", ev);
        cJSON_AddItemToObject(o, "started_at", sites);
        cJSON_AddItemToArray(entries, o);
        free(v);
    }
    cJSON_AddItemToObject(root, "entries", entries);
    for (size_t i = 0; i < nerrors; i++) {
        /* {"file", "message"} as in check's report: the quoted path */
        cJSON *x = cJSON_CreateObject();
        const char *q = strchr(errors[i], '\''),
                   *e = q ? strchr(q + 1, '\'') : NULL;
        char *file = e ? xstrndup(q + 1, (size_t)(e - q - 1)) : xstrdup("");
        cJSON_AddStringToObject(x, "file", file);
        cJSON_AddStringToObject(x, "message", errors[i]);
        cJSON_AddItemToArray(errs, x);
        free(file);
    }
    cJSON_AddItemToObject(root, "errors", errs);
    cJSON_AddNumberToObject(sum, "entries", (double)r->n);
    for (int v = 0; v < ADVISE_VERDICT_COUNT; v++)
        cJSON_AddNumberToObject(by, verdict_keys[v], counts[v]);
    cJSON_AddItemToObject(sum, "by_verdict", by);
    cJSON_AddItemToObject(root, "summary", sum);
    text = cJSON_Print(root);
    fprintf(out, "%s\n", text);
    free(text);
    cJSON_Delete(root);
}

/* ---- command ------------------------------------------------------------ */

static const char advise_usage[] =
    "usage: syncwise advise [options] [FILE...] [-- COMPILER_ARGS...]\n"
    "\n"
    "For every entry point (main, thread start routines, pool tasks, loop\n"
    "callbacks, exported functions that do I/O), prints its wait profile\n"
    "(remote, local, sleep, sync waits and CPU loops) and one verdict: sync\n"
    "is fine, async would help, async adds nothing here, or CPU-bound.\n"
    "\n"
    "options:\n"
    "  -p DIR           read DIR/compile_commands.json\n"
    "  -- ARGS          analyse FILEs with these compiler arguments\n"
    "  --format FORMAT  text (default) or json\n"
    "  -o FILE          write the report to FILE\n"
    "  -j N             parse N files in parallel (default: all cores)\n"
    "  -h, --help       print this help and exit\n";

struct advise_cli {
    const char *dbdir, *format, *output;
    int jobs;
    char **files;
    size_t nfiles;
    char **cargs;
    size_t ncargs;
    int dashdash;
};

static int usage(const char *fmt, const char *a)
{
    fprintf(stderr, "syncwise: error: ");
    fprintf(stderr, fmt, a);
    fprintf(stderr, "\nTry 'syncwise advise --help' for more information.\n");
    return 2;
}

/* Value of "-p DIR", "--format=X" or "--format X"; NULL when missing. */
static const char *value(int argc, char **argv, int *i, const char *flag)
{
    size_t n = strlen(flag);
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] == '\0' && *i + 1 < argc)
        return argv[++*i];
    if (argv[*i][n] && n == 2)
        return argv[*i] + 2; /* -pDIR, -j4 */
    return NULL;
}

static int flag_is(const char *a, const char *flag)
{
    size_t n = strlen(flag);
    return strncmp(a, flag, n) == 0 &&
           (a[n] == '\0' || a[n] == '=' || (n == 2 && a[1] != '-'));
}

static int parse(struct advise_cli *c, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (strcmp(a, "--") == 0) {
            c->dashdash = 1;
            c->cargs = argv + i + 1;
            c->ncargs = (size_t)(argc - i - 1);
            break;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(advise_usage, stdout);
            return 0;
        }
        if (flag_is(a, "-p")) {
            if (!(v = value(argc, argv, &i, "-p")))
                return usage("'%s' needs a directory", "-p");
            c->dbdir = v;
        } else if (flag_is(a, "--format")) {
            if (!(v = value(argc, argv, &i, "--format")))
                return usage("'%s' needs a value: text or json", "--format");
            if (strcmp(v, "text") != 0 && strcmp(v, "json") != 0)
                return usage("unknown format '%s' (use text or json)", v);
            c->format = v;
        } else if (flag_is(a, "-o")) {
            if (!(v = value(argc, argv, &i, "-o")))
                return usage("'%s' needs a file name", "-o");
            c->output = v;
        } else if (flag_is(a, "-j")) {
            char *end;
            long n;
            if (!(v = value(argc, argv, &i, "-j")))
                return usage("'%s' needs a number", "-j");
            n = strtol(v, &end, 10);
            if (*end || n < 1 || n > 1024)
                return usage("'-j' needs a number from 1 to 1024, not '%s'", v);
            c->jobs = (int)n;
        } else if (a[0] == '-' && a[1]) {
            return usage("unknown option '%s'", a);
        } else {
            c->files = xrealloc(c->files, (c->nfiles + 1) * sizeof(char *));
            c->files[c->nfiles++] = argv[i];
        }
    }
    return -1;
}

/* Fills db from the options; returns 0 or an exit status. */
static int load_db(const struct advise_cli *c, struct compdb *db, char ***errs,
                   size_t *nerrs)
{
    char *cwd = getcwd(NULL, 0), *path, *err = NULL, **warns = NULL;
    size_t nwarns = 0;
    if (c->dashdash) {
        if (!c->nfiles) {
            free(cwd);
            return usage("'--' needs FILE arguments before it, e.g. '%s'",
                         "syncwise advise main.c -- -Iinclude");
        }
        for (size_t i = 0; i < c->nfiles; i++)
            compdb_add(db, c->files[i], cwd, c->cargs, c->ncargs);
        free(cwd);
        return 0;
    }
    path = c->dbdir ? xasprintf("%s/compile_commands.json", c->dbdir)
                    : compdb_find(cwd);
    if (!path) {
        fprintf(stderr,
                "syncwise: error: no compile_commands.json in '%s', its "
                "build/ or its parents; pass -p DIR, or FILE... -- "
                "COMPILER_ARGS\n",
                cwd);
        free(cwd);
        return 2;
    }
    if (compdb_load(db, path, &err, &warns, &nwarns) < 0) {
        fprintf(stderr, "syncwise: error: %s\n", err);
        free(err);
        free(path);
        free(cwd);
        return 2;
    }
    for (size_t i = 0; i < nwarns; i++) {
        *errs = xrealloc(*errs, (*nerrs + 1) * sizeof(char *));
        (*errs)[(*nerrs)++] = warns[i];
    }
    free(warns);
    free(path);
    free(cwd);
    return 0;
}

int advise_main(int argc, char **argv)
{
    struct advise_cli c = {0};
    struct compdb db = {0};
    struct catalog *cat;
    char **errs = NULL;
    size_t nerrs = 0;
    struct fact_tu **tus;
    struct parse_opts po = {0};
    struct program *prog;
    struct advise_report rep;
    FILE *out = stdout;
    char *cwd;
    int rc;

    c.format = "text";
    rc = parse(&c, argc, argv);
    if (rc >= 0) {
        free(c.files);
        return rc;
    }
    cat = catalog_new();
    if (catalog_load_builtin(cat, &errs, &nerrs) < 0) {
        for (size_t i = 0; i < nerrs; i++) {
            fprintf(stderr, "syncwise: error: %s\n", errs[i]);
            free(errs[i]);
        }
        free(errs);
        catalog_free(cat);
        free(c.files);
        return 2;
    }
    rc = load_db(&c, &db, &errs, &nerrs);
    if (rc) {
        catalog_free(cat);
        free(c.files);
        return rc;
    }
    if (c.output && !(out = fopen(c.output, "w"))) {
        fprintf(stderr, "syncwise: error: cannot write '%s': %s\n", c.output,
                strerror(errno));
        compdb_release(&db);
        catalog_free(cat);
        free(c.files);
        return 2;
    }
    tus = xcalloc(db.n ? db.n : 1, sizeof(*tus));
    po.jobs = c.jobs;
    po.skip_inputs = 1;
    po.isolate = 1; /* the default limits (frontend/parse.h) */
    po.limits.timeout_s = PARSE_DEFAULT_TIMEOUT;
    po.limits.memory_mib =
        parse_default_memory(c.jobs > 0 ? c.jobs : parse_default_jobs());
    parse_all(&db, &po, tus);
    for (size_t i = 0; i < db.n; i++) {
        if (tus[i] && !tus[i]->parse_failed)
            continue;
        errs = xrealloc(errs, (nerrs + 1) * sizeof(char *));
        if (access(db.items[i].file, R_OK) != 0)
            errs[nerrs++] = xasprintf("cannot read '%s': %s", db.items[i].file,
                                      strerror(errno));
        else if (tus[i])
            errs[nerrs++] = xasprintf("cannot parse '%s': %s", db.items[i].file,
                                      tus[i]->first_error.message);
        else
            errs[nerrs++] = xasprintf("cannot parse '%s'", db.items[i].file);
    }
    for (size_t i = 0; i < nerrs; i++)
        fprintf(stderr, "syncwise: error: %s\n", errs[i]);
    prog = program_build(cat, (const struct fact_tu *const *)tus, db.n);
    advise_compute(prog, &rep);
    cwd = getcwd(NULL, 0);
    if (strcmp(c.format, "json") == 0)
        advise_print_json(out, prog, &rep, cwd, (const char *const *)errs,
                          nerrs);
    else
        advise_print_text(out, prog, &rep, cwd);
    rc = nerrs ? 2 : 0;
    if (out != stdout && fclose(out) != 0) {
        fprintf(stderr, "syncwise: error: cannot write '%s': %s\n", c.output,
                strerror(errno));
        rc = 2;
    }
    free(cwd);
    advise_release(&rep);
    program_free(prog);
    for (size_t i = 0; i < db.n; i++)
        facts_tu_free(tus[i]);
    free(tus);
    for (size_t i = 0; i < nerrs; i++)
        free(errs[i]);
    free(errs);
    compdb_release(&db);
    catalog_free(cat);
    free(c.files);
    return rc;
}
