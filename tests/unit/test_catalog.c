/*
 * catalog/: the built-in catalogs, lookups, and user catalogs with errors
 * that say where the problem is (origin, section, entry, key).
 */
#include "catalog/catalog.h"
#include "unit_util.h"

#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct catalog *builtin(void)
{
    struct catalog *c = catalog_new();
    char **errs = NULL;
    size_t nerrs = 0;
    int rc = catalog_load_builtin(c, &errs, &nerrs);
    ck_assert_msg(rc == 0 && nerrs == 0, "built-in catalogs: %s",
                  nerrs ? errs[0] : "rc != 0");
    ut_free_strings(errs, nerrs);
    return c;
}

/* Loads doc as "user.json"; returns rc, messages in *errs. */
static int load(struct catalog *c, const char *doc, char ***errs, size_t *nerrs)
{
    *errs = NULL;
    *nerrs = 0;
    return catalog_load(c, doc, "user.json", errs, nerrs);
}

/* Asserts exactly one message, containing each needle. */
static void expect_one_error(const char *doc, ...)
{
    struct catalog *c = catalog_new();
    char **errs;
    size_t nerrs;
    int rc = load(c, doc, &errs, &nerrs);
    va_list ap;
    const char *needle;
    ck_assert_msg(rc == -1, "accepted: %s", doc);
    ck_assert_msg(nerrs == 1, "%zu messages for %s (first: %s)", nerrs, doc,
                  nerrs ? errs[0] : "-");
    ck_assert_msg(strncmp(errs[0], "user.json: ", 11) == 0,
                  "origin missing: %s", errs[0]);
    va_start(ap, doc);
    while ((needle = va_arg(ap, const char *)) != NULL)
        ck_assert_msg(strstr(errs[0], needle) != NULL, "'%s' lacks '%s'",
                      errs[0], needle);
    va_end(ap);
    ut_free_strings(errs, nerrs);
    catalog_free(c);
}

/* ---- built-in ----------------------------------------------------------- */

START_TEST(builtin_loads_without_errors)
{
    static const char *const sections[] = {
        "blocking",        "spawn",     "waits", "callbacks", "event_waits",
        "field_callbacks", "mt_unsafe", "locks", "writes"};
    struct catalog *c = builtin();
    for (size_t i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
        ck_assert_msg(catalog_count(c, sections[i]) > 0, "section %s empty",
                      sections[i]);
    /* The curated lists are not tiny. */
    ck_assert_uint_ge(catalog_count(c, "blocking"), 100);
    ck_assert_uint_ge(catalog_count(c, "callbacks"), 50);
    ck_assert_uint_ge(catalog_count(c, "mt_unsafe"), 20);
    ck_assert_uint_eq(catalog_count(c, "no-such-section"), 0);
    catalog_free(c);
    catalog_free(NULL);
}
END_TEST

/* load(), then frees the messages; returns its result. */
static int load_free(struct catalog *c, const char *doc)
{
    char **errs;
    size_t nerrs;
    int rc = load(c, doc, &errs, &nerrs);
    for (size_t i = 0; i < nerrs; i++)
        free(errs[i]);
    free(errs);
    return rc;
}

START_TEST(writes_through_arguments)
{
    struct catalog *c = builtin();
    ck_assert_int_eq(catalog_writes_arg(c, "snprintf", 0), 1);
    ck_assert_int_eq(catalog_writes_arg(c, "snprintf", 1), 0);
    ck_assert_int_eq(catalog_writes_arg(c, "memcpy", 1), 0); /* the source */
    ck_assert_int_eq(catalog_writes_arg(c, "localtime_r", 1), 1);
    ck_assert_int_eq(catalog_writes_arg(c, "strlen", 0), 0);
    ck_assert_int_eq(catalog_writes_arg(c, "snprintf", -1), 0);
    ck_assert_int_eq(catalog_writes_arg(c, "snprintf", 99), 0);
    ck_assert_int_eq(catalog_writes_arg(c, NULL, 0), 0);
    /* A user's own function; bad entries name the problem. */
    ck_assert_int_eq(
        load_free(c, "{\"writes\": {\"fill_buf\": {\"args\": [1, 2]}}}"), 0);
    ck_assert_int_eq(catalog_writes_arg(c, "fill_buf", 2), 1);
    ck_assert_int_eq(catalog_writes_arg(c, "fill_buf", 0), 0);
    ck_assert_int_eq(load_free(c, "{\"writes\": {\"f\": {\"args\": []}}}"), -1);
    ck_assert_int_eq(load_free(c, "{\"writes\": {\"g\": {\"args\": [31]}}}"),
                     -1);
    ck_assert_int_eq(load_free(c, "{\"writes\": {\"h\": {\"args\": [\"0\"]}}}"),
                     -1);
    ck_assert_int_eq(load_free(c, "{\"writes\": {\"k\": {\"arg\": [0]}}}"), -1);
    ck_assert_int_eq(catalog_writes_arg(c, "g", 0), 0);
    catalog_free(c);
}
END_TEST

START_TEST(lookup_pthread_create)
{
    struct catalog *c = builtin();
    const struct cat_spawn *s = catalog_spawn(c, "pthread_create");
    const struct cat_wait *w;
    int has_join = 0;
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s->name, "pthread_create");
    ck_assert_int_eq(s->kind, SW_SPAWN_THREAD);
    ck_assert_int_eq(s->callback, 2);
    ck_assert_int_eq(s->context, 3);
    ck_assert_int_eq(s->handle, 0);
    for (size_t i = 0; i < s->nwaits; i++)
        if (strcmp(s->waits[i], "pthread_join") == 0)
            has_join = 1;
    ck_assert(has_join);
    w = catalog_wait(c, "pthread_join");
    ck_assert_ptr_nonnull(w);
    ck_assert_int_eq(w->handle, 0);
    ck_assert_ptr_null(catalog_blocking(c, "pthread_create"));
    ck_assert_str_eq(sw_spawn_kind_name(s->kind), "thread");
    catalog_free(c);
}
END_TEST

