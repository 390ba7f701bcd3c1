/* Truth: clean. The id counter is a static _Atomic, the per-thread scratch
 * is _Thread_local, the method table is const, and the slow-path counter is
 * written under id_mu. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define NPROXIES 4

static pthread_mutex_t id_mu = PTHREAD_MUTEX_INITIALIZER;

static unsigned long next_request_id(void)
{
    static _Atomic unsigned long last_id;
    return atomic_fetch_add(&last_id, 1) + 1;
}

static const char *method_name(int m)
{
    static const char *const names[] = {"GET", "POST", "PUT", "DELETE"};
    return names[m & 3];
}

static const char *format_id(unsigned long id)
{
    static _Thread_local char buf[24];
    snprintf(buf, sizeof buf, "req-%08lx", id);
    return buf;
}

static void note_slow(unsigned long id)
{
    static unsigned slow_requests;
    pthread_mutex_lock(&id_mu);
    slow_requests++;
    if (slow_requests % 10 == 0)
        fprintf(stderr, "%u slow requests (last %lu)\n", slow_requests, id);
    pthread_mutex_unlock(&id_mu);
}

static void *proxy_worker(void *arg)
{
    int method = (int)(long)arg;
    for (int i = 0; i < 100; i++) {
        unsigned long id = next_request_id();
        printf("%s %s\n", method_name(method), format_id(id));
        if (id % 7 == 0)
            note_slow(id);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[NPROXIES];
    for (long i = 0; i < NPROXIES; i++)
        pthread_create(&t[i], NULL, proxy_worker, (void *)i);
    for (int i = 0; i < NPROXIES; i++)
        pthread_join(t[i], NULL);
    return 0;
}
