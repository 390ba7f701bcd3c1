#include "frontend/parse.h"

#include "common/xalloc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

/* libclang's parser recurses deeply on nested code; give it room. */
#define SW_WORKER_STACK (64u << 20)

struct shared {
    const struct compdb *db;       /* input */
    const struct parse_opts *opts; /* options */
    struct fact_tu **out;          /* results, by entry */
    atomic_size_t next;            /* next entry to take */
    pthread_mutex_t mu;            /* serialises progress and done */
    size_t done;                   /* entries finished; guarded by mu */
};

static void *worker(void *arg)
{
    struct shared *s = arg;
    void *idx = extract_index_new();
    for (;;) {
        size_t i = atomic_fetch_add(&s->next, 1);
        const struct compdb_entry *e;
        if (i >= s->db->n)
            break;
        e = &s->db->items[i];
        s->out[i] =
            extract_tu(idx, e->file, e->directory, (const char *const *)e->args,
                       e->nargs, s->opts->unsaved, s->opts->nunsaved);
        pthread_mutex_lock(&s->mu);
        s->done++;
        if (s->opts->progress)
            s->opts->progress(s->opts->progress_data, s->done, s->db->n,
                              e->file);
        pthread_mutex_unlock(&s->mu);
    }
    extract_index_free(idx);
    return NULL;
}

int parse_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
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
    atomic_init(&s.next, 0);
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
}
