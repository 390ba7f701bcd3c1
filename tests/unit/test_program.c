/*
 * program/: whole-program linking, call graph, contexts and summaries,
 * built from small sources extracted with the real front end (1-3 files
 * each), plus a few hand-built facts where the front end is not the point.
 */
#include "common/xalloc.h"
#include "frontend/extract.h"
#include "program/program.h"
#include "program/remote.h"
#include "unit_util.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Declarations of the library APIs the sources use (no system headers). */
static const char sys_h[] =
    "#define NULL ((void *)0)\n"
    "#define MSG_DONTWAIT 0x40\n"
    "typedef unsigned long size_t;\n"
    "typedef long ssize_t;\n"
    "typedef unsigned long pthread_t;\n"
    "int pthread_create(pthread_t *t, const void *attr,\n"
    "                   void *(*start)(void *), void *arg);\n"
    "int pthread_join(pthread_t t, void **ret);\n"
    "char *strtok(char *s, const char *delim);\n"
    "unsigned int sleep(unsigned int seconds);\n"
    "ssize_t recv(int fd, void *buf, size_t n, int flags);\n"
    "typedef struct uv_loop_s uv_loop_t;\n"
    "typedef struct uv_stream_s uv_stream_t;\n"
    "typedef struct uv_handle_s uv_handle_t;\n"
    "typedef struct uv_work_s uv_work_t;\n"
    "typedef struct uv_fs_s uv_fs_t;\n"
    "typedef struct { char *base; size_t len; } uv_buf_t;\n"
    "typedef void (*uv_alloc_cb)(uv_handle_t *, size_t, uv_buf_t *);\n"
    "typedef void (*uv_read_cb)(uv_stream_t *, ssize_t, const uv_buf_t *);\n"
    "typedef void (*uv_work_cb)(uv_work_t *);\n"
    "typedef void (*uv_after_work_cb)(uv_work_t *, int);\n"
    "typedef void (*uv_fs_cb)(uv_fs_t *);\n"
    "int uv_read_start(uv_stream_t *s, uv_alloc_cb a, uv_read_cb r);\n"
    "int uv_queue_work(uv_loop_t *l, uv_work_t *w, uv_work_cb work,\n"
    "                  uv_after_work_cb after);\n"
    "int uv_fs_read(uv_loop_t *l, uv_fs_t *r, int fd, const uv_buf_t *b,\n"
    "               unsigned n, long off, uv_fs_cb cb);\n"
    "struct epoll_event { unsigned events; int fd; };\n"
    "int epoll_wait(int ep, struct epoll_event *ev, int max, int timeout);\n"
    "struct pollfd { int fd; short events, revents; };\n"
    "int poll(struct pollfd *fds, unsigned long nfds, int timeout);\n";

struct built {
    char *dir;              /* temporary project */
    void *idx;              /* libclang index */
    struct catalog *cat;    /* built-in catalogs */
    struct fact_tu *tus[4]; /* one per file */
    size_t n;
    struct program *p; /* linked */
};

/*
 * Writes every file (names[i] with srcs[i]), then extracts the .c ones and
 * links them.
 */
static void build(struct built *b, const char *const *names,
                  const char *const *srcs, size_t n)
{
    char **errs = NULL;
    size_t nerrs = 0;
    memset(b, 0, sizeof(*b));
    b->dir = ut_tmpdir();
    b->idx = extract_index_new();
    b->cat = catalog_new();
    ck_assert_int_eq(catalog_load_builtin(b->cat, &errs, &nerrs), 0);
    ut_free_strings(errs, nerrs);
    free(ut_write(b->dir, "sys.h", sys_h));
    for (size_t i = 0; i < n; i++)
        free(ut_write(b->dir, names[i], srcs[i]));
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(names[i]);
        if (len < 2 || strcmp(names[i] + len - 2, ".c") != 0)
            continue;
        ck_assert_uint_lt(b->n, 4);
        b->tus[b->n] = ut_extract(b->idx, b->dir, names[i], srcs[i]);
        ck_assert_msg(b->tus[b->n]->nerrors == 0, "%s:%d: %s", names[i],
                      b->tus[b->n]->first_error.line,
                      b->tus[b->n]->first_error.message);
        b->n++;
    }
    b->p = program_build(b->cat, (const struct fact_tu *const *)b->tus, b->n);
    ck_assert_ptr_nonnull(b->p);
}

static void build1(struct built *b, const char *src)
{
    const char *names[] = {"main.c"};
    build(b, names, &src, 1);
}

static void built_free(struct built *b)
{
    program_free(b->p);
    for (size_t i = 0; i < b->n; i++)
        facts_tu_free(b->tus[i]);
    catalog_free(b->cat);
    extract_index_free(b->idx);
    ut_rmtree(b->dir);
    free(b->dir);
}

/* The function named name (unique in the test sources), or fails. */
static int fn(const struct program *p, const char *name)
{
    int found = -1;
    for (size_t i = 0; i < p->nfuncs; i++)
        if (strcmp(p->funcs[i].f->name, name) == 0) {
            ck_assert_msg(found < 0, "'%s' is defined twice", name);
            found = (int)i;
        }
    ck_assert_msg(found >= 0, "no function '%s'", name);
    return found;
}

/* Index of the n-th call to callee (by name) in function f. */
static int call_to(const struct program *p, int f, const char *callee, int n)
{
    const struct fact_func *ff = p->funcs[f].f;
    for (size_t j = 0; j < ff->ncalls; j++)
        if (ff->calls[j].name && strcmp(ff->calls[j].name, callee) == 0 &&
            n-- == 0)
            return (int)j;
    ck_abort_msg("no call to '%s' in '%s'", callee, ff->name);
    return -1;
}

/* The only root of this kind for function f, or fails. */
static const struct prog_root *root_of(const struct program *p,
                                       enum prog_root_kind kind, int f)
{
    const struct prog_root *r = NULL;
    for (size_t i = 0; i < p->nroots; i++)
        if (p->roots[i].kind == kind && p->roots[i].func == f) {
            ck_assert_msg(r == NULL, "two roots of kind %d for '%s'", kind,
                          p->funcs[f].f->name);
            r = &p->roots[i];
        }
    ck_assert_msg(r != NULL, "no root of kind %d for '%s'", kind,
                  p->funcs[f].f->name);
    return r;
}

static int count_roots(const struct program *p, enum prog_root_kind kind)
{
    int n = 0;
    for (size_t i = 0; i < p->nroots; i++)
        n += p->roots[i].kind == kind;
    return n;
}

static int root_index(const struct program *p, const struct prog_root *r)
{
    return (int)(r - p->roots);
}

/* ---- linking ------------------------------------------------------------- */

