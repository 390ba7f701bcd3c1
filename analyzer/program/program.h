/*
 * The whole-program model: translation units linked by USR, the call graph
 * (direct calls, plus calls through function pointers whose assignment is
 * visible), the concurrency contexts of SPEC 1.2, and per-function
 * summaries that rules query.
 *
 * Catalog knowledge wins over a body: a call to a function named in a
 * catalog (blocking, spawn, callbacks, locks, event waits, mt-unsafe) is
 * treated as that API and not followed into its body, unless the callee is
 * a static function (then it is the project's own).
 */
#ifndef SW_PROGRAM_H
#define SW_PROGRAM_H

#include "catalog/catalog.h"
#include "facts/facts.h"

#include <stddef.h>

struct strmap;

#define PROG_CTX_KINDS(X)                                                      \
    X(MAIN, "main")                                                            \
    X(THREAD, "thread")                                                        \
    X(POOL, "pool")                                                            \
    X(LOOP, "loop")

enum prog_ctx {
#define X(id, str) PROG_CTX_##id,
    PROG_CTX_KINDS(X)
#undef X
        PROG_CTX_COUNT
};
const char *prog_ctx_name(enum prog_ctx c);

/* How a call is resolved. */
enum prog_call_kind {
    PCALL_DIRECT,   /* to a function defined in the program */
    PCALL_API,      /* to a catalogued API (not followed into a body) */
    PCALL_EXTERNAL, /* to an unknown function outside the program */
    PCALL_INDIRECT, /* through a pointer (targets as far as visible) */
};

struct prog_call {
    enum prog_call_kind kind; /* resolution */
    int *targets;             /* function indexes called */
    int ntargets;
    int fd_blocking;        /* a mode-fd API on a descriptor visibly blocking */
    unsigned char dies;     /* program_call_dies(), found once */
    unsigned char in_child; /* program_call_in_child(), found once */
};

/* Why a function is in a context: the edge it was reached by. */
struct prog_reach {
    int root; /* index into program roots, -1 when not in the context */
    int from; /* caller function, -1 at the root itself */
    int call; /* call index in the caller */
};

struct prog_func {
    const struct fact_func *f;               /* facts, borrowed from the TU */
    const struct fact_tu *tu;                /* the TU it came from */
    struct prog_call *calls;                 /* parallel to f->calls */
    struct prog_reach reach[PROG_CTX_COUNT]; /* per context kind */
    struct prog_reach conc; /* reached from a concurrent context */
    int ncallers;           /* number of call edges into it */
    /* Derived from the body: parameters it hands to a spawn or loop API. */
    int spawn_param;     /* start-routine parameter, or -1 */
    int spawn_ctx_param; /* its context parameter, or -1 */
    enum sw_spawn_kind spawn_kind;
    unsigned loop_params;   /* bit k: parameter k becomes a loop callback */
    const char *loop_name;  /* loop of those callbacks */
    int poll_dist;          /* calls to reach an event wait, -1: none */
    int poll_own_loop;      /* the wait is inside a working loop of its own */
    int loop_root;          /* whole-function loop root index, or -1 */
    int spawn_sites;        /* spawns that start it */
    int has_dups;           /* other .c files define the same USR */
    unsigned long long exe; /* mains (bit i: i-th main) that reach it */
    unsigned long long mention;   /* mains whose code takes its address */
    unsigned long long conc_mask; /* executables it runs concurrently in */
};

#define PROG_ROOT_KINDS(X)                                                     \
    X(ENTRY, "entry")       /* main or an exported function */                 \
    X(SPAWN, "spawn")       /* a thread or pool start routine */               \
    X(CALLBACK, "callback") /* registered with an event loop API */            \
    X(FIELD, "field")       /* stored in a catalogued callback field */        \
    X(POLL, "poll-loop")    /* calls made in a hand-written event loop */      \
    X(DISPATCH, "dispatch") /* called through a pointer from loop code */

enum prog_root_kind {
#define X(id, str) PROG_ROOT_##id,
    PROG_ROOT_KINDS(X)
#undef X
};

struct prog_root {
    enum prog_root_kind kind; /* how it was found */
    enum prog_ctx ctx;        /* the context it starts */
    int func;                 /* function that runs in the context */
    int region_loop;          /* POLL: the loop in func, else -1 */
    int site_func;            /* spawning/registering function, or -1 */
    int site_call;            /* call (or assign for FIELD) index there */
    const char *api;          /* the API used (pthread_create, uv_read_start) */
    const char *loop_name;    /* LOOP: "libuv", "libevent", "epoll", ... */
    int multi;                /* THREAD/POOL: several instances at once */
    int concurrent;           /* runs at the same time as another context */
    int waited;               /* spawn immediately waited for */
};

