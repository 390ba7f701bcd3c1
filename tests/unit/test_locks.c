/*
 * program/locks: locks held along a function, from real extracted sources.
 */
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "frontend/extract.h"
#include "program/locks.h"
#include "unit_util.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

static const char sys_h[] =
    "typedef struct { int x; } pthread_mutex_t;\n"
    "typedef struct { int x; } pthread_cond_t;\n"
    "typedef struct { int x; } sem_t;\n"
    "int pthread_mutex_lock(pthread_mutex_t *m);\n"
    "int pthread_mutex_trylock(pthread_mutex_t *m);\n"
    "int pthread_mutex_unlock(pthread_mutex_t *m);\n"
    "int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);\n"
    "int sem_wait(sem_t *s);\n"
    "int sem_post(sem_t *s);\n"
    "void io(int n);\n";

struct run {
    struct ut_prog u;        /* the program */
    struct lock_summaries s; /* wrappers */
};

static void run_init(struct run *r, const char *src)
{
    ut_prog_init(&r->u, sys_h, src);
    locks_summaries_init(&r->s, r->u.p);
}

static void run_free(struct run *r)
{
    locks_summaries_release(&r->s);
    ut_prog_free(&r->u);
}

struct seen {
    const struct program *p; /* program */
    int func;                /* function walked */
    struct strbuf out;       /* "io@LINE:lock " for each call under a lock */
};

static void collect(void *data, int call, const struct lock_held *held,
                    size_t nheld)
{
    struct seen *s = data;
    const struct fact_call *c = &s->p->funcs[s->func].f->calls[call];
    strbuf_addf(&s->out, "%s@%d:%s ", c->name, c->line, held[nheld - 1].name);
}

/* What is called under a lock in function name, as "io@LINE:lock ...". */
static char *walk(struct run *r, const char *name)
{
    struct seen s = {r->u.p, -1, STRBUF_INIT};
    for (size_t i = 0; i < r->u.p->nfuncs; i++)
        if (strcmp(r->u.p->funcs[i].f->name, name) == 0)
            s.func = (int)i;
    ck_assert_int_ge(s.func, 0);
    locks_walk(r->u.p, &r->s, s.func, collect, &s);
    return strbuf_detach(&s.out);
}

START_TEST(lock_unlock_in_sequence)
{
    struct run r;
    char *got;
    run_init(&r, "#include \"sys.h\"\n"
                 "static pthread_mutex_t mu;\n"
                 "void f(void) {\n"
                 "    io(1);\n"
                 "    pthread_mutex_lock(&mu);\n"
                 "    io(2);\n"
                 "    pthread_mutex_unlock(&mu);\n"
                 "    io(3);\n"
                 "}\n");
    got = walk(&r, "f");
    ck_assert_str_eq(got, "io@6:mu ");
    free(got);
    run_free(&r);
}
END_TEST

START_TEST(early_return_unlock_keeps_the_lock)
{
    struct run r;
    char *got;
    run_init(&r, "#include \"sys.h\"\n"
                 "static pthread_mutex_t mu;\n"
                 "void f(int e) {\n"
                 "    pthread_mutex_lock(&mu);\n"
                 "    if (e) {\n"
                 "        pthread_mutex_unlock(&mu);\n"
                 "        return;\n"
                 "    }\n"
                 "    io(9);\n"
                 "    pthread_mutex_unlock(&mu);\n"
                 "}\n");
    got = walk(&r, "f");
    ck_assert_str_eq(got, "io@9:mu ");
    free(got);
    run_free(&r);
}
END_TEST

START_TEST(wrappers_take_and_release)
{
    struct run r;
    char *got;
    run_init(&r, "#include \"sys.h\"\n"
                 "static pthread_mutex_t mu;\n"
                 "void lock_all(void) { pthread_mutex_lock(&mu); }\n"
                 "void unlock_all(void) { pthread_mutex_unlock(&mu); }\n"
                 "void f(void) {\n"
                 "    lock_all();\n"
                 "    io(7);\n"
                 "    unlock_all();\n"
                 "    io(9);\n"
                 "}\n");
    got = walk(&r, "f");
    ck_assert_str_eq(got, "io@7:mu ");
    free(got);
    run_free(&r);
}
END_TEST

START_TEST(cond_wait_and_semaphores_are_not_calls_under_lock)
{
    struct run r;
    char *got;
    run_init(&r, "#include \"sys.h\"\n"
                 "static pthread_mutex_t mu;\n"
                 "static pthread_cond_t cv;\n"
                 "static sem_t sem;\n"
                 "void f(void) {\n"
                 "    sem_wait(&sem);\n"
                 "    io(7);\n"
                 "    sem_post(&sem);\n"
                 "    pthread_mutex_lock(&mu);\n"
                 "    pthread_cond_wait(&cv, &mu);\n"
                 "    pthread_mutex_unlock(&mu);\n"
                 "}\n");
    got = walk(&r, "f");
    ck_assert_str_eq(got, "");
    free(got);
    run_free(&r);
}
END_TEST

START_TEST(locks_are_told_apart_by_variable)
{
    struct run r;
    char *got;
    run_init(&r, "#include \"sys.h\"\n"
                 "static pthread_mutex_t a, b;\n"
                 "#define LOCK(m) pthread_mutex_lock(m)\n"
                 "#define UNLOCK(m) pthread_mutex_unlock(m)\n"
                 "void f(void) {\n"
                 "    LOCK(&a);\n"
                 "    LOCK(&b);\n"
                 "    UNLOCK(&b);\n"
                 "    io(9);\n"
                 "    UNLOCK(&a);\n"
                 "    io(11);\n"
                 "}\n");
    got = walk(&r, "f");
    ck_assert_str_eq(got, "io@9:a ");
    free(got);
    run_free(&r);
}
END_TEST

static Suite *locks_suite(void)
{
    Suite *s = suite_create("locks");
    TCase *tc = tcase_create("walk");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, lock_unlock_in_sequence);
    tcase_add_test(tc, early_return_unlock_keeps_the_lock);
    tcase_add_test(tc, wrappers_take_and_release);
    tcase_add_test(tc, cond_wait_and_semaphores_are_not_calls_under_lock);
    tcase_add_test(tc, locks_are_told_apart_by_variable);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ut_run(locks_suite());
}
