/*
 * Catalogs: what syncwise knows about library APIs, as data (SPEC 1.1).
 * The default catalogs under rules/catalogs/ are compiled into the binary;
 * a user's configuration can add more with catalog_load().  Lookups are by
 * function name.
 */
#ifndef SW_CATALOG_H
#define SW_CATALOG_H

#include <stddef.h>

#define SW_CATEGORIES(X)                                                       \
    X(NET, "net", "network I/O")                                               \
    X(DNS, "dns", "a DNS lookup")                                              \
    X(FILE, "file", "file I/O")                                                \
    X(DB, "db", "a database query")                                            \
    X(SLEEP, "sleep", "a sleep")                                               \
    X(PROCESS, "process", "running a process")                                 \
    X(WAIT, "wait", "waiting for another thread or process")                   \
    X(CONSOLE, "console", "reading the console")

enum sw_category {
#define X(id, str, desc) SW_CAT_##id,
    SW_CATEGORIES(X)
#undef X
        SW_CAT_COUNT
};

#define SW_LOCALITIES(X)                                                       \
    X(REMOTE, "remote")                                                        \
    X(LOCAL, "local")                                                          \
    X(UNKNOWN, "unknown")

enum sw_locality {
#define X(id, str) SW_LOC_##id,
    SW_LOCALITIES(X)
#undef X
        SW_LOC_COUNT
};

const char *sw_category_name(enum sw_category c);
const char *sw_category_desc(enum sw_category c);
const char *sw_locality_name(enum sw_locality l);

struct cat_blocking {
    const char *name;          /* function name */
    enum sw_category category; /* what it waits for */
    enum sw_locality locality; /* where the wait goes */
    int fd_mode;       /* 1: blocks only on a blocking file descriptor */
    int nb_arg;        /* argument that can make the call non-blocking, or -1 */
    long long nb_mask; /* nb_arg & nb_mask != 0 makes it non-blocking */
    int nb_not_null;   /* 1: a non-NULL nb_arg makes it asynchronous */
    /*
     * Non-blocking when the same function also calls one of these on the
     * same handle (argument nb_handle of both): PQgetResult after PQisBusy
     * says the result is complete.
     */
    const char **nb_after;
    size_t nb_nafter;
    int nb_handle;
    const char *async; /* the asynchronous alternative, or NULL */
    /* fd_mode entries: this entry for a descriptor visibly in blocking
     * mode (fd_mode 0), else NULL. */
    const struct cat_blocking *on_blocking_fd;
};

#define SW_SPAWN_KINDS(X)                                                      \
    X(THREAD, "thread")                                                        \
    X(POOL, "pool")                                                            \
    X(LOOP_WORK, "loop-work")

enum sw_spawn_kind {
#define X(id, str) SW_SPAWN_##id,
    SW_SPAWN_KINDS(X)
#undef X
        SW_SPAWN_KIND_COUNT
};
const char *sw_spawn_kind_name(enum sw_spawn_kind k);

struct cat_spawn {
    const char *name;        /* function name */
    enum sw_spawn_kind kind; /* what runs the callback */
    int callback;            /* argument index of the start routine */
    int context;             /* argument index of its context, or -1 */
    int handle;              /* argument index of the handle, or -1 */
    const char **waits;      /* names of the matching waits */
    size_t nwaits;
};

struct cat_wait {
    const char *name; /* function name */
    int handle;       /* argument index of the handle waited for */
};

/*
 * What the loop waits for before a registered callback runs (callbacks.json
 * "wait"): a local operation it was handed (a file operation: uv_fs_read,
 * g_file_load_contents_async), nothing outside the loop (uv_close,
 * g_idle_add), or anything else: network, timers, signals, descriptors of
 * unknown kind, other threads (the default).
 */
#define SW_CB_WAITS(X)                                                         \
    X(OTHER, "other")                                                          \
    X(LOCAL, "local")                                                          \
    X(NONE, "none")

enum sw_cb_wait {
#define X(id, str) SW_CB_WAIT_##id,
    SW_CB_WAITS(X)
#undef X
        SW_CB_WAIT_COUNT
};

