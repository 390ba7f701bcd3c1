#include "frontend/parse.h"

#include "cache/cache.h"
#include "common/xalloc.h"
#include "frontend/worker.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* libclang's parser recurses deeply on nested code; give it room. */
#define SW_WORKER_STACK (64u << 20)

struct shared {
    const struct compdb *db;       /* input */
    const struct parse_opts *opts; /* options */
    struct fact_tu **out;          /* results, by entry */
    struct cache *cache;           /* facts cache, or NULL */
    const size_t *pick;            /* the entries to parse, or NULL: all */
    size_t npick;                  /* entries in pick (or db) */
    int lookup_only;               /* 1: only take facts from the cache */
    atomic_size_t next;            /* next of pick to take */
    atomic_size_t parsed, cached, stored, skipped; /* statistics */
    pthread_mutex_t mu;         /* serialises progress and done */
    size_t done;                /* entries finished; guarded by mu */
    struct early_worker *early; /* takes the first miss, or NULL */
};

static void crash_handlers_on_altstack(void);
static pthread_once_t crash_once = PTHREAD_ONCE_INIT;

void *parse_index_new(void)
{
    pthread_once(&crash_once, crash_handlers_on_altstack);
    return extract_index_new();
}

/* The files a parse read: for the cache, or when the caller wants them. */
static unsigned extract_flags(const struct shared *s)
{
    return s->cache || !s->opts->skip_inputs ? EXTRACT_INPUTS : 0;
}

/*
 * Stores the facts of a fresh parse of e in the cache, when it has one;
 * bin is tu as facts_to_bin() writes it (len bytes), or NULL.
 */
static void store(struct shared *s, const struct compdb_entry *e,
                  const struct fact_tu *tu, const void *bin, size_t len)
{
    if (s->cache && !tu->parse_failed &&
        cache_put_bin(s->cache, e->file, e->directory,
                      (const char *const *)e->args, e->nargs, tu, bin,
                      len) == 0)
        atomic_fetch_add(&s->stored, 1);
}

/*
 * The facts of e, from the cache or parsed (creating *idx on first use);
 * NULL when s->lookup_only and the cache has none.
 */
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
    if (s->lookup_only) {
        /*
         * A file to parse.  The first goes to the early worker, which
         * parses it while the lookups go on.  For more, load libclang now,
         * beside the other lookups, so that the workers forked next
         * inherit it loaded.
         */
        if (!s->early ||
            !worker_early_take(s->early, (size_t)(e - s->db->items), e,
                               s->opts->limits.memory_mib))
            extract_preload();
        return NULL;
    }
    /* A warm run never loads an index. */
    if (!*idx)
        *idx = parse_index_new();
    tu =
        extract_tu_flags(*idx, e->file, e->directory, args, e->nargs,
                         s->opts->unsaved, s->opts->nunsaved, extract_flags(s));
    atomic_fetch_add(&s->parsed, 1);
    store(s, e, tu, NULL, 0);
    return tu;
}

/* Records that entry i is done (serialised: progress is not thread-safe). */
static void finished(struct shared *s, size_t i)
{
    pthread_mutex_lock(&s->mu);
    s->done++;
    if (s->opts->progress)
        s->opts->progress(s->opts->progress_data, s->done, s->db->n,
                          s->db->items[i].file);
    pthread_mutex_unlock(&s->mu);
}

static void *worker(void *arg)
{
    struct shared *s = arg;
    void *idx = NULL;
    for (;;) {
        size_t k = atomic_fetch_add(&s->next, 1), i;
        if (k >= s->npick)
            break;
        i = s->pick ? s->pick[k] : k;
        s->out[i] = parse_one(s, &idx, &s->db->items[i]);
        if (s->out[i])
            finished(s, i);
    }
    extract_index_free(idx);
    return NULL;
}

