/* Truth: pool_wait_idle polls the `pending` counter that the worker
 * threads decrement, sleeping 1 ms a round: SW305 at the usleep call.  The
 * workers themselves wait for tasks with pthread_cond_wait (clean). */
#include <pthread.h>
#include <unistd.h>

#include "pool.h"

#define QCAP 1024

struct task {
    void (*fn)(void *);
    void *arg;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t has_task = PTHREAD_COND_INITIALIZER;
static struct task tasks[QCAP];
static int head, len;
static int pending;

static void *worker(void *unused)
{
    (void)unused;
    for (;;) {
        struct task t;
        pthread_mutex_lock(&mu);
        while (len == 0)
            pthread_cond_wait(&has_task, &mu);
        t = tasks[head];
        head = (head + 1) % QCAP;
        len--;
        pthread_mutex_unlock(&mu);
        t.fn(t.arg);
        pthread_mutex_lock(&mu);
        pending--;
        pthread_mutex_unlock(&mu);
    }
    return NULL;
}

void pool_start(int nthreads)
{
    for (int i = 0; i < nthreads; i++) {
        pthread_t t;
        pthread_create(&t, NULL, worker, NULL);
        pthread_detach(t);
    }
}

void pool_submit(void (*fn)(void *), void *arg)
{
    pthread_mutex_lock(&mu);
    tasks[(head + len++) % QCAP] = (struct task){fn, arg};
    pending++;
    pthread_cond_signal(&has_task);
    pthread_mutex_unlock(&mu);
}

void pool_wait_idle(void)
{
    for (;;) {
        int left;
        pthread_mutex_lock(&mu);
        left = pending;
        pthread_mutex_unlock(&mu);
        if (left == 0)
            return;
        usleep(1000); // label: SW305
    }
}