START_TEST(lookup_uv_read_start)
{
    struct catalog *c = builtin();
    const struct cat_callback *cb = catalog_callback(c, "uv_read_start");
    ck_assert_ptr_nonnull(cb);
    ck_assert_str_eq(cb->loop, "libuv");
    ck_assert_uint_eq(cb->nargs, 2);
    ck_assert_int_eq(cb->args[0], 1);
    ck_assert_int_eq(cb->args[1], 2);
    /* uv_fs_read's callback is the last argument. */
    cb = catalog_callback(c, "uv_fs_read");
    ck_assert_ptr_nonnull(cb);
    ck_assert_uint_eq(cb->nargs, 1);
    ck_assert_int_eq(cb->args[0], -1);
    /* uv_queue_work: a pool spawn and a loop callback at once. */
    ck_assert_ptr_nonnull(catalog_callback(c, "uv_queue_work"));
    ck_assert_ptr_nonnull(catalog_spawn(c, "uv_queue_work"));
    ck_assert_int_eq(catalog_spawn(c, "uv_queue_work")->kind, SW_SPAWN_POOL);
    catalog_free(c);
}
END_TEST

START_TEST(lookup_callback_waits_and_loop_runs)
{
    struct catalog *c = builtin();
    char **errs;
    size_t nerrs;
    /* What the loop waits for before the callback runs. */
    ck_assert_int_eq(catalog_callback(c, "uv_fs_read")->wait, SW_CB_WAIT_LOCAL);
    ck_assert_int_eq(catalog_callback(c, "g_file_load_contents_async")->wait,
                     SW_CB_WAIT_LOCAL);
    ck_assert_int_eq(catalog_callback(c, "uv_close")->wait, SW_CB_WAIT_NONE);
    ck_assert_int_eq(catalog_callback(c, "uv_read_start")->wait,
                     SW_CB_WAIT_OTHER);
    ck_assert_int_eq(catalog_callback(c, "uv_fs_event_start")->wait,
                     SW_CB_WAIT_OTHER);
    ck_assert_int_eq(catalog_callback(c, "uv_timer_start")->wait,
                     SW_CB_WAIT_OTHER);
    /* The calls that run a loop. */
    ck_assert_str_eq(catalog_loop_run(c, "uv_run")->loop, "libuv");
    ck_assert_str_eq(catalog_loop_run(c, "g_main_loop_run")->loop, "GLib");
    ck_assert_str_eq(catalog_loop_run(c, "event_base_dispatch")->loop,
                     "libevent");
    ck_assert_ptr_null(catalog_loop_run(c, "uv_loop_init"));
    ck_assert_uint_ge(catalog_count(c, "loop_runs"), 4);
    /* A user's loop and its callbacks. */
    ck_assert_int_eq(load(c,
                          "{\"callbacks\": {\"my_read_file\": {\"loop\": "
                          "\"mine\", \"args\": [-1], \"wait\": \"local\"}},"
                          " \"loop_runs\": {\"my_run\": {\"loop\": "
                          "\"mine\"}}}",
                          &errs, &nerrs),
                     0);
    ck_assert_int_eq(catalog_callback(c, "my_read_file")->wait,
                     SW_CB_WAIT_LOCAL);
    ck_assert_str_eq(catalog_loop_run(c, "my_run")->loop, "mine");
    catalog_free(c);
}
END_TEST

