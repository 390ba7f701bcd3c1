/*
 * The whole-program step at scale: generates a synthetic program as facts
 * (by default 100,000 functions and 1,000,000 call edges in 100 files, with
 * threads, pool-free spawns, blocking calls and shared globals sprinkled
 * in), then links it and runs every rule, as "syncwise link" does.
 *
 * usage: link_bench [-f FUNCTIONS] [-e EDGES] [-t FILES] [-s SPAWN_EVERY]
 *                   [--json] [--bin] [--no-rules] [--select CODES]
 *                   [--advise] [--write DIR]
 *
 * One function in SPAWN_EVERY (default 10,000: 10 thread start routines)
 * starts a thread.  --json also round-trips every file's facts through
 * JSON first, as a link of facts files reads them; --bin through the
 * binary form, as the cache and the parse workers do (after --json when
 * both are given, each timed on its own); --no-rules stops after
 * program_build(); --select runs only those rules (as the CLI's option);
 * --advise also computes "syncwise advise" on the program (every entry
 * point's wait profile and verdict); --write also writes the facts files
 * "syncwise link" would read, DIR/json/N.facts and DIR/bin/N.facts (as
 * "syncwise extract" and "extract --binary" write them), and a list file
 * of each, DIR/json.list and DIR/bin.list.  Prints the time of each step, and
 * a digest of the findings to compare two builds by.
 */