/*
 * A call edge.  The edges of function f are edges[edge_start[f] ..
 * edge_start[f + 1]), in call order; the walks over the whole graph read
 * these rows instead of each call's target array.
 */
struct prog_edge {
    int to;                 /* callee function */
    unsigned call : 30;     /* call index in the caller */
    unsigned indirect : 1;  /* through a pointer */
    unsigned elsewhere : 1; /* the call dies or runs in a child process */
};

struct program {
    const struct catalog *cat; /* borrowed */
    struct prog_func *funcs;   /* defined functions, unique by USR */
    size_t nfuncs;
    struct prog_root *roots;
    size_t nroots, roots_cap;
    struct strmap *by_usr;            /* USR -> function index */
    const struct fact_tu *const *tus; /* borrowed */
    size_t ntus;
    unsigned long long *table_users; /* scratch while building */
    size_t ncall_edges;              /* for statistics */
    size_t *edge_start;              /* per function + 1: row of edges */
    struct prog_edge *edges;         /* every call edge, by caller */
    size_t *caller_start;            /* per function + 1: row of callers */
    struct prog_edge *callers;       /* direct edges reversed (to: caller) */
    int *target_pool[2]; /* storage of the calls' targets: direct, indirect */
    struct conc_cache *conc_cache; /* trees for program_conc_path() */
    struct prof_cache *prof_cache; /* parts and results of program_profile() */
    struct prog_memo *memo;        /* models built on the program, shared */
};

/*
 * Models that several rules query, built once per program by their own
 * module (shared_get(), remote_get()) and freed with the program.
 */
enum prog_memo_kind { PROG_MEMO_SHARED, PROG_MEMO_REMOTE, PROG_MEMO_COUNT };
struct prog_memo {
    void *model[PROG_MEMO_COUNT];
    void (*release[PROG_MEMO_COUNT])(void *model);
};

/*
 * The model of that kind, made with build(p) on the first call and freed
 * with release(model) when p is.
 */
void *program_memo(const struct program *p, enum prog_memo_kind kind,
                   void *(*build)(const struct program *p),
                   void (*release)(void *model));

/* Links the TUs (borrowed; they must outlive the program). */
struct program *program_build(const struct catalog *cat,
                              const struct fact_tu *const *tus, size_t ntus);
void program_free(struct program *p);

/* The function index for a USR, or -1. */
int program_find(const struct program *p, const char *usr);

/* 1 when loop `inner` of f is `outer` or nested in it (-1: no loop). */
int program_loop_within(const struct fact_func *f, int inner, int outer);

/*
 * 1 when the call is the wait of an event loop: an event-wait API watching
 * more than one descriptor, or a function that reaches one within a couple
 * of calls (aeApiPoll, uv__io_poll).
 */
int program_call_polls(const struct program *p, int func, int call);

/*
 * 1 when the call is on a dying path: the callee never returns, or the call
 * is followed on the same line by one that does (panic(...), unreachable()).
 * Blocking on the way to a crash does not matter, so summaries skip these.
 */
int program_call_dies(const struct program *p, int func, int call);

/*
 * 1 when the call runs in a child process: inside "if (fork() == 0)" (or a
 * project function that calls fork), possibly nested.
 */
int program_call_in_child(const struct program *p, int func, int call);

/* One step of a path: func is called by from at call (from -1 at a root). */
struct prog_step {
    int func; /* function on the path */
    int from; /* its caller on the path, -1 at the root */
    int call; /* call index in from */
};

/*
 * A real path from a concurrent root to func, searched from one root at a
 * time (with that root's programs), so every step is valid for that root.
 * Fills at most max steps, func first; *root gets the root.  Returns the
 * number of steps, or 0 when no concurrent root reaches func.
 */
int program_conc_path(const struct program *p, int func,
                      struct prog_step *steps, int max, int *root);

/*
 * The concurrent roots from which a real path reaches func (at most max,
 * into roots).  Returns how many.
 */
int program_conc_roots(const struct program *p, int func, int *roots, int max);

/*
 * Concurrent root ri's search tree: func's caller on a real path from the
 * root (-1 at the root itself, -2 when ri does not reach func), with the
 * call index in *call.
 */
