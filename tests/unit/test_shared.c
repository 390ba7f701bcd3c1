/*
 * program/shared: shared objects, their races, ordering and waiting loops,
 * from real extracted sources.
 */
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "frontend/extract.h"
#include "program/shared.h"
#include "unit_util.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char sys_h[] = "#define NULL ((void *)0)\n"
                            "typedef unsigned long pthread_t;\n"
                            "typedef struct { int x; } pthread_mutex_t;\n"
                            "typedef struct { int x; } pthread_rwlock_t;\n"
                            "int pthread_create(pthread_t *t, void *a, void "
                            "*(*fn)(void *), void *arg);\n"
                            "int pthread_join(pthread_t t, void **r);\n"
                            "int pthread_mutex_lock(pthread_mutex_t *m);\n"
                            "int pthread_mutex_unlock(pthread_mutex_t *m);\n"
                            "int pthread_rwlock_rdlock(pthread_rwlock_t *l);\n"
                            "int pthread_rwlock_wrlock(pthread_rwlock_t *l);\n"
                            "int pthread_rwlock_unlock(pthread_rwlock_t *l);\n"
                            "void *malloc(unsigned long n);\n"
                            "int usleep(unsigned n);\n";

struct run {
    struct ut_prog u;       /* the program */
    struct shared_model *m; /* the model under test */
};

static void run_init(struct run *r, const char *src)
{
    ut_prog_init(&r->u, sys_h, src);
    r->m = shared_build(r->u.p);
}

static void run_free(struct run *r)
{
    shared_free(r->m);
    ut_prog_free(&r->u);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every racing pair of instances, once, as "LINE-LINE " (sorted lines). */
static char *races(struct run *r)
{
    struct strbuf out = STRBUF_INIT;
    size_t n = shared_count(r->m);
    char **seen = NULL;
    size_t nseen = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i; j < n; j++) {
            const struct shared_inst *a = shared_at(r->m, i);
            const struct shared_inst *b = shared_at(r->m, j);
            int la, lb, dup = 0;
            char key[32];
            if (a->obj != b->obj || !shared_race(r->m, a, b))
                continue;
            la = r->u.p->funcs[a->func].f->accesses[a->access].line;
            lb = r->u.p->funcs[b->func].f->accesses[b->access].line;
            snprintf(key, sizeof(key), "%d-%d ", la < lb ? la : lb,
                     la < lb ? lb : la);
            for (size_t k = 0; k < nseen && !dup; k++)
                dup = strcmp(seen[k], key) == 0;
            if (dup)
                continue;
            seen = xrealloc(seen, (nseen + 1) * sizeof(*seen));
            seen[nseen++] = xstrdup(key);
        }
    /* Sorted, so that the expectation does not depend on the order. */
    qsort(seen, nseen, sizeof(*seen), cmp_str);
    for (size_t k = 0; k < nseen; k++) {
        strbuf_addf(&out, "%s", seen[k]);
        free(seen[k]);
    }
    free(seen);
    return strbuf_detach(&out);
}

#define SPAWN4(fn, arg)                                                        \
    "    for (int i = 0; i < 4; i++)\n"                                        \
    "        pthread_create(&t[i], NULL, " fn ", " arg ");\n"

START_TEST(members_and_locks)
{
    struct run r;
    char *got;
    run_init(&r, "#include \"sys.h\"\n" /* 1 */
                 "struct st { pthread_mutex_t a, b; long x, y, z; };\n"
                 "struct st g;\n"
                 "static void *w(void *arg) {\n"
                 "    pthread_mutex_lock(&g.a);\n" /* 5 */
                 "    g.x++;\n"
                 "    pthread_mutex_unlock(&g.a);\n"
                 "    pthread_mutex_lock(&g.b);\n"
                 "    g.y++;\n"
                 "    pthread_mutex_unlock(&g.b);\n" /* 10 */
                 "    g.z++;\n"
                 "    return arg;\n"
                 "}\n"
                 "int main(void) {\n"
                 "    pthread_t t[4];\n" /* 15 */
             SPAWN4("w", "NULL")         /* 16-17 */
             "    return 0;\n"
             "}\n");
    got = races(&r);
    /* z is written unlocked by every instance; x and y each under a lock
     * of their own. */
    ck_assert_str_eq(got, "11-11 ");
    free(got);
    run_free(&r);
}
END_TEST

START_TEST(read_holds_do_not_order_writers)
{
    struct run r;
    char *got;
    run_init(&r, "#include \"sys.h\"\n" /* 1 */
                 "pthread_rwlock_t l;\n"
                 "long good, bad;\n"
                 "static void *w(void *arg) {\n"
                 "    pthread_rwlock_wrlock(&l);\n" /* 5 */
                 "    good++;\n"
                 "    pthread_rwlock_unlock(&l);\n"
                 "    pthread_rwlock_rdlock(&l);\n"
                 "    bad++;\n"
                 "    long v = good + bad;\n" /* 10 */
                 "    pthread_rwlock_unlock(&l);\n"
                 "    return (void *)v;\n"
                 "}\n"
                 "int main(void) {\n"
                 "    pthread_t t[4];\n" /* 15 */
             SPAWN4("w", "NULL") "    return 0;\n"
                                 "}\n");
    got = races(&r);
    ck_assert_str_eq(got, "9-10 9-9 ");
    free(got);
    run_free(&r);
}
END_TEST