struct cat_callback {
    const char *name; /* registering function */
    const char *loop; /* "libuv", "libevent", "libev", "GLib", ... */
    int *args;        /* callback argument indexes (-1 = the last) */
    size_t nargs;
    enum sw_cb_wait wait; /* what the callback waits for */
};

/* A call that runs an event loop (uv_run, g_main_loop_run). */
struct cat_loop_run {
    const char *name; /* function name */
    const char *loop; /* the loop, as in callbacks */
};

struct cat_event_wait {
    const char *name;  /* epoll_wait, poll, ... */
    int single_fd_arg; /* argument that is <= 1 when at most one fd is watched
                        */
    int timeout_arg;   /* argument that is 0 for a readiness check, or -1 */
};

struct cat_field_callback {
    const char *record; /* record name, may end in '*' */
    const char *field;  /* field name */
    const char *loop;   /* loop name */
};

struct cat_mt_unsafe {
    const char *name;        /* function name */
    const char *replacement; /* what to use instead */
    const char *reason;      /* why it is unsafe, or NULL */
};

#define SW_LOCK_OPS(X)                                                         \
    X(ACQUIRE, "acquire")                                                      \
    X(TRY, "try-acquire")                                                      \
    X(RELEASE, "release")                                                      \
    X(COND_WAIT, "cond-wait")

enum sw_lock_op {
#define X(id, str) SW_LOCK_##id,
    SW_LOCK_OPS(X)
#undef X
        SW_LOCK_OP_COUNT
};

struct cat_lock {
    const char *name;   /* function name */
    enum sw_lock_op op; /* what it does */
    int lock;           /* argument index of the lock, -1 for a global lock */
    int shared;         /* 1 for a shared (reader) acquisition */
    int semaphore;      /* a semaphore: often a signal, not a mutex */
};

struct catalog;

struct catalog *catalog_new(void);
void catalog_free(struct catalog *cat);

/*
 * Loads the built-in catalogs.  Returns 0, or -1 after appending messages
 * to errs (a caller-owned array of malloc'd strings, *nerrs entries).
 */
int catalog_load_builtin(struct catalog *cat, char ***errs, size_t *nerrs);

/*
 * Adds the entries of one catalog document (any of the catalog sections in
 * one JSON object).  origin names the file in messages.  Entries with
 * problems are skipped and reported as "ORIGIN: SECTION 'NAME': problem".
 * Returns 0 when everything loaded, -1 otherwise.
 */
int catalog_load(struct catalog *cat, const char *json, const char *origin,
                 char ***errs, size_t *nerrs);

const struct cat_blocking *catalog_blocking(const struct catalog *c,
                                            const char *name);
const struct cat_spawn *catalog_spawn(const struct catalog *c,
                                      const char *name);
const struct cat_wait *catalog_wait(const struct catalog *c, const char *name);
const struct cat_callback *catalog_callback(const struct catalog *c,
                                            const char *name);
const struct cat_event_wait *catalog_event_wait(const struct catalog *c,
                                                const char *name);
const struct cat_loop_run *catalog_loop_run(const struct catalog *c,
                                            const char *name);
const struct cat_mt_unsafe *catalog_mt_unsafe(const struct catalog *c,
                                              const char *name);
const struct cat_lock *catalog_lock(const struct catalog *c, const char *name);
/* Field callbacks: the loop name for Record::field, or NULL. */
const char *catalog_field_callback(const struct catalog *c, const char *record,
                                   const char *field);
/* 1 for a function that starts a child process (fork, vfork). */
int catalog_is_fork(const struct catalog *c, const char *name);

/* An atomic builtin or stdatomic function (by prefix or name). */
int catalog_is_atomic(const struct catalog *c, const char *name);

/*
 * 1 when a call by this name is a catalogued API of any kind: blocking, a
 * spawn, a wait, a callback registration, an event wait, mt-unsafe, a lock
 * or atomic (one lookup).
 */
int catalog_is_api(const struct catalog *c, const char *name);