int program_conc_parent(const struct program *p, int ri, int func, int *call);

/*
 * The argument of a spawn root's site call that becomes the start
 * routine's context (catalogued spawns and the project's own wrappers),
 * or -1; *cat gets the spawn's catalog entry (NULL for a wrapper).
 */
int program_spawn_context_arg(const struct program *p, int ri,
                              const struct cat_spawn **cat);

/* Frees the search trees of program_conc_path() (program_free() does it). */
void program_conc_cache_free(struct program *p);

/* The catalogued API a call goes to (by name), or NULL for other calls. */
const char *program_api_name(const struct program *p, int func, int call);

/*
 * Blocking summaries.  accept() says whether a direct blocking call counts
 * (the catalog entry and the call's facts are given).  Returns an array of
 * nfuncs witnesses, caller frees: dist is the number of calls from the
 * function to an accepted blocking call (0: it makes one), -1 for none;
 * call is the call in the function on that shortest path.
 */
struct prog_witness {
    int dist; /* calls down to the blocking call, -1 for none */
    int call; /* index of the first call on the path */
};
typedef int (*prog_block_filter)(const struct cat_blocking *b,
                                 const struct fact_call *call, void *data);
struct prog_witness *program_blocking(const struct program *p,
                                      prog_block_filter accept, void *data);

/*
 * The catalog entry when call is a blocking API call that really blocks
 * given its visible arguments (a non-blocking flag or a callback makes it
 * not block), else NULL.  A mode-fd call (connect, recv) on a descriptor
 * the function created in blocking mode gets the entry's on_blocking_fd
 * twin, which blocks whatever the descriptor.
 */
const struct cat_blocking *program_blocking_api(const struct program *p,
                                                int func, int call);

/*
 * Where a connection goes, judged from the literal arguments of a
 * catalogued connection set-up call (catalog endpoints): 1 this machine
 * (localhost, 127.x, ::1, a unix socket, sqlite), 0 another one, -1 cannot
 * tell, -2 when the call is not a set-up call.  The family form judges
 * every connection of that family (name prefix) the program opens.
 */
int program_endpoint_call(const struct program *p, int func, int call);
/*
 * The set-up call's argument that names the host (-1: none, or always
 * local), and the judgement with another argument in its place (the
 * caller's, for a host passed in as a parameter; NULL: the call's own).
 */
int program_endpoint_host_arg(const struct program *p, int func, int call);
int program_endpoint_call_with(const struct program *p, int func, int call,
                               const struct fact_arg *host);
/* 1 when a literal host names this machine, 0 another one, -1 unknown. */
int program_host_is_local(const char *host);
int program_endpoint_family_judge(const struct program *p, const char *prefix);

/* ---- async-overhead summaries (SW101-SW104 and syncwise advise) -------- */

/*
 * What a wait is for, as the advice report counts it: a network round
 * trip (DNS, sockets, a database server that is not judged local), a wait
 * on this machine (files, sqlite, a database on localhost or a unix
 * socket, a child process, the console), a sleep, or a wait for another
 * thread or for events (joins, condition variables, uv_run, epoll_wait).
 */
#define PROG_WAIT_CLASSES(X)                                                   \
    X(REMOTE, "remote")                                                        \
    X(LOCAL, "local")                                                          \
    X(SLEEP, "sleep")                                                          \
    X(SYNC, "sync")

enum prog_wait_class {
#define X(id, str) PROG_WAIT_##id,
    PROG_WAIT_CLASSES(X)
#undef X
        PROG_WAIT_COUNT
};
const char *prog_wait_class_name(enum prog_wait_class c);

struct prog_wait_site {
    int func, call;           /* where the waiting call is */
    enum prog_wait_class cls; /* what it waits for */
    int judged;      /* 1: locality from the catalog or a literal argument */
    const char *api; /* the API called */
};

/*
 * The work a function does, itself and through everything it calls
 * (direct calls and pointer calls with visible targets; not crash paths,
 * not child processes).  Filled by program_profile(); release with
 * prog_profile_release().
 */
struct prog_profile {
    struct prog_wait_site *sites; /* every waiting call, in walk order */
    size_t nsites, sites_cap;
    int nwaits[PROG_WAIT_COUNT]; /* sites per class */
    int loops;                   /* loops in the reachable code */
    int cpu_loops;               /* of which wait for nothing */
    int nested_cpu_loops;        /* of which are nested in another loop, in the
                                    function or a function it calls directly */
    int unresolved; /* pointer calls with no visible target (or a table) */
    int external;   /* calls to undefined, uncatalogued, non-cheap functions */
    int ncalls;     /* calls made in the reachable code */
    int nfuncs;     /* functions reached, the root included */
    /* Only for trivial work (prog_profile_trivial), else empty: */
    const char *callees[4];    /* the first distinct names called */
    int ncallees;              /* how many distinct names (may exceed 4) */
    const char *first_unknown; /* name of the first unknown call, or NULL */
};