START_TEST(links_calls_across_tus_by_usr)
{
    const char *names[] = {"a.c", "b.c"};
    const char *srcs[] = {
        "#include \"sys.h\"\n"
        "void helper(void) { sleep(1); }\n",
        "#include \"sys.h\"\n"
        "void helper(void);\n"
        "void unknown_elsewhere(void);\n"
        "int main(void) { helper(); unknown_elsewhere(); return 0; }\n"};
    struct built b;
    int m, h, c;
    build(&b, names, srcs, 2);
    ck_assert_uint_eq(b.p->nfuncs, 2);
    m = fn(b.p, "main");
    h = fn(b.p, "helper");
    ck_assert_int_eq(program_find(b.p, "c:@F@helper"), h);
    ck_assert_int_eq(program_find(b.p, "c:@F@nothing"), -1);
    ck_assert_int_eq(program_find(b.p, NULL), -1);
    ck_assert_ptr_eq(b.p->funcs[h].tu, b.tus[0]);
    ck_assert_ptr_eq(b.p->funcs[m].tu, b.tus[1]);

    c = call_to(b.p, m, "helper", 0);
    ck_assert_int_eq(b.p->funcs[m].calls[c].kind, PCALL_DIRECT);
    ck_assert_int_eq(b.p->funcs[m].calls[c].ntargets, 1);
    ck_assert_int_eq(b.p->funcs[m].calls[c].targets[0], h);
    c = call_to(b.p, m, "unknown_elsewhere", 0);
    ck_assert_int_eq(b.p->funcs[m].calls[c].kind, PCALL_EXTERNAL);
    ck_assert_int_eq(b.p->funcs[m].calls[c].ntargets, 0);
    c = call_to(b.p, h, "sleep", 0);
    ck_assert_int_eq(b.p->funcs[h].calls[c].kind, PCALL_API);
    ck_assert_str_eq(program_api_name(b.p, h, c), "sleep");
    ck_assert_ptr_null(program_api_name(b.p, m, call_to(b.p, m, "helper", 0)));
    ck_assert_int_eq(b.p->funcs[h].ncallers, 1);
    ck_assert_int_eq(b.p->funcs[m].ncallers, 0);
    ck_assert_uint_ge(b.p->ncall_edges, 1);

    /* main is the entry; helper runs in main's context through it. */
    ck_assert_str_eq(root_of(b.p, PROG_ROOT_ENTRY, m)->api, "main");
    ck_assert_int_eq(root_of(b.p, PROG_ROOT_ENTRY, m)->ctx, PROG_CTX_MAIN);
    ck_assert_int_ge(b.p->funcs[h].reach[PROG_CTX_MAIN].root, 0);
    ck_assert_int_eq(b.p->funcs[h].reach[PROG_CTX_MAIN].from, m);
    ck_assert_int_lt(b.p->funcs[h].reach[PROG_CTX_THREAD].root, 0);
    ck_assert_str_eq(prog_ctx_name(PROG_CTX_LOOP), "loop");
    built_free(&b);
}
END_TEST

START_TEST(static_functions_with_same_name_stay_distinct)
{
    const char *names[] = {"a.c", "b.c"};
    const char *srcs[] = {"static int util(void) { return 1; }\n"
                          "int a_entry(void) { return util(); }\n",
                          "static int util(void) { return 2; }\n"
                          "int b_entry(void) { return util(); }\n"};
    struct built b;
    int a, bb, ua, ub;
    build(&b, names, srcs, 2);
    ck_assert_uint_eq(b.p->nfuncs, 4);
    a = fn(b.p, "a_entry");
    bb = fn(b.p, "b_entry");
    ua = b.p->funcs[a].calls[0].targets[0];
    ub = b.p->funcs[bb].calls[0].targets[0];
    ck_assert_int_eq(b.p->funcs[a].calls[0].kind, PCALL_DIRECT);
    ck_assert_int_eq(b.p->funcs[bb].calls[0].kind, PCALL_DIRECT);
    ck_assert_int_ne(ua, ub);
    ck_assert_str_eq(b.p->funcs[ua].f->name, "util");
    ck_assert_str_eq(b.p->funcs[ub].f->name, "util");
    ck_assert_ptr_eq(b.p->funcs[ua].tu, b.tus[0]);
    ck_assert_ptr_eq(b.p->funcs[ub].tu, b.tus[1]);
    ck_assert_str_ne(b.p->funcs[ua].f->usr, b.p->funcs[ub].f->usr);
    ck_assert_int_eq(b.p->funcs[ua].ncallers, 1);
    ck_assert_int_eq(b.p->funcs[ub].ncallers, 1);
    built_free(&b);
}
END_TEST

START_TEST(header_inline_functions_deduplicated)
{
    const char *names[] = {"util.h", "a.c", "b.c", "c.c"};
    const char *srcs[] = {
        ("static inline int sq(int x) { return x * x; }\n"
         "inline int twice(int x) { return 2 * x; }\n"),
        "#include \"util.h\"\nint fa(int x) { return sq(x) + twice(x); }\n",
        "#include \"util.h\"\nint fb(int x) { return sq(x); }\n",
        "#include \"util.h\"\nint fc(int x) { return twice(x); }\n"};
    struct built b;
    int sq, tw;
    build(&b, names, srcs, 4);
    ck_assert_uint_eq(b.n, 3);
    /* fa, fb, fc, and one sq and one twice. */
    ck_assert_uint_eq(b.p->nfuncs, 5);
    sq = fn(b.p, "sq");
    tw = fn(b.p, "twice");
    ck_assert_int_eq(b.p->funcs[fn(b.p, "fa")].calls[0].targets[0], sq);
    ck_assert_int_eq(b.p->funcs[fn(b.p, "fa")].calls[1].targets[0], tw);
    ck_assert_int_eq(b.p->funcs[fn(b.p, "fb")].calls[0].targets[0], sq);
    ck_assert_int_eq(b.p->funcs[fn(b.p, "fc")].calls[0].targets[0], tw);
    ck_assert_int_eq(b.p->funcs[sq].ncallers, 2);
    ck_assert_int_eq(b.p->funcs[tw].ncallers, 2);
    ck_assert_ptr_nonnull(strstr(b.p->funcs[sq].f->file, "util.h"));
    built_free(&b);
}
END_TEST

/* ---- threads ------------------------------------------------------------- */

