/* Truth: consumers pop jobs under the queue lock but count finished jobs in
 * q->processed after unlocking; several consumers write it at once. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define NCONSUMERS 4

struct job {
    struct job *next;
    int size;
};

struct work_queue {
    pthread_mutex_t mu;
    struct job *head;
    unsigned processed;
};

static int process_job(const struct job *j)
{
    int h = 0;
    for (int i = 0; i < j->size; i++)
        h = h * 31 + i;
    return h;
}

static void *consumer(void *arg)
{
    struct work_queue *q = arg;
    for (;;) {
        pthread_mutex_lock(&q->mu);
        struct job *j = q->head;
        if (j)
            q->head = j->next;
        pthread_mutex_unlock(&q->mu);
        if (!j)
            break;
        process_job(j);
        free(j);
        q->processed++; // label: SW201
    }
    return NULL;
}

int main(void)
{
    struct work_queue *q = calloc(1, sizeof(*q));
    pthread_mutex_init(&q->mu, NULL);
    for (int i = 0; i < 200; i++) {
        struct job *j = malloc(sizeof(*j));
        j->size = 100 + i;
        j->next = q->head;
        q->head = j;
    }
    pthread_t t[NCONSUMERS];
    for (int i = 0; i < NCONSUMERS; i++)
        pthread_create(&t[i], NULL, consumer, q);
    for (int i = 0; i < NCONSUMERS; i++)
        pthread_join(t[i], NULL);
    printf("processed %u jobs\n", q->processed);
    pthread_mutex_destroy(&q->mu);
    free(q);
    return 0;
}