/*
 * Fills pr (zeroed by the caller) with the profile of func.  w is
 * program_blocking(p, NULL, NULL), used to tell loops that wait from loops
 * that compute.  Each function's own part of a profile is computed once
 * per program (with the first w given) and a function's profile is kept
 * once computed, so a profile costs one walk over the functions it
 * reaches, and asking again costs a copy.
 */
void program_profile(const struct program *p, const struct prog_witness *w,
                     int func, struct prog_profile *pr);
void prog_profile_release(struct prog_profile *pr);

/* 1 when the work neither waits, nor loops, nor calls anything unknown. */
int prog_profile_trivial(const struct prog_profile *pr);

/* 1 when the work waits, and only on local resources judged so. */
int prog_profile_local_only(const struct prog_profile *pr);

/*
 * SW101: 1 when call `call` of func starts concurrent work (a catalogued
 * spawn or a pool submit) and the next call at its level, in the same loop
 * iteration, is the matching wait (same handle; for a wait that drains
 * the whole loop or pool, nothing else is pending).  *wait gets the wait's
 * call index.
 */
/*
 * 1 when spawn root ri, even if waited for at once, runs beside a thread
 * its spawner started earlier and did not wait for at once (two threads
 * started, the second joined first).
 */
int program_spawn_beside(const struct program *p, int ri);

int program_spawn_waited(const struct program *p, int func, int call,
                         int *wait);

/*
 * SW104: 1 when call `call` of func is the only task given to a pool or
 * loop that func creates and tears down itself.  *create and *destroy get
 * those calls' indexes; *pool the catalog entry.
 */
int program_single_use_pool(const struct program *p, int func, int call,
                            int *create, int *destroy,
                            const struct cat_pool **pool);

/*
 * SW303's idea of a call that blocks an event loop: any blocking call but
 * those whose blocking depends on the descriptor's mode (the loop runs
 * non-blocking descriptors) and, unless include_local_io, local file I/O.
 */
int program_blocks_loop(const struct cat_blocking *b, int include_local_io);

/*
 * SW103 on event loops: a run of a catalogued loop (uv_run,
 * event_base_dispatch, g_main_loop_run, ...) whose whole callback chain
 * only waits on local resources.  In the code that can run with the run
 * call (functions of the same executables), every registration with that
 * loop hands it a local operation (uv_fs_read with a callback,
 * g_file_load_contents_async; with a NULL callback the call is synchronous
 * and does not count) or waits for nothing outside the loop (uv_close,
 * g_idle_add), at least one is local, no callback is stored in a field,
 * and every callback registered there (with everything it calls) only
 * waits on local resources that do not block the loop (program_blocks_loop)
 * and calls no pointer without a visible target; and no hand-written
 * event loop (a POLL root) runs there.  Nothing else waits on the loop:
 * little to overlap, plain calls would do.  One run call per
 * loop and set of executables is reported: the first one in a function
 * that also registers a local operation, else the first one.
 */
struct prog_loop_reg {
    int func, call; /* the registration call */
    int root;       /* the callback root it registers, or -1 */
};

struct prog_local_loop {
    int func, call;            /* the run call */
    const char *loop;          /* "libuv", "GLib", ... */
    struct prog_loop_reg *reg; /* registrations of local operations */
    size_t nreg;
    int *roots; /* its callback roots (program root indexes) */
    size_t nroots;
};

/*
 * Fills *out with the loops judged local-only (caller frees with
 * program_local_loops_free); w is program_blocking(p, NULL, NULL).
 * Returns how many.
 */
size_t program_local_loops(const struct program *p,
                           const struct prog_witness *w, int include_local_io,
                           struct prog_local_loop **out);
void program_local_loops_free(struct prog_local_loop *l, size_t n);

/*
 * 1 when a spawn root's work is handed off from code that runs an event
 * loop (a loop callback or the body of a poll loop): doing it inline would
 * block the loop, so offloading is right whatever the work waits on.
 */
int program_root_offloaded_from_loop(const struct program *p, int root);

#endif