START_TEST(thread_start_routine_and_callees)
{
    static const char src[] =
        "#include \"sys.h\"\n"
        "static char *step(char *s) { return strtok(s, \" \"); }\n"
        "static void *worker(void *arg) { step(arg); return arg; }\n"
        "static void setup(void) {}\n"
        "int main(void)\n"
        "{\n"
        "    pthread_t t;\n"
        "    setup();\n"
        "    pthread_create(&t, NULL, worker, NULL);\n"
        "    return 0;\n"
        "}\n";
    struct built b;
    const struct prog_root *r;
    int m, w, s, su;
    build1(&b, src);
    m = fn(b.p, "main");
    w = fn(b.p, "worker");
    s = fn(b.p, "step");
    su = fn(b.p, "setup");
    r = root_of(b.p, PROG_ROOT_SPAWN, w);
    ck_assert_int_eq(r->ctx, PROG_CTX_THREAD);
    ck_assert_str_eq(r->api, "pthread_create");
    ck_assert_int_eq(r->site_func, m);
    ck_assert_int_eq(r->site_call, call_to(b.p, m, "pthread_create", 0));
    ck_assert_int_eq(r->multi, 0);
    ck_assert_int_eq(r->waited, 0);
    ck_assert_int_eq(r->concurrent, 1);

    ck_assert_int_eq(b.p->funcs[w].reach[PROG_CTX_THREAD].root,
                     root_index(b.p, r));
    ck_assert_int_eq(b.p->funcs[w].reach[PROG_CTX_THREAD].from, -1);
    ck_assert_int_eq(b.p->funcs[s].reach[PROG_CTX_THREAD].root,
                     root_index(b.p, r));
    ck_assert_int_eq(b.p->funcs[s].reach[PROG_CTX_THREAD].from, w);
    ck_assert_int_eq(b.p->funcs[s].reach[PROG_CTX_THREAD].call,
                     call_to(b.p, w, "step", 0));
    /* Concurrent: the routine and what it calls, not main's own helpers. */
    ck_assert_int_ge(b.p->funcs[w].conc.root, 0);
    ck_assert_int_ge(b.p->funcs[s].conc.root, 0);
    ck_assert_int_lt(b.p->funcs[su].reach[PROG_CTX_THREAD].root, 0);
    ck_assert_int_lt(b.p->funcs[su].conc.root, 0);
    ck_assert_int_lt(b.p->funcs[m].reach[PROG_CTX_THREAD].root, 0);
    ck_assert_int_ge(b.p->funcs[su].reach[PROG_CTX_MAIN].root, 0);
    ck_assert_int_eq(b.p->funcs[w].spawn_sites, 1);
    built_free(&b);
}
END_TEST

START_TEST(spawn_in_loop_is_multi)
{
    static const char src[] =
        "#include \"sys.h\"\n"
        "static void *worker(void *arg) { return arg; }\n"
        "int main(void)\n"
        "{\n"
        "    pthread_t t[4];\n"
        "    for (int i = 0; i < 4; i++)\n"
        "        pthread_create(&t[i], NULL, worker, NULL);\n"
        "    for (int i = 0; i < 4; i++)\n"
        "        pthread_join(t[i], NULL);\n"
        "    return 0;\n"
        "}\n";
    struct built b;
    const struct prog_root *r;
    build1(&b, src);
    r = root_of(b.p, PROG_ROOT_SPAWN, fn(b.p, "worker"));
    ck_assert_int_eq(r->multi, 1);
    ck_assert_int_eq(r->waited, 0);
    ck_assert_int_eq(r->concurrent, 1);
    ck_assert_int_ge(b.p->funcs[fn(b.p, "worker")].conc.root, 0);
    built_free(&b);
}
END_TEST

START_TEST(two_spawn_sites_are_multi)
{
    static const char src[] = "#include \"sys.h\"\n"
                              "static void *worker(void *arg) { return arg; }\n"
                              "int main(void)\n"
                              "{\n"
                              "    pthread_t a, b;\n"
                              "    pthread_create(&a, NULL, worker, NULL);\n"
                              "    pthread_create(&b, NULL, worker, NULL);\n"
                              "    return 0;\n"
                              "}\n";
    struct built b;
    int w;
    build1(&b, src);
    w = fn(b.p, "worker");
    ck_assert_int_eq(count_roots(b.p, PROG_ROOT_SPAWN), 2);
    ck_assert_int_eq(b.p->funcs[w].spawn_sites, 2);
    for (size_t i = 0; i < b.p->nroots; i++)
        if (b.p->roots[i].kind == PROG_ROOT_SPAWN)
            ck_assert_int_eq(b.p->roots[i].multi, 1);
    built_free(&b);
}
END_TEST

START_TEST(create_then_join_is_waited)
{
    static const char src[] =
        "#include \"sys.h\"\n"
        "static char *step(char *s) { return strtok(s, \" \"); }\n"
        "static void *worker(void *arg) { step(arg); return arg; }\n"
        "int main(void)\n"
        "{\n"
        "    pthread_t t;\n"
        "    pthread_create(&t, NULL, worker, NULL);\n"
        "    pthread_join(t, NULL);\n"
        "    return 0;\n"
        "}\n";
    struct built b;
    const struct prog_root *r;
    int w;
    build1(&b, src);
    w = fn(b.p, "worker");
    r = root_of(b.p, PROG_ROOT_SPAWN, w);
    ck_assert_int_eq(r->waited, 1);
    ck_assert_int_eq(r->multi, 0);
    ck_assert_int_eq(r->concurrent, 0);
    /* Still a thread context, but nothing runs concurrently. */
    ck_assert_int_ge(b.p->funcs[w].reach[PROG_CTX_THREAD].root, 0);
    ck_assert_int_lt(b.p->funcs[w].conc.root, 0);
    ck_assert_int_lt(b.p->funcs[fn(b.p, "step")].conc.root, 0);
    built_free(&b);
}
END_TEST

START_TEST(join_of_another_handle_is_not_waited)
{
    static const char src[] = "#include \"sys.h\"\n"
                              "static void *worker(void *arg) { return arg; }\n"
                              "static void other(void) {}\n"
                              "int main(void)\n"
                              "{\n"
                              "    pthread_t t, u = 0;\n"
                              "    pthread_create(&t, NULL, worker, NULL);\n"
                              "    pthread_join(u, NULL);\n"
                              "    return 0;\n"
                              "}\n"
                              "int main2(void)\n"
                              "{\n"
                              "    pthread_t t;\n"
                              "    pthread_create(&t, NULL, worker, NULL);\n"
                              "    other();\n"
                              "    pthread_join(t, NULL);\n"
                              "    return 0;\n"
                              "}\n";
    struct built b;
    build1(&b, src);
    for (size_t i = 0; i < b.p->nroots; i++) {
        const struct prog_root *r = &b.p->roots[i];
        if (r->kind != PROG_ROOT_SPAWN)
            continue;
        ck_assert_int_eq(r->waited, 0);
        ck_assert_int_eq(r->concurrent, 1);
    }
    ck_assert_int_eq(count_roots(b.p, PROG_ROOT_SPAWN), 2);
    built_free(&b);
}
END_TEST

