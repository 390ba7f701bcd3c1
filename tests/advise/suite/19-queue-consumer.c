/* A consumer thread that waits on a queue: waits, so not trivial. */
#include <pthread.h>

struct queue { pthread_mutex_t mu; pthread_cond_t cv; int items; int stop; };

static void *consume(void *arg)
{
    struct queue *q = arg;
    pthread_mutex_lock(&q->mu);
    while (!q->stop) {
        while (q->items == 0 && !q->stop)
            pthread_cond_wait(&q->cv, &q->mu);
        q->items--;
    }
    pthread_mutex_unlock(&q->mu);
    return NULL;
}

pthread_t start_consumer(struct queue *q)
{
    pthread_t t;
    pthread_create(&t, NULL, consume, q);
    return t;
}
