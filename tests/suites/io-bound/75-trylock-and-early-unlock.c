/* Truth: clean.  The health reporter skips the round when another thread
 * holds the lock (trylock), releases the lock on the error path before
 * returning, and makes the DNS lookup only after unlocking. */
#include <netdb.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static pthread_mutex_t health_mu = PTHREAD_MUTEX_INITIALIZER;
static char probe_host[128] = "status.example.com";
static int probe_enabled = 1;
static int last_ok;

void health_round(void)
{
    char host[128];
    struct addrinfo *res = NULL;
    int ok;

    if (pthread_mutex_trylock(&health_mu) != 0)
        return;
    if (!probe_enabled) {
        pthread_mutex_unlock(&health_mu);
        return;
    }
    memcpy(host, probe_host, sizeof host);
    pthread_mutex_unlock(&health_mu);

    ok = getaddrinfo(host, "443", NULL, &res) == 0;
    if (res)
        freeaddrinfo(res);

    pthread_mutex_lock(&health_mu);
    last_ok = ok;
    pthread_mutex_unlock(&health_mu);
}

static void *reporter(void *arg)
{
    (void)arg;
    health_round();
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, reporter, NULL);
    pthread_mutex_lock(&health_mu);
    probe_enabled = 1;
    pthread_mutex_unlock(&health_mu);
    pthread_join(t, NULL);
    printf("healthy: %d\n", last_ok);
    return 0;
}