START_TEST(spawn_wrapper_forwards_its_parameter)
{
    const char *names[] = {"spawn.c", "main.c"};
    const char *srcs[] = {
        "#include \"sys.h\"\n"
        "typedef void *(*start_fn)(void *);\n"
        "int spawn_thread(start_fn fn, void *arg)\n"
        "{\n"
        "    pthread_t t;\n"
        "    return pthread_create(&t, NULL, fn, arg);\n"
        "}\n",
        "#include \"sys.h\"\n"
        "typedef void *(*start_fn)(void *);\n"
        "int spawn_thread(start_fn fn, void *arg);\n"
        "static void *job(void *a) { sleep(1); return a; }\n"
        "int main(void) { spawn_thread(job, NULL); return 0; }\n"};
    struct built b;
    const struct prog_root *r;
    int st, job, m;
    build(&b, names, srcs, 2);
    st = fn(b.p, "spawn_thread");
    job = fn(b.p, "job");
    m = fn(b.p, "main");
    ck_assert_int_eq(b.p->funcs[st].spawn_param, 0);
    ck_assert_int_eq(b.p->funcs[st].spawn_ctx_param, 1);
    ck_assert_int_eq(b.p->funcs[st].spawn_kind, SW_SPAWN_THREAD);
    ck_assert_int_eq(b.p->funcs[job].spawn_param, -1);
    r = root_of(b.p, PROG_ROOT_SPAWN, job);
    ck_assert_int_eq(r->ctx, PROG_CTX_THREAD);
    ck_assert_str_eq(r->api, "spawn_thread");
    ck_assert_int_eq(r->site_func, m);
    ck_assert_int_ge(b.p->funcs[job].reach[PROG_CTX_THREAD].root, 0);
    ck_assert_int_ge(b.p->funcs[job].conc.root, 0);
    /* The wrapper itself is main's code, not the thread's. */
    ck_assert_int_lt(b.p->funcs[st].reach[PROG_CTX_THREAD].root, 0);
    built_free(&b);
}
END_TEST

START_TEST(wrapper_of_a_wrapper_and_routine_in_a_variable)
{
    static const char src[] =
        "#include \"sys.h\"\n"
        "typedef void *(*start_fn)(void *);\n"
        "static int spawn1(start_fn fn, void *arg)\n"
        "{\n"
        "    pthread_t t;\n"
        "    return pthread_create(&t, NULL, fn, arg);\n"
        "}\n"
        "static int spawn2(void *arg, start_fn f) { return spawn1(f, arg); }\n"
        "static void *job_a(void *a) { return a; }\n"
        "static void *job_b(void *a) { return a; }\n"
        "int main(void)\n"
        "{\n"
        "    pthread_t t;\n"
        "    start_fn fn = job_b;\n"
        "    spawn2(NULL, job_a);\n"
        "    pthread_create(&t, NULL, fn, NULL);\n"
        "    return 0;\n"
        "}\n";
    struct built b;
    const struct prog_root *r;
    int m;
    build1(&b, src);
    m = fn(b.p, "main");
    ck_assert_int_eq(b.p->funcs[fn(b.p, "spawn2")].spawn_param, 1);
    ck_assert_int_eq(b.p->funcs[fn(b.p, "spawn2")].spawn_ctx_param, 0);
    r = root_of(b.p, PROG_ROOT_SPAWN, fn(b.p, "job_a"));
    ck_assert_str_eq(r->api, "spawn2");
    ck_assert_int_eq(r->site_func, m);
    r = root_of(b.p, PROG_ROOT_SPAWN, fn(b.p, "job_b"));
    ck_assert_str_eq(r->api, "pthread_create");
    ck_assert_int_eq(r->site_func, m);
    ck_assert_int_ge(b.p->funcs[fn(b.p, "job_b")].reach[PROG_CTX_THREAD].root,
                     0);
    built_free(&b);
}
END_TEST

/* ---- event loops ----------------------------------------------------------
 */

START_TEST(uv_read_start_callback_is_loop_root)
{
    static const char src[] =
        "#include \"sys.h\"\n"
        "static void on_alloc(uv_handle_t *h, size_t n, uv_buf_t *b) {}\n"
        "static void parse(const uv_buf_t *b) { sleep(1); }\n"
        "static void on_read(uv_stream_t *s, ssize_t n, const uv_buf_t *b)\n"
        "{\n"
        "    parse(b);\n"
        "}\n"
        "void start(uv_stream_t *s) { uv_read_start(s, on_alloc, on_read); }\n";
    struct built b;
    const struct prog_root *r;
    int rd, st, pa;
    build1(&b, src);
    rd = fn(b.p, "on_read");
    st = fn(b.p, "start");
    pa = fn(b.p, "parse");
    r = root_of(b.p, PROG_ROOT_CALLBACK, rd);
    ck_assert_int_eq(r->ctx, PROG_CTX_LOOP);
    ck_assert_pstr_eq(r->loop_name, "libuv");
    ck_assert_pstr_eq(r->api, "uv_read_start");
    ck_assert_int_eq(r->site_func, st);
    ck_assert_int_eq(r->site_call, call_to(b.p, st, "uv_read_start", 0));
    ck_assert_int_eq(b.p->funcs[rd].loop_root, root_index(b.p, r));
    ck_assert_int_eq(b.p->funcs[rd].reach[PROG_CTX_LOOP].root,
                     root_index(b.p, r));
    ck_assert_int_eq(b.p->funcs[pa].reach[PROG_CTX_LOOP].from, rd);
    /* The alloc callback is registered too. */
    ck_assert_pstr_eq(
        root_of(b.p, PROG_ROOT_CALLBACK, fn(b.p, "on_alloc"))->loop_name,
        "libuv");
    /* The registering function is not loop code. */
    ck_assert_int_lt(b.p->funcs[st].reach[PROG_CTX_LOOP].root, 0);
    /* Single-threaded program: nothing concurrent. */
    ck_assert_int_eq(r->concurrent, 0);
    ck_assert_int_lt(b.p->funcs[rd].conc.root, 0);
    built_free(&b);
}
END_TEST