/*
 * Pools and loops as objects (spawn.json "pools"): the calls that create
 * one, hand it a task, run or wait for it, and tear it down.  SW101 and
 * SW104 read them.  Argument `handle` of submit, run and destroy calls is
 * the pool (or loop); -1 when the calls share no visible handle (aio).
 */
#define SW_POOL_ROLES(X)                                                       \
    X(CREATE, "create")                                                        \
    X(SUBMIT, "submit")                                                        \
    X(RUN, "run")                                                              \
    X(DESTROY, "destroy")

enum sw_pool_role {
#define X(id, str) SW_POOL_##id,
    SW_POOL_ROLES(X)
#undef X
        SW_POOL_ROLE_COUNT
};

struct cat_pool {
    const char *name;  /* the pool type ("GThreadPool", "uv_loop_t") */
    int handle;        /* argument index of the pool in its calls, or -1 */
    int create_handle; /* the pool's argument in create calls, -1: returned */
    const char *what;  /* "a GLib thread pool", for messages */
};

/*
 * The pool a function belongs to, with its role in *role, or NULL.  A
 * function can have only one role in one pool.
 */
const struct cat_pool *catalog_pool(const struct catalog *c, const char *name,
                                    enum sw_pool_role *role);

/*
 * Connection set-up calls whose literal arguments tell where a connection
 * goes (spawn.json "endpoints"): SPEC 1.1's locality "judged from literal
 * arguments where visible".  Calls whose name starts with `prefix` use the
 * connections these calls open.
 */
struct cat_endpoint {
    const char *name;   /* connect function */
    int host;           /* argument holding the host or conninfo, or -1 */
    int conninfo;       /* 1: the argument is "key=value ..." (libpq) */
    int null_local;     /* 1: a NULL host means a local socket */
    int local;          /* 1: always local (a unix socket connect) */
    const char *prefix; /* name prefix of the calls on such connections */
};
const struct cat_endpoint *catalog_endpoint(const struct catalog *c,
                                            const char *name);
/* The endpoint family (by prefix) a call name belongs to, or NULL. */
const char *catalog_endpoint_prefix(const struct catalog *c, const char *name);

/*
 * 1 for a library function that does a small, bounded amount of work and
 * never waits (memcpy, strlen, free): spawn.json "cheap".  A task calling
 * only these, with no loop, is trivial (SW102).
 */
int catalog_is_cheap(const struct catalog *c, const char *name);

/*
 * Calls that take a descriptor (blocking.json "descriptors"): ones that
 * create it, with the flags argument whose nb_mask bit makes it
 * non-blocking (socket with SOCK_NONBLOCK), and ones known to leave its
 * blocking mode alone (bind, setsockopt, close).  A call not listed here
 * may change the mode (fcntl, ioctl, the project's own functions).
 */
struct cat_descriptor {
    const char *name;  /* function name */
    int creates;       /* 1: returns a new descriptor */
    int flags;         /* creates: the flags argument */
    long long nb_mask; /* creates: flags & nb_mask != 0 makes it
                          non-blocking */
};
const struct cat_descriptor *catalog_descriptor(const struct catalog *c,
                                                const char *name);

/*
 * Signal handlers (callbacks.json "signals"): the handler argument of a
 * registering function (signal, sigset), or -1; and 1 for a field that
 * holds a handler in any record (sigaction's sa_handler, sa_sigaction).
 */
int catalog_signal_arg(const struct catalog *c, const char *name);
int catalog_signal_field(const struct catalog *c, const char *field);

/*
 * 1 when the library function writes through pointer argument arg (the
 * buffer snprintf fills, the struct tm localtime_r fills): the object the
 * argument points to is written (catalog section "writes").
 */
int catalog_writes_arg(const struct catalog *c, const char *name, int arg);

/* Endpoints by index (0..count-1), for whole-program scans. */
size_t catalog_endpoint_count(const struct catalog *c);
const struct cat_endpoint *catalog_endpoint_at(const struct catalog *c,
                                               size_t i);

/* Counts of entries per section, for `syncwise rules --catalog` and tests. */
size_t catalog_count(const struct catalog *c, const char *section);

#endif
