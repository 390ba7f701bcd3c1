/* Runs a plugin's hook on a thread: the hook is unknown. */
#include <pthread.h>

struct plugin { const char *name; void (*on_event)(void *); void *state; };

static void *run_plugin(void *arg)
{
    struct plugin *p = arg;
    p->on_event(p->state);
    return NULL;
}

void dispatch_event(struct plugin *p)
{
    pthread_t t;
    pthread_create(&t, NULL, run_plugin, p);
    pthread_detach(t);
}
