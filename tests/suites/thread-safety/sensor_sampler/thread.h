#ifndef SAMPLER_THREAD_H
#define SAMPLER_THREAD_H

#include <pthread.h>

typedef void *(*sw_thread_fn)(void *);

int sw_thread_start(pthread_t *t, const char *name, sw_thread_fn fn, void *arg);
void sw_thread_join(pthread_t t);

#endif
