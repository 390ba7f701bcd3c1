#include "frontend/parse.h"

#include "cache/cache.h"
#include "common/xalloc.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

/* libclang's parser recurses deeply on nested code; give it room. */
#define SW_WORKER_STACK (64u << 20)

struct shared {
    const struct compdb *db;              /* input */
    const struct parse_opts *opts;        /* options */
    struct fact_tu **out;                 /* results, by entry */
    struct cache *cache;                  /* facts cache, or NULL */
    atomic_size_t next;                   /* next entry to take */
    atomic_size_t parsed, cached, stored; /* statistics */
    pthread_mutex_t mu;                   /* serialises progress and done */
    size_t done;                          /* entries finished; guarded by mu */
};

static void crash_handlers_on_altstack(void);
static pthread_once_t crash_once = PTHREAD_ONCE_INIT;

/* The facts of e, from the cache or parsed (creating *idx on first use). */
static struct fact_tu *parse_one(struct shared *s, void **idx,
                                 const struct compdb_entry *e)
{
    const char *const *args = (const char *const *)e->args;
    struct fact_tu *tu;
    if (s->cache) {
        tu = cache_get(s->cache, e->file, e->directory, args, e->nargs);
        if (tu) {
            atomic_fetch_add(&s->cached, 1);
            return tu;
        }
    }
    /* A warm run never loads an index. */
    if (!*idx) {
        pthread_once(&crash_once, crash_handlers_on_altstack);
        *idx = extract_index_new();
    }
    tu = extract_tu(*idx, e->file, e->directory, args, e->nargs,
                    s->opts->unsaved, s->opts->nunsaved);
    atomic_fetch_add(&s->parsed, 1);
    if (s->cache && !tu->parse_failed &&
        cache_put(s->cache, e->file, e->directory, args, e->nargs, tu) == 0)
        atomic_fetch_add(&s->stored, 1);
    return tu;
}

/*
 * Deeply nested input can overflow the stack inside clang itself.  The
 * overflow raises SIGSEGV on a stack that has no room left for a handler,
 * so each worker gets an alternate signal stack: libclang's crash recovery
 * then catches it, and the file is reported as SW900 instead of the whole
 * run dying.
 */
#define SW_ALT_STACK (256u << 10)

static void *worker(void *arg)
{
    struct shared *s = arg;
    void *idx = NULL;
    stack_t alt, old;
    alt.ss_sp = xmalloc(SW_ALT_STACK);
    alt.ss_size = SW_ALT_STACK;
    alt.ss_flags = 0;
    if (sigaltstack(&alt, &old) != 0) {
        free(alt.ss_sp);
        alt.ss_sp = NULL;
    }
    for (;;) {
        size_t i = atomic_fetch_add(&s->next, 1);
        const struct compdb_entry *e;
        if (i >= s->db->n)
            break;
        e = &s->db->items[i];
        s->out[i] = parse_one(s, &idx, e);
        pthread_mutex_lock(&s->mu);
        s->done++;
        if (s->opts->progress)
            s->opts->progress(s->opts->progress_data, s->done, s->db->n,
                              e->file);
        pthread_mutex_unlock(&s->mu);
    }
    extract_index_free(idx);
    if (alt.ss_sp) {
        alt.ss_flags = SS_DISABLE;
        sigaltstack(&alt, NULL);
        free(alt.ss_sp);
    }
    return NULL;
}

int parse_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

/*
 * libclang's crash recovery installs its SIGSEGV/SIGBUS handlers when the
 * first index is created, without SA_ONSTACK, so they cannot run when the
 * crash is a stack overflow.  Adding the flag lets them run on the
 * workers' alternate stacks.  Done once (pthread_once), before the first
 * parse; a warm run that parses nothing never does it.
 */
static void crash_handlers_on_altstack(void)
{
    static const int sigs[] = {SIGSEGV, SIGBUS};
    void *idx = extract_index_new(); /* libclang installs its handlers */
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        struct sigaction sa;
        if (sigaction(sigs[i], NULL, &sa) == 0 && sa.sa_handler != SIG_DFL &&
            sa.sa_handler != SIG_IGN) {
            sa.sa_flags |= SA_ONSTACK;
            sigaction(sigs[i], &sa, NULL);
        }
    }
    extract_index_free(idx);
}

void parse_all(const struct compdb *db, const struct parse_opts *opts,
               struct fact_tu **out)
{
    struct shared s;
    int jobs = opts->jobs > 0 ? opts->jobs : parse_default_jobs();
    pthread_t *threads;
    pthread_attr_t attr;
    int started = 0;

    if ((size_t)jobs > db->n)
        jobs = db->n ? (int)db->n : 1;
    s.db = db;
    s.opts = opts;
    s.out = out;
    s.cache = NULL;
    if (opts->cache_dir && !opts->nunsaved) {
        char *tool = extract_clang_version();
        s.cache = cache_new(opts->cache_dir, tool);
        free(tool);
    }
    atomic_init(&s.next, 0);
    atomic_init(&s.parsed, 0);
    atomic_init(&s.cached, 0);
    atomic_init(&s.stored, 0);
    pthread_mutex_init(&s.mu, NULL);
    s.done = 0;

    threads = xcalloc((size_t)jobs, sizeof(*threads));
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, SW_WORKER_STACK);
    for (int i = 0; i < jobs; i++)
        if (pthread_create(&threads[i], &attr, worker, &s) == 0)
            started++;
        else
            break;
    pthread_attr_destroy(&attr);
    if (!started) /* no threads available: do the work here */
        worker(&s);
    for (int i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    free(threads);
    pthread_mutex_destroy(&s.mu);
    cache_free(s.cache);
    if (opts->stats) {
        opts->stats->parsed += atomic_load(&s.parsed);
        opts->stats->cached += atomic_load(&s.cached);
        opts->stats->stored += atomic_load(&s.stored);
    }
}