START_TEST(error_callback_wait_and_loop_run)
{
    expect_one_error("{\"callbacks\": {\"on\": {\"loop\": \"mine\","
                     " \"args\": [1], \"wait\": \"disk\"}}}",
                     "callbacks", "'on'", "'wait'", "local", NULL);
    expect_one_error("{\"loop_runs\": {\"my_run\": {}}}", "loop_runs",
                     "'my_run'", "missing key 'loop'", NULL);
    expect_one_error("{\"loop_runs\": {\"my_run\": {\"loop\": \"mine\","
                     " \"args\": [1]}}}",
                     "loop_runs", "'my_run'", "unknown key", NULL);
}
END_TEST

START_TEST(lookup_strtok_and_locks)
{
    struct catalog *c = builtin();
    const struct cat_mt_unsafe *m = catalog_mt_unsafe(c, "strtok");
    const struct cat_lock *l = catalog_lock(c, "pthread_mutex_lock");
    ck_assert_ptr_nonnull(m);
    ck_assert_str_eq(m->replacement, "strtok_r");
    ck_assert_ptr_null(catalog_mt_unsafe(c, "strtok_r"));
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(l->op, SW_LOCK_ACQUIRE);
    ck_assert_int_eq(l->lock, 0);
    ck_assert_int_eq(l->shared, 0);
    l = catalog_lock(c, "pthread_mutex_unlock");
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(l->op, SW_LOCK_RELEASE);
    catalog_free(c);
}
END_TEST

START_TEST(lookup_event_waits)
{
    struct catalog *c = builtin();
    const struct cat_event_wait *e = catalog_event_wait(c, "epoll_wait");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->single_fd_arg, -1);
    e = catalog_event_wait(c, "poll");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->single_fd_arg, 1);
    ck_assert_ptr_null(catalog_event_wait(c, "epoll_create"));
    catalog_free(c);
}
END_TEST

START_TEST(lookup_blocking_recv_and_sleep)
{
    struct catalog *c = builtin();
    const struct cat_blocking *b = catalog_blocking(c, "recv");
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(b->category, SW_CAT_NET);
    ck_assert_int_eq(b->fd_mode, 1);
    ck_assert_int_eq(b->nb_arg, 3);
    ck_assert_int_eq(b->nb_mask, 64);
    ck_assert_int_eq(b->nb_not_null, 0);
    ck_assert_ptr_nonnull(b->async);

    b = catalog_blocking(c, "sleep");
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(b->category, SW_CAT_SLEEP);
    ck_assert_int_eq(b->locality, SW_LOC_LOCAL);
    ck_assert_int_eq(b->fd_mode, 0);
    ck_assert_int_eq(b->nb_arg, -1);
    ck_assert_str_eq(sw_category_name(b->category), "sleep");
    ck_assert_str_eq(sw_locality_name(b->locality), "local");

    b = catalog_blocking(c, "uv_fs_read");
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(b->nb_not_null, 1);
    ck_assert_int_eq(b->nb_arg, -1);

    b = catalog_blocking(c, "PQgetResult");
    ck_assert_ptr_nonnull(b);
    ck_assert_uint_eq(b->nb_nafter, 2);
    ck_assert_str_eq(b->nb_after[0], "PQisBusy");
    ck_assert_int_eq(b->nb_handle, 0);
    ck_assert_int_eq(b->nb_mask, 0);

    b = catalog_blocking(c, "connect");
    ck_assert_ptr_nonnull(b->on_blocking_fd);
    ck_assert_int_eq(b->on_blocking_fd->fd_mode, 0);
    ck_assert_int_eq(b->on_blocking_fd->category, SW_CAT_NET);
    ck_assert_ptr_null(catalog_blocking(c, "sleep")->on_blocking_fd);

    ck_assert_int_eq(catalog_descriptor(c, "socket")->creates, 1);
    ck_assert_int_eq(catalog_descriptor(c, "socket")->flags, 1);
    ck_assert_int_eq(catalog_descriptor(c, "socket")->nb_mask, 2048);
    ck_assert_int_eq(catalog_descriptor(c, "setsockopt")->creates, 0);
    ck_assert_ptr_null(catalog_descriptor(c, "fcntl"));

    ck_assert_int_eq(catalog_signal_arg(c, "signal"), 1);
    ck_assert_int_eq(catalog_signal_arg(c, "sigaction"), -1);
    ck_assert_int_eq(catalog_signal_arg(c, "::sa_handler"), -1);
    ck_assert_int_eq(catalog_signal_field(c, "sa_handler"), 1);
    ck_assert_int_eq(catalog_signal_field(c, "sa_flags"), 0);

    ck_assert_ptr_null(catalog_blocking(c, "my_own_function"));
    ck_assert_ptr_null(catalog_blocking(c, ""));
    catalog_free(c);
}
END_TEST

