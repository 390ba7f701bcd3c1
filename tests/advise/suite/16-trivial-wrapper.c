/* A project spawn wrapper used for a tiny task. */
#include <pthread.h>
#include <stdlib.h>

typedef void *(*task_fn)(void *);

int spawn_detached(task_fn fn, void *arg)
{
    pthread_t t;
    int rc = pthread_create(&t, NULL, fn, arg);
    if (rc == 0)
        pthread_detach(t);
    return rc;
}

struct gauge { double last, max; };

static void *update_max(void *arg)
{
    struct gauge *g = arg;
    if (g->last > g->max)
        g->max = g->last;
    return NULL;
}

void gauge_set(struct gauge *g, double v)
{
    g->last = v;
    spawn_detached(update_max, g); // label: SW102
}