START_TEST(spawn_and_join_order_the_main_thread)
{
    struct run r;
    char *got;
    run_init(&r, "#include \"sys.h\"\n" /* 1 */
                 "long cfg, out;\n"
                 "static void init(void) { cfg = 1; }\n"
                 "static void *w(void *arg) {\n"
                 "    out = cfg;\n" /* 5 */
                 "    return arg;\n"
                 "}\n"
                 "int main(void) {\n"
                 "    pthread_t t;\n"
                 "    init();\n" /* 10 */
                 "    pthread_create(&t, NULL, w, NULL);\n"
                 "    cfg = 2;\n"
                 "    pthread_join(t, NULL);\n"
                 "    cfg = out;\n"
                 "    return 0;\n" /* 15 */
                 "}\n");
    got = races(&r);
    /* Only the write between the spawn and the join races. */
    ck_assert_str_eq(got, "5-12 ");
    free(got);
    run_free(&r);
}
END_TEST

START_TEST(context_objects_at_the_spawn)
{
    struct run r;
    char *got;
    run_init(&r, "#include \"sys.h\"\n" /* 1 */
                 "struct c { long n; };\n"
                 "struct c items[4];\n"
                 "static void *own(void *arg) {\n"
                 "    struct c *c = (struct c *)arg;\n" /* 5 */
                 "    c->n++;\n"
                 "    return 0;\n"
                 "}\n"
                 "static void *same(void *arg) {\n"
                 "    struct c *c = arg;\n" /* 10 */
                 "    c->n++;\n"
                 "    return 0;\n"
                 "}\n"
                 "static void *fresh(void *arg) {\n"
                 "    ((struct c *)arg)->n++;\n" /* 15 */
                 "    return 0;\n"
                 "}\n"
                 "int main(void) {\n"
                 "    pthread_t t[4];\n"
                 "    struct c *shared = malloc(sizeof(struct c));\n" /* 20 */
             SPAWN4("own", "&items[i]") SPAWN4(
                 "same",
                 "shared") "    for (int i = 0; i < 4; i++) {\n"
                           "        struct c *p = malloc(sizeof(struct c));\n"
                           "        pthread_create(&t[i], NULL, fresh, p);\n"
                           "    }\n"
                           "    return 0;\n"
                           "}\n");
    got = races(&r);
    /* Only the pointer every thread gets is shared. */
    ck_assert_str_eq(got, "11-11 ");
    free(got);
    run_free(&r);
}
END_TEST

static int func_index(struct run *r, const char *name)
{
    for (size_t i = 0; i < r->u.p->nfuncs; i++)
        if (strcmp(r->u.p->funcs[i].f->name, name) == 0)
            return (int)i;
    ck_abort_msg("no function %s", name);
    return -1;
}

/* The waiting loop of function name's first read of "done", or -1. */
static int wait_of(struct run *r, const char *name)
{
    int f = func_index(r, name);
    const struct fact_func *ff = r->u.p->funcs[f].f;
    for (size_t k = 0; k < ff->naccesses; k++)
        if (strcmp(ff->accesses[k].name, "done") == 0 &&
            (ff->accesses[k].flags & FACT_ACC_READ))
            return shared_wait_loop(r->m, f, (int)k);
    ck_abort_msg("no read of done in %s", name);
    return -2;
}

START_TEST(waiting_loops)
{
    struct run r;
    run_init(&r, "#include \"sys.h\"\n"
                 "int done, n;\n"
                 "void spin(void) { while (!done) ; }\n"
                 "void nap(void) { while (!done) usleep(10); }\n"
                 "void once(void) { do { n = done; } while (0); }\n"
                 "void count(void) { for (int i = 0; i < done; i++) ; }\n"
                 "void own(void) { while (!done) done = n; }\n"
                 "void work(void) { while (!done) n = (int)malloc(1); }\n"
                 "int scan(void) { int i = 0; while (!done) i++; return i; }\n"
                 "void body(void) { for (;;) { n += done + (int)malloc(1); if "
                 "(n > 9) break; } }\n"
                 "void set(void) { done = 1; }\n"
                 "void drain(void) { while (!done) set(); }\n");
    ck_assert_int_eq(wait_of(&r, "spin"), 0);
    ck_assert_int_eq(wait_of(&r, "nap"), 0);
    ck_assert_int_eq(wait_of(&r, "once"), -1);  /* do { } while (0) */
    ck_assert_int_eq(wait_of(&r, "count"), -1); /* a counted loop */
    ck_assert_int_eq(wait_of(&r, "own"), -1);   /* it sets the flag itself */
    /* Work in the body does not matter when the exit test polls it. */
    ck_assert_int_eq(wait_of(&r, "work"), 0);
    ck_assert_int_eq(wait_of(&r, "scan"), 0);
    /* Read in the body of a loop that works, not in an exit test. */
    ck_assert_int_eq(wait_of(&r, "body"), -1);
    ck_assert_int_eq(wait_of(&r, "drain"), -1); /* a callee sets it */
    run_free(&r);
}
END_TEST

static Suite *shared_suite(void)
{
    Suite *s = suite_create("shared");
    TCase *tc = tcase_create("model");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, members_and_locks);
    tcase_add_test(tc, read_holds_do_not_order_writers);
    tcase_add_test(tc, spawn_and_join_order_the_main_thread);
    tcase_add_test(tc, context_objects_at_the_spawn);
    tcase_add_test(tc, waiting_loops);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ut_run(shared_suite());
}