START_TEST(field_callback_glob)
{
    struct catalog *c = builtin();
    ck_assert_pstr_eq(catalog_field_callback(c, "ev_io", "cb"), "libev");
    ck_assert_pstr_eq(catalog_field_callback(c, "ev_timer", "cb"), "libev");
    ck_assert_pstr_eq(catalog_field_callback(c, "ev_periodic", "reschedule_cb"),
                      "libev");
    ck_assert_ptr_null(catalog_field_callback(c, "ev_io", "data"));
    ck_assert_ptr_null(catalog_field_callback(c, "uv_tcp_s", "cb"));
    ck_assert_ptr_null(catalog_field_callback(c, "ev_io", "reschedule_cb"));
    catalog_free(c);
}
END_TEST

START_TEST(atomics)
{
    struct catalog *c = builtin();
    ck_assert_int_eq(catalog_is_atomic(c, "__atomic_load_n"), 1);
    ck_assert_int_eq(catalog_is_atomic(c, "__sync_fetch_and_add"), 1);
    ck_assert_int_eq(catalog_is_atomic(c, "atomic_fetch_add"), 1);
    ck_assert_int_eq(catalog_is_atomic(c, "g_atomic_int_inc"), 1);
    ck_assert_int_eq(catalog_is_atomic(c, "atomize"), 0);
    ck_assert_int_eq(catalog_is_atomic(c, "atomic"), 0);
    ck_assert_int_eq(catalog_is_atomic(c, "g_atomic_int_bogus"), 0);
    ck_assert_int_eq(catalog_is_atomic(c, "load"), 0);
    catalog_free(c);
}
END_TEST

/* ---- user catalogs ------------------------------------------------------ */

START_TEST(user_catalog_adds_and_overrides)
{
    struct catalog *c = builtin();
    char **errs;
    size_t nerrs;
    size_t before = catalog_count(c, "blocking");
    const struct cat_blocking *b;
    int rc =
        load(c,
             "{\"schema\": 1, \"description\": \"mine\", \"blocking\": {"
             "  \"my_rpc_call\": {\"category\": \"net\", \"locality\": "
             "\"remote\", \"async\": \"my_rpc_call_async\"},"
             "  \"sleep\": {\"category\": \"db\"}},"
             " \"spawn\": {\"my_spawn\": {\"kind\": \"pool\", \"callback\": 1,"
             "  \"context\": null, \"waits\": [\"my_wait\"]}},"
             " \"atomics\": {\"prefixes\": [\"my_atomic_\"]}}",
             &errs, &nerrs);
    ck_assert_msg(rc == 0 && nerrs == 0, "%s", nerrs ? errs[0] : "rc");
    b = catalog_blocking(c, "my_rpc_call");
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(b->category, SW_CAT_NET);
    ck_assert_int_eq(b->locality, SW_LOC_REMOTE);
    ck_assert_str_eq(b->async, "my_rpc_call_async");
    /* A later catalog overrides an entry without duplicating it. */
    ck_assert_int_eq(catalog_blocking(c, "sleep")->category, SW_CAT_DB);
    ck_assert_uint_eq(catalog_count(c, "blocking"), before + 1);
    ck_assert_ptr_nonnull(catalog_spawn(c, "my_spawn"));
    ck_assert_int_eq(catalog_spawn(c, "my_spawn")->context, -1);
    ck_assert_uint_eq(catalog_spawn(c, "my_spawn")->nwaits, 1);
    ck_assert_int_eq(catalog_is_atomic(c, "my_atomic_inc"), 1);
    ut_free_strings(errs, nerrs);
    catalog_free(c);
}
END_TEST

