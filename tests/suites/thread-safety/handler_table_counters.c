/* Truth: request workers (several instances) dispatch through a const
 * handler table; handle_get keeps a function-static served counter that it
 * bumps without a lock (SW204; the static is shared: SW201), while
 * handle_put counts under put_mu and is clean. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define NWORKERS 4

typedef int (*handler_fn)(const char *path);

struct route_handler {
    const char *method;
    handler_fn fn;
};

static pthread_mutex_t put_mu = PTHREAD_MUTEX_INITIALIZER;

static int handle_get(const char *path)
{
    static unsigned long served;
    served++; // label: SW204
    return path[0] == '/' ? 200 : 400;
}

static int handle_put(const char *path)
{
    static unsigned long stored;
    pthread_mutex_lock(&put_mu);
    stored++;
    pthread_mutex_unlock(&put_mu);
    return strlen(path) < 256 ? 201 : 414;
}

static const struct route_handler handlers[] = {
    {"GET", handle_get},
    {"PUT", handle_put},
};

static int dispatch(const char *method, const char *path)
{
    for (size_t i = 0; i < sizeof handlers / sizeof handlers[0]; i++)
        if (strcmp(handlers[i].method, method) == 0)
            return handlers[i].fn(path);
    return 405;
}

static void *request_worker(void *arg)
{
    const char *method = arg;
    int errors = 0;
    for (int i = 0; i < 1000; i++)
        if (dispatch(method, "/items/42") >= 400)
            errors++;
    return (void *)(long)errors;
}

int main(void)
{
    pthread_t t[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&t[i], NULL, request_worker, i % 2 ? "GET" : "PUT");
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(t[i], NULL);
    return 0;
}
