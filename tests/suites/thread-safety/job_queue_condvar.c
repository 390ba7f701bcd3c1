/* Truth: clean. A bounded job queue: producer and consumers touch the ring
 * only under q->mu and wait on condition variables in loops that re-check the
 * predicate under the lock. */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

#define QCAP 32
#define NCONSUMERS 3

struct job {
    int id;
    int payload;
};

struct job_queue {
    pthread_mutex_t mu;
    pthread_cond_t not_empty;
    pthread_cond_t not_full;
    struct job ring[QCAP];
    int head, tail, count;
    bool closed;
};

static struct job_queue queue = {
    .mu = PTHREAD_MUTEX_INITIALIZER,
    .not_empty = PTHREAD_COND_INITIALIZER,
    .not_full = PTHREAD_COND_INITIALIZER,
};

static void queue_push(struct job_queue *q, struct job j)
{
    pthread_mutex_lock(&q->mu);
    while (q->count == QCAP)
        pthread_cond_wait(&q->not_full, &q->mu);
    q->ring[q->tail] = j;
    q->tail = (q->tail + 1) % QCAP;
    q->count++;
    pthread_cond_signal(&q->not_empty);
    pthread_mutex_unlock(&q->mu);
}

static bool queue_pop(struct job_queue *q, struct job *out)
{
    pthread_mutex_lock(&q->mu);
    while (q->count == 0 && !q->closed)
        pthread_cond_wait(&q->not_empty, &q->mu);
    if (q->count == 0) {
        pthread_mutex_unlock(&q->mu);
        return false;
    }
    *out = q->ring[q->head];
    q->head = (q->head + 1) % QCAP;
    q->count--;
    pthread_cond_signal(&q->not_full);
    pthread_mutex_unlock(&q->mu);
    return true;
}

static void queue_close(struct job_queue *q)
{
    pthread_mutex_lock(&q->mu);
    q->closed = true;
    pthread_cond_broadcast(&q->not_empty);
    pthread_mutex_unlock(&q->mu);
}

static void *consumer(void *arg)
{
    struct job_queue *q = arg;
    struct job j;
    long sum = 0;
    while (queue_pop(q, &j))
        sum += j.payload;
    return (void *)sum;
}

int main(void)
{
    pthread_t t[NCONSUMERS];
    for (int i = 0; i < NCONSUMERS; i++)
        pthread_create(&t[i], NULL, consumer, &queue);
    for (int i = 0; i < 1000; i++)
        queue_push(&queue, (struct job){i, i * 2});
    queue_close(&queue);
    long total = 0;
    for (int i = 0; i < NCONSUMERS; i++) {
        void *part;
        pthread_join(t[i], &part);
        total += (long)part;
    }
    printf("total %ld\n", total);
    return 0;
}