START_TEST(error_unknown_key)
{
    expect_one_error("{\"blocking\": {\"my_rpc\": {\"category\": \"net\","
                     " \"colour\": \"red\"}}}",
                     "blocking", "'my_rpc'", "unknown key", "'colour'", NULL);
}
END_TEST

START_TEST(error_unknown_category)
{
    expect_one_error(
        "{\"blocking\": {\"my_rpc\": {\"category\": \"network\"}}}", "blocking",
        "'my_rpc'", "'category'", "net", NULL);
    expect_one_error("{\"blocking\": {\"my_rpc\": {\"locality\": \"remote\"}}}",
                     "blocking", "'my_rpc'", "missing key 'category'", NULL);
}
END_TEST

START_TEST(error_missing_callback_index)
{
    expect_one_error("{\"spawn\": {\"start_job\": {\"kind\": \"thread\"}}}",
                     "spawn", "'start_job'", "'callback'", NULL);
}
END_TEST

START_TEST(error_negative_index)
{
    expect_one_error("{\"spawn\": {\"start_job\": {\"kind\": \"thread\","
                     " \"callback\": -1}}}",
                     "spawn", "'start_job'", "'callback'", "argument index",
                     NULL);
    expect_one_error("{\"spawn\": {\"start_job\": {\"kind\": \"thread\","
                     " \"callback\": 1.5}}}",
                     "spawn", "'start_job'", "'callback'", NULL);
    expect_one_error("{\"callbacks\": {\"on\": {\"loop\": \"mine\","
                     " \"args\": [-2]}}}",
                     "callbacks", "'on'", "'args'", NULL);
    expect_one_error("{\"locks\": {\"take\": {\"op\": \"acquire\","
                     " \"lock\": 64}}}",
                     "locks", "'take'", "'lock'", NULL);
}
END_TEST

START_TEST(error_entry_not_an_object)
{
    expect_one_error("{\"blocking\": {\"my_rpc\": \"net\"}}", "blocking",
                     "'my_rpc'", "object", NULL);
    expect_one_error("{\"mt_unsafe\": [\"strtok\"]}", "mt_unsafe", "object",
                     NULL);
}
END_TEST

START_TEST(error_unknown_section)
{
    expect_one_error("{\"blockers\": {\"my_rpc\": {\"category\": \"net\"}}}",
                     "unknown section", "'blockers'", NULL);
}
END_TEST

START_TEST(error_wrong_schema)
{
    expect_one_error("{\"schema\": 2, \"blocking\": {}}", "schema", NULL);
    expect_one_error("{\"schema\": \"1\"}", "schema", NULL);
}
END_TEST

START_TEST(error_not_a_document)
{
    expect_one_error("not json at all", NULL);
    expect_one_error("[{\"blocking\": {}}]", "object", NULL);
}
END_TEST

START_TEST(error_other_shapes)
{
    expect_one_error(
        "{\"field_callbacks\": {\"no_separator\": {\"loop\": \"x\"}}}",
        "field_callbacks", "'no_separator'", "Record::field", NULL);
    expect_one_error("{\"field_callbacks\": {\"ev_io::cb\": {}}}",
                     "field_callbacks", "'ev_io::cb'", "'loop'", NULL);
    expect_one_error("{\"mt_unsafe\": {\"f\": {\"reason\": \"x\"}}}",
                     "mt_unsafe", "'f'", "'replacement'", NULL);
    expect_one_error("{\"blocking\": {\"f\": {\"category\": \"net\","
                     " \"nonblocking\": {\"arg\": 1}}}}",
                     "blocking", "'f'", "nonblocking", NULL);
    expect_one_error("{\"blocking\": {\"f\": {\"category\": \"db\","
                     " \"nonblocking\": {\"after\": [1]}}}}",
                     "blocking", "'f'", "'after'", NULL);
    expect_one_error("{\"blocking\": {\"f\": {\"category\": \"db\","
                     " \"nonblocking\": {\"after\": \"g\"}}}}",
                     "blocking", "'f'", "'after'", NULL);
    expect_one_error("{\"signals\": {\"rec::f\": {}}}", "signals", "'rec::f'",
                     "'*::field'", NULL);
    expect_one_error("{\"descriptors\": {\"mk\": {\"creates\": true,"
                     " \"flags\": 0}}}",
                     "descriptors", "'mk'", "'mask'", NULL);
    expect_one_error("{\"locks\": {\"f\": {\"op\": \"acquire\","
                     " \"shared\": \"yes\"}}}",
                     "locks", "'f'", "'shared'", NULL);
    expect_one_error(
        "{\"spawn\": {\"f\": {\"kind\": \"thread\", \"callback\": 0,"
        " \"waits\": \"join\"}}}",
        "spawn", "'f'", "'waits'", NULL);
}
END_TEST