START_TEST(uv_queue_work_pool_and_loop)
{
    static const char src[] =
        "#include \"sys.h\"\n"
        "static void work_cb(uv_work_t *w) { sleep(1); }\n"
        "static void after_cb(uv_work_t *w, int status) {}\n"
        "void submit(uv_loop_t *loop, uv_work_t *req)\n"
        "{\n"
        "    uv_queue_work(loop, req, work_cb, after_cb);\n"
        "}\n";
    struct built b;
    const struct prog_root *rw, *ra;
    int w, a;
    build1(&b, src);
    w = fn(b.p, "work_cb");
    a = fn(b.p, "after_cb");
    rw = root_of(b.p, PROG_ROOT_SPAWN, w);
    ck_assert_int_eq(rw->ctx, PROG_CTX_POOL);
    ck_assert_pstr_eq(rw->api, "uv_queue_work");
    ck_assert_int_eq(rw->multi, 1); /* pools run several tasks at once */
    ra = root_of(b.p, PROG_ROOT_CALLBACK, a);
    ck_assert_int_eq(ra->ctx, PROG_CTX_LOOP);
    ck_assert_pstr_eq(ra->loop_name, "libuv");
    ck_assert_int_ge(b.p->funcs[w].reach[PROG_CTX_POOL].root, 0);
    ck_assert_int_lt(b.p->funcs[w].reach[PROG_CTX_LOOP].root, 0);
    ck_assert_int_ge(b.p->funcs[a].reach[PROG_CTX_LOOP].root, 0);
    ck_assert_int_lt(b.p->funcs[a].reach[PROG_CTX_POOL].root, 0);
    ck_assert_int_lt(b.p->funcs[w].loop_root, 0);
    built_free(&b);
}
END_TEST

static const char epoll_src[] = "#include \"sys.h\"\n"
                                "static void setup(void) {}\n"
                                "static void handle(int fd) { sleep(fd); }\n"
                                "void serve(int ep)\n"
                                "{\n"
                                "    struct epoll_event evs[16];\n"
                                "    setup();\n"
                                "    for (;;) {\n"
                                "        int n = epoll_wait(ep, evs, 16, -1);\n"
                                "        for (int i = 0; i < n; i++)\n"
                                "            handle(evs[i].fd);\n"
                                "    }\n"
                                "}\n";

START_TEST(epoll_loop_is_poll_root)
{
    struct built b;
    const struct prog_root *r;
    int sv, h, su, ew;
    build1(&b, epoll_src);
    sv = fn(b.p, "serve");
    h = fn(b.p, "handle");
    su = fn(b.p, "setup");
    r = root_of(b.p, PROG_ROOT_POLL, sv);
    ew = call_to(b.p, sv, "epoll_wait", 0);
    ck_assert_int_eq(r->ctx, PROG_CTX_LOOP);
    ck_assert_int_eq(r->region_loop, 0); /* the outer for */
    ck_assert_int_eq(b.p->funcs[sv].f->loops[0].parent, -1);
    ck_assert_pstr_eq(r->api, "epoll_wait");
    ck_assert_int_eq(r->site_call, ew);
    ck_assert_int_eq(program_call_polls(b.p, sv, ew), 1);
    ck_assert_int_eq(program_call_polls(b.p, sv, call_to(b.p, sv, "handle", 0)),
                     0);
    ck_assert_int_eq(b.p->funcs[sv].poll_dist, 0);
    /* The loop body's callees run on the loop; code before it does not. */
    ck_assert_int_eq(b.p->funcs[h].reach[PROG_CTX_LOOP].root,
                     root_index(b.p, r));
    ck_assert_int_eq(b.p->funcs[h].reach[PROG_CTX_LOOP].from, sv);
    ck_assert_int_lt(b.p->funcs[su].reach[PROG_CTX_LOOP].root, 0);
    /* A poll root covers a region, not the whole function. */
    ck_assert_int_lt(b.p->funcs[sv].loop_root, 0);
    built_free(&b);
}
END_TEST

START_TEST(poll_with_one_descriptor_is_not_a_loop)
{
    static const char src[] =
        "#include \"sys.h\"\n"
        "static void handle(int fd) {}\n"
        "void wait_one(int fd)\n"
        "{\n"
        "    struct pollfd p = {fd, 1, 0};\n"
        "    while (1) {\n"
        "        poll(&p, 1, 100);\n"
        "        handle(fd);\n"
        "    }\n"
        "}\n"
        "void wait_many(struct pollfd *fds, unsigned long n)\n"
        "{\n"
        "    while (1) {\n"
        "        poll(fds, n, -1);\n"
        "        handle(fds[0].fd);\n"
        "    }\n"
        "}\n";
    struct built b;
    int one, many;
    build1(&b, src);
    one = fn(b.p, "wait_one");
    many = fn(b.p, "wait_many");
    ck_assert_int_eq(count_roots(b.p, PROG_ROOT_POLL), 1);
    ck_assert_int_eq(root_of(b.p, PROG_ROOT_POLL, many)->region_loop, 0);
    ck_assert_int_eq(program_call_polls(b.p, one, call_to(b.p, one, "poll", 0)),
                     0);
    ck_assert_int_eq(
        program_call_polls(b.p, many, call_to(b.p, many, "poll", 0)), 1);
    ck_assert_int_eq(b.p->funcs[one].poll_dist, -1);
    built_free(&b);
}
END_TEST

START_TEST(poll_through_a_wrapper)
{
    static const char src[] =
        "#include \"sys.h\"\n"
        "static int wait_events(int ep, struct epoll_event *e)\n"
        "{\n"
        "    return epoll_wait(ep, e, 64, -1);\n"
        "}\n"
        "static void handle(int fd) {}\n"
        "void run(int ep)\n"
        "{\n"
        "    struct epoll_event e[64];\n"
        "    while (1) {\n"
        "        int n = wait_events(ep, e);\n"
        "        handle(n);\n"
        "    }\n"
        "}\n";
    struct built b;
    int r;
    build1(&b, src);
    r = fn(b.p, "run");
    ck_assert_int_eq(b.p->funcs[fn(b.p, "wait_events")].poll_dist, 0);
    ck_assert_int_eq(b.p->funcs[r].poll_dist, 1);
    ck_assert_int_eq(
        program_call_polls(b.p, r, call_to(b.p, r, "wait_events", 0)), 1);
    ck_assert_int_eq(root_of(b.p, PROG_ROOT_POLL, r)->region_loop, 0);
    ck_assert_int_ge(b.p->funcs[fn(b.p, "handle")].reach[PROG_CTX_LOOP].root,
                     0);
    built_free(&b);
}
END_TEST

/* ---- function pointers ----------------------------------------------------
 */

