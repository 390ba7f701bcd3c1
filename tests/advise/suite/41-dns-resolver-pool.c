/* Resolves many hostnames on worker threads: remote waits that overlap. */
#include <netdb.h>
#include <pthread.h>
#include <stddef.h>

struct lookup { const char *host; int ok; };

static void *resolve(void *arg)
{
    struct lookup *l = arg;
    struct addrinfo *res;
    l->ok = getaddrinfo(l->host, "80", NULL, &res) == 0;
    if (l->ok)
        freeaddrinfo(res);
    return NULL;
}

void resolve_all(struct lookup *ls, int n)
{
    pthread_t t[64];
    for (int i = 0; i < n && i < 64; i++)
        pthread_create(&t[i], NULL, resolve, &ls[i]);
    for (int i = 0; i < n && i < 64; i++)
        pthread_join(t[i], NULL);
}
