/* The project's own pool: nthreads workers started with pthread_create run
 * the tasks queued with workq_add. The queue is locked and clean. */
#include "workq.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

struct work_item {
    work_fn fn;
    void *arg;
    struct work_item *next;
};

struct workq {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct work_item *head;
    bool draining;
    int nthreads;
    pthread_t *threads;
};

static void *workq_thread(void *arg)
{
    struct workq *q = arg;
    for (;;) {
        pthread_mutex_lock(&q->mu);
        while (!q->head && !q->draining)
            pthread_cond_wait(&q->cv, &q->mu);
        struct work_item *it = q->head;
        if (it)
            q->head = it->next;
        pthread_mutex_unlock(&q->mu);
        if (!it)
            break;
        it->fn(it->arg);
        free(it);
    }
    return NULL;
}

struct workq *workq_start(int nthreads)
{
    struct workq *q = calloc(1, sizeof(*q));
    pthread_mutex_init(&q->mu, NULL);
    pthread_cond_init(&q->cv, NULL);
    q->nthreads = nthreads;
    q->threads = calloc((size_t)nthreads, sizeof(pthread_t));
    for (int i = 0; i < nthreads; i++)
        pthread_create(&q->threads[i], NULL, workq_thread, q);
    return q;
}

void workq_add(struct workq *q, work_fn fn, void *arg)
{
    struct work_item *it = malloc(sizeof(*it));
    it->fn = fn;
    it->arg = arg;
    pthread_mutex_lock(&q->mu);
    it->next = q->head;
    q->head = it;
    pthread_cond_signal(&q->cv);
    pthread_mutex_unlock(&q->mu);
}

void workq_finish(struct workq *q)
{
    pthread_mutex_lock(&q->mu);
    q->draining = true;
    pthread_cond_broadcast(&q->cv);
    pthread_mutex_unlock(&q->mu);
    for (int i = 0; i < q->nthreads; i++)
        pthread_join(q->threads[i], NULL);
    free(q->threads);
    free(q);
}