START_TEST(field_call_resolves_to_assigned_functions)
{
    static const char src[] =
        "struct handler_ops { void (*on_msg)(int); };\n"
        "static void print_msg(int x) {}\n"
        "static void log_msg(int x) {}\n"
        "static void unrelated(int x) {}\n"
        "void install(struct handler_ops *ops, int verbose)\n"
        "{\n"
        "    ops->on_msg = print_msg;\n"
        "    if (verbose)\n"
        "        ops->on_msg = log_msg;\n"
        "    unrelated(0);\n"
        "}\n"
        "void dispatch(struct handler_ops *ops) { ops->on_msg(1); }\n";
    struct built b;
    const struct prog_call *pc;
    int d, t0, t1;
    build1(&b, src);
    d = fn(b.p, "dispatch");
    pc = &b.p->funcs[d].calls[0];
    ck_assert_int_eq(pc->kind, PCALL_INDIRECT);
    ck_assert_int_eq(pc->ntargets, 2);
    t0 = pc->targets[0];
    t1 = pc->targets[1];
    ck_assert((t0 == fn(b.p, "print_msg") && t1 == fn(b.p, "log_msg")) ||
              (t1 == fn(b.p, "print_msg") && t0 == fn(b.p, "log_msg")));
    ck_assert_int_eq(b.p->funcs[fn(b.p, "print_msg")].ncallers, 1);
    ck_assert_int_eq(b.p->funcs[fn(b.p, "unrelated")].ncallers, 1);
    built_free(&b);
}
END_TEST

START_TEST(field_assigned_from_registration_parameter)
{
    const char *names[] = {"server.c", "app.c"};
    const char *srcs[] = {
        "struct server { void (*cb)(int); int fd; };\n"
        "void server_set_cb(struct server *s, void (*cb)(int)) { s->cb = cb; "
        "}\n"
        "void server_fire(struct server *s) { s->cb(s->fd); }\n",
        "struct server { void (*cb)(int); int fd; };\n"
        "void server_set_cb(struct server *s, void (*cb)(int));\n"
        "static void on_event(int x) {}\n"
        "void app_setup(struct server *s) { server_set_cb(s, on_event); }\n"};
    struct built b;
    const struct prog_call *pc;
    build(&b, names, srcs, 2);
    pc = &b.p->funcs[fn(b.p, "server_fire")].calls[0];
    ck_assert_int_eq(pc->kind, PCALL_INDIRECT);
    ck_assert_int_eq(pc->ntargets, 1);
    ck_assert_int_eq(pc->targets[0], fn(b.p, "on_event"));
    built_free(&b);
}
END_TEST

START_TEST(call_through_parameter_and_variable)
{
    static const char src[] =
        "static void a(int x) {}\n"
        "static void bfn(int x) {}\n"
        "static void apply(void (*f)(int)) { f(1); }\n"
        "static void forward(void (*g)(int)) { apply(g); }\n"
        "void (*hook)(int) = bfn;\n"
        "void top(void) { forward(a); hook(2); }\n";
    struct built b;
    const struct prog_call *pc;
    int t;
    build1(&b, src);
    pc = &b.p->funcs[fn(b.p, "apply")].calls[0];
    ck_assert_int_eq(pc->kind, PCALL_INDIRECT);
    ck_assert_int_eq(pc->ntargets, 1);
    ck_assert_int_eq(pc->targets[0], fn(b.p, "a"));
    t = fn(b.p, "top");
    pc = &b.p->funcs[t].calls[call_to(b.p, t, "hook", 0)];
    ck_assert_int_eq(pc->kind, PCALL_INDIRECT);
    ck_assert_int_eq(pc->ntargets, 1);
    ck_assert_int_eq(pc->targets[0], fn(b.p, "bfn"));
    built_free(&b);
}
END_TEST

START_TEST(unresolved_indirect_call_has_no_targets)
{
    static const char src[] = "struct ops { void (*run)(void); };\n"
                              "void go(struct ops *o) { o->run(); }\n";
    struct built b;
    build1(&b, src);
    ck_assert_int_eq(b.p->funcs[0].calls[0].kind, PCALL_INDIRECT);
    ck_assert_int_eq(b.p->funcs[0].calls[0].ntargets, 0);
    built_free(&b);
}
END_TEST

/* ---- blocking summaries ----------------------------------------------------
 */

static const char chain_src[] =
    "#include \"sys.h\"\n"
    "static void leaf(void) { sleep(1); }\n"
    "static void middle(void) { int x = 0; (void)x; leaf(); }\n"
    "static void other(void) {}\n"
    "static void top(void) { other(); middle(); }\n"
    "void clean(void) { other(); }\n"
    "void entry(void) { top(); }\n";

static int count_accept(const struct cat_blocking *b, const struct fact_call *c,
                        void *data)
{
    (void)b;
    (void)c;
    ++*(int *)data;
    return 1;
}

static int reject_sleep(const struct cat_blocking *b, const struct fact_call *c,
                        void *data)
{
    (void)c;
    (void)data;
    return b->category != SW_CAT_SLEEP;
}

START_TEST(blocking_witnesses_through_a_chain)
{
    struct built b;
    struct prog_witness *w;
    int leaf, mid, top, entry, clean, other, seen = 0;
    build1(&b, chain_src);
    leaf = fn(b.p, "leaf");
    mid = fn(b.p, "middle");
    top = fn(b.p, "top");
    entry = fn(b.p, "entry");
    clean = fn(b.p, "clean");
    other = fn(b.p, "other");
    w = program_blocking(b.p, count_accept, &seen);
    ck_assert_int_ge(seen, 1);
    ck_assert_int_eq(w[leaf].dist, 0);
    ck_assert_int_eq(w[leaf].call, call_to(b.p, leaf, "sleep", 0));
    ck_assert_int_eq(w[mid].dist, 1);
    ck_assert_int_eq(w[mid].call, call_to(b.p, mid, "leaf", 0));
    ck_assert_int_eq(w[top].dist, 2);
    ck_assert_int_eq(w[top].call, call_to(b.p, top, "middle", 0));
    ck_assert_int_eq(w[entry].dist, 3);
    ck_assert_int_eq(w[clean].dist, -1);
    ck_assert_int_eq(w[clean].call, -1);
    ck_assert_int_eq(w[other].dist, -1);
    free(w);

    /* A filter that rejects sleeps: nothing blocks. */
    w = program_blocking(b.p, reject_sleep, NULL);
    for (size_t i = 0; i < b.p->nfuncs; i++)
        ck_assert_int_eq(w[i].dist, -1);
    free(w);
    /* No filter: every blocking API counts. */
    w = program_blocking(b.p, NULL, NULL);
    ck_assert_int_eq(w[top].dist, 2);
    free(w);
    built_free(&b);
}
END_TEST