START_TEST(good_entries_still_load)
{
    struct catalog *c = catalog_new();
    char **errs;
    size_t nerrs;
    int rc =
        load(c,
             "{\"schema\": 1,"
             " \"blocking\": {"
             "   \"good_one\": {\"category\": \"net\"},"
             "   \"bad_one\": {\"category\": \"nope\"},"
             "   \"good_two\": {\"category\": \"file\", \"mode\": \"fd\"}},"
             " \"nonsense\": {},"
             " \"spawn\": {\"bad_spawn\": {\"kind\": \"thread\"},"
             "   \"good_spawn\": {\"kind\": \"thread\", \"callback\": 0}}}",
             &errs, &nerrs);
    ck_assert_int_eq(rc, -1);
    ck_assert_uint_eq(nerrs, 3);
    ck_assert(ut_any_contains(errs, nerrs, "user.json", "'bad_one'", NULL));
    ck_assert(ut_any_contains(errs, nerrs, "user.json", "'nonsense'", NULL));
    ck_assert(ut_any_contains(errs, nerrs, "user.json", "'bad_spawn'",
                              "'callback'", NULL));
    ck_assert_ptr_nonnull(catalog_blocking(c, "good_one"));
    ck_assert_ptr_nonnull(catalog_blocking(c, "good_two"));
    ck_assert_int_eq(catalog_blocking(c, "good_two")->fd_mode, 1);
    ck_assert_ptr_null(catalog_blocking(c, "bad_one"));
    ck_assert_ptr_nonnull(catalog_spawn(c, "good_spawn"));
    ck_assert_ptr_null(catalog_spawn(c, "bad_spawn"));
    ck_assert_uint_eq(catalog_count(c, "blocking"), 2);
    ut_free_strings(errs, nerrs);
    catalog_free(c);
}
END_TEST

START_TEST(names_of_enums)
{
    ck_assert_str_eq(sw_category_name(SW_CAT_NET), "net");
    ck_assert_str_eq(sw_category_desc(SW_CAT_NET), "network I/O");
    ck_assert_str_eq(sw_category_name(SW_CAT_COUNT), "?");
    ck_assert_str_eq(sw_locality_name(SW_LOC_REMOTE), "remote");
    ck_assert_str_eq(sw_spawn_kind_name(SW_SPAWN_POOL), "pool");
}
END_TEST

static Suite *catalog_suite(void)
{
    Suite *s = suite_create("catalog");
    TCase *tc = tcase_create("builtin");
    tcase_set_timeout(tc, 20);
    tcase_add_test(tc, builtin_loads_without_errors);
    tcase_add_test(tc, lookup_pthread_create);
    tcase_add_test(tc, writes_through_arguments);
    tcase_add_test(tc, lookup_uv_read_start);
    tcase_add_test(tc, lookup_strtok_and_locks);
    tcase_add_test(tc, lookup_event_waits);
    tcase_add_test(tc, lookup_callback_waits_and_loop_runs);
    tcase_add_test(tc, lookup_blocking_recv_and_sleep);
    tcase_add_test(tc, field_callback_glob);
    tcase_add_test(tc, atomics);
    tcase_add_test(tc, names_of_enums);
    suite_add_tcase(s, tc);

    tc = tcase_create("user");
    tcase_set_timeout(tc, 20);
    tcase_add_test(tc, user_catalog_adds_and_overrides);
    tcase_add_test(tc, error_unknown_key);
    tcase_add_test(tc, error_unknown_category);
    tcase_add_test(tc, error_missing_callback_index);
    tcase_add_test(tc, error_negative_index);
    tcase_add_test(tc, error_callback_wait_and_loop_run);
    tcase_add_test(tc, error_entry_not_an_object);
    tcase_add_test(tc, error_unknown_section);
    tcase_add_test(tc, error_wrong_schema);
    tcase_add_test(tc, error_not_a_document);
    tcase_add_test(tc, error_other_shapes);
    tcase_add_test(tc, good_entries_still_load);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ut_run(catalog_suite());
}
