/* Truth: clean. Request routers in several threads only read the const route
 * table and a configuration struct that main finished writing before the
 * first pthread_create; each router returns its count through the join. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define NROUTERS 4

struct route {
    const char *prefix;
    int backend;
};

static const struct route routes[] = {
    {"/api/", 1},
    {"/static/", 2},
    {"/admin/", 3},
    {"/", 0},
};

struct router_config {
    int default_backend;
    int strict;
};

static struct router_config config;

static int route_request(const char *path)
{
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++)
        if (strncmp(path, routes[i].prefix, strlen(routes[i].prefix)) == 0)
            return routes[i].backend;
    return config.default_backend;
}

static void *router(void *arg)
{
    const char *path = arg;
    uintptr_t hits = 0;
    for (int i = 0; i < 1000; i++)
        if (route_request(path) != 0 || !config.strict)
            hits++;
    return (void *)hits;
}

int main(void)
{
    static const char *paths[NROUTERS] = {"/api/v1/users", "/static/app.js",
                                          "/admin/", "/healthz"};
    pthread_t t[NROUTERS];
    config.default_backend = 0;
    config.strict = 1;
    for (int i = 0; i < NROUTERS; i++)
        pthread_create(&t[i], NULL, router, (void *)paths[i]);
    for (int i = 0; i < NROUTERS; i++) {
        void *hits;
        pthread_join(t[i], &hits);
        printf("%s: %lu\n", paths[i], (unsigned long)(uintptr_t)hits);
    }
    return 0;
}