static const char nb_src[] =
    "#include \"sys.h\"\n"
    "static void on_done(uv_fs_t *r) {}\n"
    "void io(int fd, char *buf, uv_loop_t *loop, uv_fs_t *req, uv_buf_t "
    "*bufs)\n"
    "{\n"
    "    recv(fd, buf, 10, MSG_DONTWAIT);\n"
    "    recv(fd, buf, 10, 0);\n"
    "    uv_fs_read(loop, req, fd, bufs, 1, 0, on_done);\n"
    "    uv_fs_read(loop, req, fd, bufs, 1, 0, NULL);\n"
    "    sleep(1);\n"
    "    strtok(buf, \" \");\n"
    "}\n";

START_TEST(blocking_api_respects_arguments)
{
    struct built b;
    const struct cat_blocking *cb;
    int io;
    build1(&b, nb_src);
    io = fn(b.p, "io");
    /* MSG_DONTWAIT makes this recv non-blocking; flags 0 do not. */
    ck_assert_ptr_null(
        program_blocking_api(b.p, io, call_to(b.p, io, "recv", 0)));
    cb = program_blocking_api(b.p, io, call_to(b.p, io, "recv", 1));
    ck_assert_ptr_nonnull(cb);
    ck_assert_str_eq(cb->name, "recv");
    /* A callback makes uv_fs_read asynchronous. */
    ck_assert_ptr_null(
        program_blocking_api(b.p, io, call_to(b.p, io, "uv_fs_read", 0)));
    ck_assert_ptr_nonnull(
        program_blocking_api(b.p, io, call_to(b.p, io, "sleep", 0)));
    ck_assert_ptr_null(
        program_blocking_api(b.p, io, call_to(b.p, io, "strtok", 0)));
    built_free(&b);
}
END_TEST

/*
 * Regression: uv_fs_read(..., NULL) is synchronous and blocks; its NULL
 * callback used to be extracted as OTHER, which made it look asynchronous.
 */
START_TEST(blocking_api_uv_fs_read_null_callback)
{
    struct built b;
    int io;
    build1(&b, nb_src);
    io = fn(b.p, "io");
    ck_assert_ptr_nonnull(
        program_blocking_api(b.p, io, call_to(b.p, io, "uv_fs_read", 1)));
    built_free(&b);
}
END_TEST

/* The same decision from hand-built facts: the program model's own logic. */
START_TEST(blocking_api_from_hand_built_facts)
{
    struct catalog *cat = catalog_new();
    char **errs = NULL;
    size_t nerrs = 0;
    struct fact_tu *tu = facts_tu_new("/h.c");
    const struct fact_tu *tus[1];
    struct fact_func *f;
    struct program *p;
    static const enum fact_arg_kind last_kinds[] = {FACT_ARG_NULL,
                                                    FACT_ARG_FUNC};

    ck_assert_int_eq(catalog_load_builtin(cat, &errs, &nerrs), 0);
    tu->nfuncs = 1;
    tu->funcs = xcalloc(1, sizeof(*tu->funcs));
    f = &tu->funcs[0];
    f->usr = "c:@F@io";
    f->name = "io";
    f->file = "/h.c";
    f->ncalls = 4;
    f->calls = xcalloc(4, sizeof(*f->calls));
    for (size_t j = 0; j < 4; j++) {
        struct fact_call *c = &f->calls[j];
        c->via_param = -1;
        c->loop = -1;
        c->branch = -1;
        c->seq = (int)j;
        c->line = (int)j + 1;
        if (j < 2) {
            /* uv_fs_read(loop, req, fd, bufs, n, off, cb) */
            c->callee = "c:@F@uv_fs_read";
            c->name = "uv_fs_read";
            c->nargs = 7;
            c->args = xcalloc(7, sizeof(*c->args));
            for (size_t a = 0; a < 7; a++)
                c->args[a].param = -1;
            c->args[6].kind = last_kinds[j];
        } else {
            /* recv(fd, buf, n, flags) with flags 64 then 1 */
            c->callee = "c:@F@recv";
            c->name = "recv";
            c->nargs = 4;
            c->args = xcalloc(4, sizeof(*c->args));
            for (size_t a = 0; a < 4; a++)
                c->args[a].param = -1;
            c->args[3].kind = FACT_ARG_INT;
            c->args[3].ival = j == 2 ? 64 | 1 : 1;
        }
    }
    tus[0] = tu;
    p = program_build(cat, tus, 1);
    ck_assert_ptr_nonnull(program_blocking_api(p, 0, 0)); /* NULL callback */
    ck_assert_ptr_null(program_blocking_api(p, 0, 1));    /* a function */
    ck_assert_ptr_null(program_blocking_api(p, 0, 2));    /* MSG_DONTWAIT set */
    ck_assert_ptr_nonnull(program_blocking_api(p, 0, 3)); /* flags without it */
    program_free(p);
    facts_tu_free(tu);
    catalog_free(cat);
    ut_free_strings(errs, nerrs);
    program_free(NULL);
}
END_TEST

START_TEST(empty_program)
{
    struct catalog *cat = catalog_new();
    struct program *p = program_build(cat, NULL, 0);
    struct prog_witness *w;
    ck_assert_uint_eq(p->nfuncs, 0);
    ck_assert_uint_eq(p->nroots, 0);
    w = program_blocking(p, NULL, NULL);
    ck_assert_ptr_nonnull(w);
    free(w);
    program_free(p);
    catalog_free(cat);
}
END_TEST

/* ---- remote waits and independence (program/remote.c) -------------------- */

static const char remote_h[] =
    "#include \"sys.h\"\n"
    "typedef void CURL;\n"
    "CURL *curl_easy_init(void);\n"
    "int curl_easy_setopt(CURL *h, int opt, ...);\n"
    "int curl_easy_perform(CURL *h);\n"
    "typedef struct pg_conn PGconn;\n"
    "PGconn *PQconnectdb(const char *conninfo);\n"
    "void *PQexec(PGconn *c, const char *q);\n"
    "char *PQgetvalue(const void *res, int row, int col);\n"
    "int snprintf(char *s, size_t n, const char *f, ...);\n"
    "int parse(const char *body, char *out, size_t n);\n";

/* The remote waits of function name and the size of its independent group. */
static int group(const struct program *p, const char *name, size_t *nwaits)
{
    struct remote *r = remote_new(p);
    int kept[REMOTE_MAX_GROUP], n;
    struct remote_call *c = remote_calls(r, fn(p, name), nwaits);
    n = remote_independent(r, fn(p, name), c, *nwaits, -1, kept,
                           REMOTE_MAX_GROUP);
    free(c);
    remote_free(r);
    return n;
}

