/* The project's own thread wrapper: names the thread and hands fn and arg on
 * to pthread_create. */
#define _GNU_SOURCE
#include "thread.h"

#include <stdio.h>

int sw_thread_start(pthread_t *t, const char *name, sw_thread_fn fn, void *arg)
{
    int rc = pthread_create(t, NULL, fn, arg);
    if (rc != 0) {
        fprintf(stderr, "%s: cannot start thread\n", name);
        return rc;
    }
    pthread_setname_np(*t, name);
    return 0;
}

void sw_thread_join(pthread_t t)
{
    pthread_join(t, NULL);
}