/*
 * Deeply nested input can overflow the stack inside clang itself.  The
 * overflow raises SIGSEGV on a stack that has no room left for a handler,
 * so each parse thread gets an alternate signal stack: libclang's crash
 * recovery then catches it, and the file is reported as SW900 instead of
 * the whole run dying.
 */
#define SW_ALT_STACK (256u << 10)

struct thread_call {
    void *(*fn)(void *); /* what the thread runs */
    void *arg;
};

static void *parse_thread(void *arg)
{
    const struct thread_call *call = arg;
    stack_t alt, old;
    alt.ss_sp = xmalloc(SW_ALT_STACK);
    alt.ss_size = SW_ALT_STACK;
    alt.ss_flags = 0;
    if (sigaltstack(&alt, &old) != 0) {
        free(alt.ss_sp);
        alt.ss_sp = NULL;
    }
    call->fn(call->arg);
    if (alt.ss_sp) {
        alt.ss_flags = SS_DISABLE;
        sigaltstack(&alt, NULL);
        free(alt.ss_sp);
    }
    return NULL;
}

void parse_run_threads(int n, void *(*fn)(void *), void *arg)
{
    struct thread_call call = {fn, arg};
    pthread_t *threads = xcalloc(n > 0 ? (size_t)n : 1, sizeof(*threads));
    pthread_attr_t attr;
    int started = 0;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, SW_WORKER_STACK);
    for (int i = 0; i < n; i++)
        if (pthread_create(&threads[i], &attr, parse_thread, &call) == 0)
            started++;
        else
            break;
    pthread_attr_destroy(&attr);
    if (!started) /* no threads available: do the work here */
        parse_thread(&call);
    for (int i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    free(threads);
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

unsigned parse_default_memory(int jobs)
{
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    unsigned long long mib;
    if (pages <= 0 || size <= 0)
        return 0;
    mib = (unsigned long long)pages * (unsigned long long)size >> 20;
    mib /= (unsigned long long)(jobs > 0 ? jobs : 1) + 1;
    return mib ? (mib > 0xffffffffu ? 0xffffffffu : (unsigned)mib) : 1;
}

/* A worker process returned the facts of entry i (worker_done_fn). */
static void worker_done(void *data, size_t i, struct fact_tu *tu,
                        const void *bin, size_t len, int skipped)
{
    struct shared *s = data;
    s->out[i] = tu;
    if (skipped) {
        atomic_fetch_add(&s->skipped, 1);
    } else {
        atomic_fetch_add(&s->parsed, 1);
        store(s, &s->db->items[i], tu, bin, len);
    }
    finished(s, i);
}

/*
 * Parses the entries the cache did not have in worker processes, each
 * with its limits; whatever no worker process could take is parsed in
 * this one.
 */
static void parse_isolated(struct shared *s, int jobs)
{
    const struct parse_opts *o = s->opts;
    struct worker_job *wj = xcalloc(s->db->n ? s->db->n : 1, sizeof(*wj));
    size_t *left = xcalloc(s->db->n ? s->db->n : 1, sizeof(*left));
    size_t n = 0, nleft = 0, first = worker_early_index(s->early);
    for (size_t i = 0; i < s->db->n; i++) {
        if (s->out[i])
            continue;
        wj[n].index = i;
        wj[n].limits = o->limits;
        if (o->limits_for)
            o->limits_for(o->limits_data, &s->db->items[i], &wj[n].limits);
        if (i == first && n) { /* the early worker's job goes first */
            struct worker_job t = wj[0];
            wj[0] = wj[n];
            wj[n] = t;
        }
        n++;
    }
    /* Once here rather than in every worker; the early one has it. */
    if (n > (first != (size_t)-1 ? 1u : 0u))
        extract_preload();
    worker_parse(s->db, wj, n, jobs, o->unsaved, o->nunsaved, extract_flags(s),
                 worker_done, s, s->early);
    s->early = NULL;
    for (size_t k = 0; k < n; k++)
        if (!s->out[wj[k].index])
            left[nleft++] = wj[k].index;
    if (nleft) {
        s->pick = left;
        s->npick = nleft;
        s->lookup_only = 0;
        atomic_store(&s->next, 0);
        parse_run_threads(jobs, worker, s);
    }
    free(wj);
    free(left);
}

/*
 * cache_expect_parse() on the source files of s's database.  When it
 * expects a parse, order (db->n entries) gets the order of the lookups:
 * the files modified since the last run first, so that the early worker
 * gets its file soon.
 */
static int expect_parse(const struct shared *s, size_t *order)
{
    size_t n = s->db->n, k = 0;
    const char **files = xcalloc(n ? n : 1, sizeof(*files));
    unsigned char *newer = xcalloc(n ? n : 1, 1);
    int r;
    for (size_t i = 0; i < n; i++)
        files[i] = s->db->items[i].file;
    r = cache_expect_parse(s->cache, files, n, newer);
    for (int pass = 1; pass >= 0; pass--)
        for (size_t i = 0; i < n; i++)
            if (newer[i] == pass)
                order[k++] = i;
    free(files);
    free(newer);
    return r;
}

void parse_all(const struct compdb *db, const struct parse_opts *opts,
               struct fact_tu **out)
{
    struct shared s;
    int jobs = opts->jobs > 0 ? opts->jobs : parse_default_jobs();
    struct timespec started;
    int expect = 0;
    struct early_worker *given = opts->early; /* taken over */

    if ((size_t)jobs > db->n)
        jobs = db->n ? (int)db->n : 1;
    memset(&s, 0, sizeof(s));
    s.db = db;
    s.opts = opts;
    s.out = out;
    s.npick = db->n;
    if (opts->cache_dir && !opts->nunsaved) {
        char *tool = extract_clang_identity();
        s.cache = cache_new(opts->cache_dir, tool);
        free(tool);
    }
    /* Kept only where the lookups below take it over. */
    if (given && !(opts->isolate && s.cache && jobs > 1)) {
        worker_early_end(given);
        given = NULL;
    }
    atomic_init(&s.next, 0);
    atomic_init(&s.parsed, 0);
    atomic_init(&s.cached, 0);
    atomic_init(&s.stored, 0);
    atomic_init(&s.skipped, 0);
    pthread_mutex_init(&s.mu, NULL);

    if (!opts->isolate) {
        parse_run_threads(jobs, worker, &s);
    } else {
        /*
         * Threads read the cache; then the workers are forked.  With a
         * core to spare, one worker is forked first, for the first miss.
         */
        if (s.cache) {
            size_t *order = xcalloc(db->n ? db->n : 1, sizeof(*order));
            clock_gettime(CLOCK_REALTIME, &started);
            expect = expect_parse(&s, order);
            /*
             * The caller's early worker is loading libclang: when no
             * parse is expected it is stopped, so that the lookups have
             * every core, until a miss lets it go on.
             */
            if (jobs > 1 && given) {
                if (!expect)
                    worker_early_pause(given);
                s.early = given;
                given = NULL;
            } else if (jobs > 1) {
                s.early = worker_early_start(extract_flags(&s), expect);
            }
            /*
             * An early worker loading libclang has a core to itself: the
             * lookups get the others.
             */
            s.lookup_only = 1;
            s.pick = order;
            parse_run_threads(s.early && expect ? jobs - 1 : jobs, worker, &s);
            s.pick = NULL;
            free(order);
        }
        parse_isolated(&s, jobs);
        if (expect)
            cache_note_run(s.cache, &started);
    }
    pthread_mutex_destroy(&s.mu);
    cache_free(s.cache);
    if (opts->stats) {
        opts->stats->parsed += atomic_load(&s.parsed);
        opts->stats->cached += atomic_load(&s.cached);
        opts->stats->stored += atomic_load(&s.stored);
        opts->stats->skipped += atomic_load(&s.skipped);
    }
}