#include "advise/advise.h"
#include "catalog/catalog.h"
#include "common/xalloc.h"
#include "engine/engine.h"
#include "engine/rules.h"
#include "facts/facts.h"
#include "program/program.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* FNV-1a over the findings: their rule, place, message and notes. */
static unsigned long long digest_str(unsigned long long h, const char *s)
{
    for (; s && *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return (h ^ 0xff) * 1099511628211ULL; /* a separator */
}

static unsigned long long findings_digest(const struct sw_diags *d)
{
    unsigned long long h = 14695981039346656037ULL;
    char buf[64];
    for (size_t i = 0; i < d->n; i++) {
        const struct sw_diag *g = &d->items[i];
        snprintf(buf, sizeof(buf), "%d:%d", g->line, g->col);
        h = digest_str(h, g->rule->code);
        h = digest_str(h, g->file);
        h = digest_str(h, buf);
        h = digest_str(h, g->message);
        for (size_t k = 0; k < g->nnotes; k++) {
            snprintf(buf, sizeof(buf), "%d:%d", g->notes[k].line,
                     g->notes[k].col);
            h = digest_str(h, g->notes[k].file);
            h = digest_str(h, buf);
            h = digest_str(h, g->notes[k].message);
        }
    }
    return h;
}

/* Writes every file's facts under dir, in both forms, with list files. */
static int write_facts(const char *dir, struct fact_tu **tus, size_t n)
{
    static const char *const forms[] = {"json", "bin"};
    for (int k = 0; k < 2; k++) {
        char path[4096];
        FILE *list;
        snprintf(path, sizeof(path), "%s/%s", dir, forms[k]);
        if (mkdir(path, 0777) < 0 && errno != EEXIST)
            return -1;
        snprintf(path, sizeof(path), "%s/%s.list", dir, forms[k]);
        if (!(list = fopen(path, "w")))
            return -1;
        for (size_t t = 0; t < n; t++) {
            FILE *f;
            size_t len;
            char *data =
                k ? facts_to_bin(tus[t], &len) : facts_to_json(tus[t], 0);
            if (!k)
                len = strlen(data);
            snprintf(path, sizeof(path), "%s/%s/%zu.facts", dir, forms[k], t);
            if (!(f = fopen(path, "wb")) || fwrite(data, 1, len, f) != len ||
                fclose(f) != 0) {
                free(data);
                fclose(list);
                return -1;
            }
            fprintf(list, "%s\n", path);
            free(data);
        }
        if (fclose(list) != 0)
            return -1;
    }
    return 0;
}

static unsigned long long rng_state = 88172645463325252ULL;

static unsigned long long rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static const char *usr_of(struct fact_tu *tu, size_t f)
{
    char buf[32];
    snprintf(buf, sizeof(buf), "c:@F@fn%zu", f);
    return arena_strdup(&tu->arena, buf);
}

static void set_call(struct fact_tu *tu, struct fact_call *c, const char *usr,
                     const char *name, int seq)
{
    c->callee = usr ? arena_strdup(&tu->arena, usr) : NULL;
    c->name = arena_strdup(&tu->arena, name);
    c->via_param = -1;
    c->loop = -1;
    c->branch = -1;
    c->arm = -1;
    c->line = 10 + seq;
    c->col = 5;
    c->seq = seq;
}

/* An argument of the given kind with no parameter, loop or origin. */
static void set_arg(struct fact_arg *a, enum fact_arg_kind kind)
{
    a->kind = kind;
    a->param = -1;
    a->decl_loop = -1;
    a->base_param = -1;
}

/* File t of nt, holding functions [lo, hi). */
static size_t spawn_every_n;

static struct fact_tu *make_tu(size_t t, size_t lo, size_t hi, size_t nfuncs,
                               size_t edges_per_func, size_t extra_edges)
{
    char name[64];
    struct fact_tu *tu;
    snprintf(name, sizeof(name), "/bench/gen/file%zu.c", t);
    tu = facts_tu_new(name);
    tu->nfuncs = hi - lo;
    tu->funcs = xcalloc(tu->nfuncs, sizeof(*tu->funcs));
    tu->nglobals = 1;
    tu->globals = xcalloc(1, sizeof(*tu->globals));
    snprintf(name, sizeof(name), "c:@counter%zu", t);
    tu->globals[0].usr = arena_strdup(&tu->arena, name);
    tu->globals[0].name = arena_strdup(&tu->arena, name + 3);
    tu->globals[0].file = tu->file;
    tu->globals[0].line = 1;
    for (size_t i = lo; i < hi; i++) {
        struct fact_func *f = &tu->funcs[i - lo];
        size_t ncalls = edges_per_func + (i - lo < extra_edges ? 1 : 0);
        char fname[32];
        int seq = 0;
        snprintf(fname, sizeof(fname), i == 0 ? "main" : "fn%zu", i);
        f->usr = i == 0 ? arena_strdup(&tu->arena, "c:@F@main") : usr_of(tu, i);
        f->name = arena_strdup(&tu->arena, fname);
        f->file = tu->file;
        f->line = (int)(i - lo) * 20 + 1;
        f->col = 1;
        f->end_line = f->line + 19;
        f->is_static = 0;
        /* Some functions start a thread; every 500th blocks. */
        if (i % spawn_every_n == 1)
            ncalls++;
        f->calls = xcalloc(ncalls, sizeof(*f->calls));
        for (size_t k = 0; k < ncalls; k++) {
            struct fact_call *c = &f->calls[f->ncalls++];
            if (k == ncalls - 1 && i % spawn_every_n == 1) {
                size_t target = (size_t)(rng() % nfuncs);
                set_call(tu, c, "c:@F@pthread_create", "pthread_create", seq++);
                c->nargs = 4;
                c->args = xcalloc(4, sizeof(*c->args));
                for (int a = 0; a < 4; a++)
                    set_arg(&c->args[a],
                            a == 2 ? FACT_ARG_FUNC : FACT_ARG_NULL);
                c->args[2].ref = target ? usr_of(tu, target)
                                        : arena_strdup(&tu->arena, "c:@F@main");
                continue;
            }
            if (k == 0 && i % 500 == 7) {
                set_call(tu, c, "c:@F@sleep", "sleep", seq++);
                c->nargs = 1;
                c->args = xcalloc(1, sizeof(*c->args));
                set_arg(&c->args[0], FACT_ARG_INT);
                c->args[0].ival = 1;
                continue;
            }
            if (k == 1 && i % 700 == 3) {
                set_call(tu, c, "c:@F@strtok", "strtok", seq++);
                continue;
            }
            {
                /* Mostly callees nearby (modules), some anywhere. */
                size_t target = rng() % 4
                                    ? (i + 1 + (size_t)(rng() % 200)) % nfuncs
                                    : (size_t)(rng() % nfuncs);
                char cname[32];
                if (!target)
                    target = 1;
                snprintf(cname, sizeof(cname), "fn%zu", target);
                set_call(tu, c, NULL, cname, seq++);
                c->callee = usr_of(tu, target);
            }
        }
        /* A write to the file's counter in every 10th function. */
        if (i % 10 == 0) {
            f->naccesses = 1;
            f->accesses = xcalloc(1, sizeof(*f->accesses));
            f->accesses[0].var = tu->globals[0].usr;
            f->accesses[0].name = tu->globals[0].name;
            f->accesses[0].flags = FACT_ACC_READ | FACT_ACC_WRITE;
            f->accesses[0].line = f->line + 1;
            f->accesses[0].loop = -1;
            f->accesses[0].seq = seq;
        }
    }
    return tu;
}

int main(int argc, char **argv)
{
    size_t nfuncs = 100000, nedges = 1000000, nfiles = 100;
    int json = 0, bin = 0, rules = 1, advise = 0;
    const char *write_dir = NULL;
    char **select = NULL;
    size_t nselect = 0;
    double t_advise = 0;
    struct advise_report adv = {0};
    size_t spawn_every = 10000;
    struct fact_tu **tus;
    struct catalog *cat;
    char **errs = NULL;
    size_t nerrs = 0, edges = 0;
    double t0, t1, t2, t3, t4, t_json, t_bin = 0;
    size_t bin_bytes = 0, json_bytes = 0;
    double t_json_read = 0, t_gen;
    struct program *prog;
    struct engine_result res;
    struct engine_opts eo;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-f") == 0 && i + 1 < argc)
            nfuncs = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "-e") == 0 && i + 1 < argc)
            nedges = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "-t") == 0 && i + 1 < argc)
            nfiles = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "-s") == 0 && i + 1 < argc)
            spawn_every = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (strcmp(argv[i], "--bin") == 0)
            bin = 1;
        else if (strcmp(argv[i], "--no-rules") == 0)
            rules = 0;
        else if (strcmp(argv[i], "--advise") == 0)
            advise = 1;
        else if (strcmp(argv[i], "--write") == 0 && i + 1 < argc)
            write_dir = argv[++i];
        else if (strcmp(argv[i], "--select") == 0 && i + 1 < argc) {
            if (rules_parse_list(argv[++i], &select, &nselect, "--select") < 0)
                return 2;
        } else {
            fprintf(stderr, "usage: link_bench [-f FUNCTIONS] [-e EDGES] "
                            "[-t FILES] [-s SPAWN_EVERY] [--json] [--bin] "
                            "[--no-rules] [--select CODES] [--advise] "
                            "[--write DIR]\n");
            return 2;
        }
    }
    if (nfuncs < 2 || nfiles < 1 || nfiles > nfuncs) {
        fprintf(stderr,
                "link_bench: need 2+ functions and 1..FUNCTIONS files\n");
        return 2;
    }
    cat = catalog_new();
    if (catalog_load_builtin(cat, &errs, &nerrs) < 0)
        return 2;

    spawn_every_n = spawn_every ? spawn_every : nfuncs + 2;
    t0 = now();
    tus = xcalloc(nfiles, sizeof(*tus));
    for (size_t t = 0; t < nfiles; t++) {
        size_t lo = nfuncs * t / nfiles, hi = nfuncs * (t + 1) / nfiles;
        size_t per = nedges / nfuncs;
        size_t rem = nedges % nfuncs;
        /* The remainder of edges goes to the first functions of each file. */
        size_t extra = rem * (hi - lo) / nfuncs;
        tus[t] = make_tu(t, lo, hi, nfuncs, per, extra);
    }
    for (size_t t = 0; t < nfiles; t++)
        for (size_t i = 0; i < tus[t]->nfuncs; i++)
            edges += tus[t]->funcs[i].ncalls;
    t1 = now();
    t_gen = t1 - t0;
    if (write_dir && write_facts(write_dir, tus, nfiles) < 0) {
        fprintf(stderr, "link_bench: cannot write facts under '%s': %s\n",
                write_dir, strerror(errno));
        return 1;
    }
    t1 = now();
    if (json) {
        for (size_t t = 0; t < nfiles; t++) {
            char *s = facts_to_json(tus[t], 0);
            const char *err = NULL;
            struct fact_tu *back;
            double r0 = now();
            json_bytes += strlen(s);
            back = facts_from_json(s, &err);
            t_json_read += now() - r0;
            if (!back) {
                fprintf(stderr, "link_bench: facts do not round-trip: %s\n",
                        err);
                return 1;
            }
            free(s);
            facts_tu_free(tus[t]);
            tus[t] = back;
        }
    }
    t_json = now() - t1;
    if (bin) {
        t_bin = now();
        for (size_t t = 0; t < nfiles; t++) {
            size_t len;
            void *b = facts_to_bin(tus[t], &len);
            const char *err = NULL;
            struct fact_tu *back = facts_from_bin(b, len, &err);
            if (!back) {
                fprintf(stderr,
                        "link_bench: facts do not round-trip (binary): %s\n",
                        err);
                return 1;
            }
            bin_bytes += len;
            free(b);
            facts_tu_free(tus[t]);
            tus[t] = back;
        }
        t_bin = now() - t_bin;
    }
    t2 = now();
    prog = program_build(cat, (const struct fact_tu *const *)tus, nfiles);
    t3 = now();
    if (advise) {
        t_advise = now();
        advise_compute(prog, &adv);
        t_advise = now() - t_advise;
    }
    program_free(prog);

    memset(&eo, 0, sizeof(eo));
    eo.select = (const char *const *)select;
    eo.nselect = nselect;
    memset(&res, 0, sizeof(res));
    t4 = now();
    if (rules)
        engine_check((const struct fact_tu *const *)tus, nfiles, cat, &eo,
                     &res);
    t4 = now() - t4;
    printf("synthetic program: %zu functions, %zu call edges, %zu files\n",
           nfuncs, edges, nfiles);
    printf("generate:        %.3f s\n", t_gen);
    if (json)
        printf("json round-trip: %.3f s (reading %.3f s, %zu bytes)\n", t_json,
               t_json_read, json_bytes);
    if (bin)
        printf("bin round-trip:  %.3f s (%zu bytes)\n", t_bin, bin_bytes);
    printf("program_build:   %.3f s\n", t3 - t2);
    if (rules)
        printf("link + rules:    %.3f s (%zu findings, digest %016llx)\n", t4,
               res.diags.n, findings_digest(&res.diags));
    if (advise)
        printf("advise:          %.3f s (%zu entry points)\n", t_advise, adv.n);
    advise_release(&adv);
    for (size_t i = 0; i < nselect; i++)
        free(select[i]);
    free(select);
    engine_result_release(&res);
    for (size_t t = 0; t < nfiles; t++)
        facts_tu_free(tus[t]);
    free(tus);
    catalog_free(cat);
    return 0;
}