START_TEST(remote_independent_and_dependent_requests)
{
    struct built b;
    size_t n;
    const char *names[] = {"remote.h", "main.c"};
    const char *srcs[] = {
        remote_h,
        "#include \"remote.h\"\n"
        "void two(CURL *a, CURL *b) { curl_easy_perform(a); "
        "curl_easy_perform(b); }\n"
        "void same(CURL *a) { curl_easy_perform(a); curl_easy_perform(a); }\n"
        "void token(CURL *a, CURL *b) {\n"
        "  struct { char text[256]; } body;\n"
        "  char tok[64], url[128];\n"
        "  curl_easy_setopt(a, 1, (void *)&body);\n"
        "  curl_easy_perform(a);\n"
        "  parse(body.text, tok, sizeof tok);\n"
        "  snprintf(url, sizeof url, \"/x?t=%s\", tok);\n"
        "  curl_easy_setopt(b, 2, url);\n"
        "  curl_easy_perform(b);\n"
        "}\n"
        "void either(int c, CURL *a, CURL *b) {\n"
        "  if (c) curl_easy_perform(a); else curl_easy_perform(b);\n"
        "}\n"
        "void local(void) {\n"
        "  PGconn *x = PQconnectdb(\"host=localhost dbname=a\");\n"
        "  PGconn *y = PQconnectdb(\"host=::1 dbname=b\");\n"
        "  PQexec(x, \"SELECT 1\"); PQexec(y, \"SELECT 1\");\n"
        "}\n"
        "void far(void) {\n"
        "  PGconn *x = PQconnectdb(\"host=db1.example.com\");\n"
        "  PGconn *y = PQconnectdb(\"host=db2.example.com\");\n"
        "  void *r = PQexec(x, \"SELECT id FROM t\");\n"
        "  char q[64];\n"
        "  snprintf(q, sizeof q, \"SELECT %s\", PQgetvalue(r, 0, 0));\n"
        "  PQexec(y, q);\n"
        "}\n"};
    build(&b, names, srcs, 2);
    ck_assert_int_eq(group(b.p, "two", &n), 2);
    ck_assert_int_eq(group(b.p, "same", &n), 1);
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(group(b.p, "token", &n), 1);
    ck_assert_int_eq(group(b.p, "either", &n), 1);
    ck_assert_int_eq(group(b.p, "local", &n), 0);
    ck_assert_uint_eq(n, 0); /* local servers: no remote waits at all */
    /* Two connects to two servers overlap; each query needs its own. */
    ck_assert_int_eq(group(b.p, "far", &n), 2);
    ck_assert_uint_eq(n, 4);
    built_free(&b);
}
END_TEST

START_TEST(remote_loop_iterations)
{
    struct built b;
    const char *names[] = {"remote.h", "main.c"};
    const char *srcs[] = {
        remote_h,
        "#include \"remote.h\"\n"
        "void items(const char **u, int n) {\n"
        "  for (int i = 0; i < n; i++) { CURL *h = curl_easy_init();\n"
        "    curl_easy_setopt(h, 1, u[i]); curl_easy_perform(h); }\n"
        "}\n"
        "void one_handle(CURL *h, const char **u, int n) {\n"
        "  for (int i = 0; i < n; i++) { curl_easy_setopt(h, 1, u[i]);\n"
        "    curl_easy_perform(h); }\n"
        "}\n"
        "void found(const char **u, int n) {\n"
        "  for (int i = 0; i < n; i++) if (u[i][0] == 'x') {\n"
        "    CURL *h = curl_easy_init(); curl_easy_setopt(h, 1, u[i]);\n"
        "    curl_easy_perform(h); return; }\n"
        "}\n"
        "void retry(CURL *h) {\n"
        "  for (int k = 0; k < 3; k++) if (curl_easy_perform(h) == 0) break;\n"
        "}\n"
        "void pages(CURL *h) {\n"
        "  char body[256], cur[64] = \"\", url[128];\n"
        "  curl_easy_setopt(h, 3, &body);\n"
        "  do { snprintf(url, sizeof url, \"/p?c=%s\", cur);\n"
        "    curl_easy_setopt(h, 1, url); curl_easy_perform(h);\n"
        "  } while (parse(body, cur, sizeof cur) > 0);\n"
        "}\n"};
    const char *fns[] = {"items", "retry", "pages", "one_handle", "found"};
    const int want[] = {1, 0, 0, 0, 0};
    struct remote *r;
    build(&b, names, srcs, 2);
    r = remote_new(b.p);
    for (int k = 0; k < 5; k++) {
        size_t n;
        struct remote_call *c = remote_calls(r, fn(b.p, fns[k]), &n);
        ck_assert_uint_eq(n, 1);
        ck_assert_msg(remote_loop_independent(r, fn(b.p, fns[k]), c) == want[k],
                      "%s", fns[k]);
        free(c);
    }
    remote_free(r);
    built_free(&b);
}
END_TEST

static Suite *program_suite(void)
{
    Suite *s = suite_create("program");
    TCase *tc = tcase_create("link");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, links_calls_across_tus_by_usr);
    tcase_add_test(tc, static_functions_with_same_name_stay_distinct);
    tcase_add_test(tc, header_inline_functions_deduplicated);
    tcase_add_test(tc, empty_program);
    suite_add_tcase(s, tc);

    tc = tcase_create("contexts");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, thread_start_routine_and_callees);
    tcase_add_test(tc, spawn_in_loop_is_multi);
    tcase_add_test(tc, two_spawn_sites_are_multi);
    tcase_add_test(tc, create_then_join_is_waited);
    tcase_add_test(tc, join_of_another_handle_is_not_waited);
    tcase_add_test(tc, spawn_wrapper_forwards_its_parameter);
    tcase_add_test(tc, wrapper_of_a_wrapper_and_routine_in_a_variable);
    tcase_add_test(tc, uv_read_start_callback_is_loop_root);
    tcase_add_test(tc, uv_queue_work_pool_and_loop);
    tcase_add_test(tc, epoll_loop_is_poll_root);
    tcase_add_test(tc, poll_with_one_descriptor_is_not_a_loop);
    tcase_add_test(tc, poll_through_a_wrapper);
    suite_add_tcase(s, tc);

    tc = tcase_create("pointers");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, field_call_resolves_to_assigned_functions);
    tcase_add_test(tc, field_assigned_from_registration_parameter);
    tcase_add_test(tc, call_through_parameter_and_variable);
    tcase_add_test(tc, unresolved_indirect_call_has_no_targets);
    suite_add_tcase(s, tc);

    tc = tcase_create("blocking");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, blocking_witnesses_through_a_chain);
    tcase_add_test(tc, blocking_api_respects_arguments);
    tcase_add_test(tc, blocking_api_uv_fs_read_null_callback);
    tcase_add_test(tc, blocking_api_from_hand_built_facts);
    suite_add_tcase(s, tc);

    tc = tcase_create("remote");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, remote_independent_and_dependent_requests);
    tcase_add_test(tc, remote_loop_iterations);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ut_run(program_suite());
}
