/* Truth: service_port loads the services file lazily into a function-static
 * pointer without any lock; the resolver threads (several instances) can run
 * the check-then-set at once (SW204, and the static is shared: SW201). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NRESOLVERS 4

struct service {
    char name[32];
    int port;
};

static struct service *load_services(const char *path)
{
    static const struct service builtin[] = {
        {"http", 80}, {"https", 443}, {"redis", 6379}, {"", 0}};
    struct service *s = malloc(sizeof builtin);
    memcpy(s, builtin, sizeof builtin);
    (void)path;
    return s;
}

static int service_port(const char *name)
{
    static struct service *table;
    if (!table)
        table = load_services("/etc/services"); // label: SW204
    for (const struct service *s = table; s->name[0]; s++)
        if (strcmp(s->name, name) == 0)
            return s->port;
    return -1;
}

static void *resolver(void *arg)
{
    const char *svc = arg;
    printf("%s -> %d\n", svc, service_port(svc));
    return NULL;
}

int main(void)
{
    static const char *wanted[NRESOLVERS] = {"http", "redis", "https", "smtp"};
    pthread_t t[NRESOLVERS];
    for (int i = 0; i < NRESOLVERS; i++)
        pthread_create(&t[i], NULL, resolver, (void *)wanted[i]);
    for (int i = 0; i < NRESOLVERS; i++)
        pthread_join(t[i], NULL);
    return 0;
}
