/* Two downloads started, then both joined: they overlap. */
#include <pthread.h>
#include <netdb.h>

static void *lookup(void *arg)
{
    struct addrinfo *r;
    if (getaddrinfo(arg, "443", NULL, &r) == 0)
        freeaddrinfo(r);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, lookup, "api.example.com");
    pthread_create(&b, NULL, lookup, "cdn.example.com");
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
// advise: lookup sync-is-fine
