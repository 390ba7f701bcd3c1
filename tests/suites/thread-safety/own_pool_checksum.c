/* Truth: the project's own thread pool (workers started with pthread_create
 * that run tasks taken from a locked queue) runs checksum_task in several
 * workers; the task bumps files_done without a lock. The pool's own queue is
 * locked and clean. */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#define NWORKERS 4

typedef void (*task_fn)(void *);

struct task {
    task_fn fn;
    void *arg;
    struct task *next;
};

struct tpool {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct task *head, *tail;
    bool stopping;
    pthread_t workers[NWORKERS];
};

static unsigned files_done;
static unsigned long checksum_total;
static pthread_mutex_t total_mu = PTHREAD_MUTEX_INITIALIZER;

static void *tpool_worker(void *arg)
{
    struct tpool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (!p->head && !p->stopping)
            pthread_cond_wait(&p->cv, &p->mu);
        struct task *t = p->head;
        if (t) {
            p->head = t->next;
            if (!p->head)
                p->tail = NULL;
        }
        pthread_mutex_unlock(&p->mu);
        if (!t)
            return NULL;
        t->fn(t->arg);
        free(t);
    }
}

static void tpool_start(struct tpool *p)
{
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv, NULL);
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&p->workers[i], NULL, tpool_worker, p);
}

static void tpool_submit(struct tpool *p, task_fn fn, void *arg)
{
    struct task *t = malloc(sizeof(*t));
    t->fn = fn;
    t->arg = arg;
    t->next = NULL;
    pthread_mutex_lock(&p->mu);
    if (p->tail)
        p->tail->next = t;
    else
        p->head = t;
    p->tail = t;
    pthread_cond_signal(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

static void tpool_stop(struct tpool *p)
{
    pthread_mutex_lock(&p->mu);
    p->stopping = true;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(p->workers[i], NULL);
}

static void checksum_task(void *arg)
{
    const char *path = arg;
    unsigned long sum = 0;
    for (const char *c = path; *c; c++)
        sum = sum * 131 + (unsigned char)*c;
    pthread_mutex_lock(&total_mu);
    checksum_total ^= sum;
    pthread_mutex_unlock(&total_mu);
    files_done++; // label: SW201
}

int main(int argc, char **argv)
{
    static struct tpool pool;
    tpool_start(&pool);
    for (int i = 1; i < argc; i++)
        tpool_submit(&pool, checksum_task, argv[i]);
    tpool_stop(&pool);
    printf("%u files, checksum %lx\n", files_done, checksum_total);
    return 0;
}
