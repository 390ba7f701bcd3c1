/* Truth: the resolver cache of a multi-threaded libuv program holds its
 * uv_mutex while it calls getaddrinfo on a miss, so concurrent lookups of
 * cached names wait for the DNS round trip: SW304 at getaddrinfo.  The
 * hit path copies under the lock and returns (clean). */
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>
#include <uv.h>

#define SLOTS 64

struct entry {
    char name[128];
    struct sockaddr_storage addr;
    int valid;
};

static uv_mutex_t cache_mu;
static struct entry cache[SLOTS];

static unsigned slot_of(const char *name)
{
    unsigned h = 5381;
    while (*name)
        h = h * 33 + (unsigned char)*name++;
    return h % SLOTS;
}

int cached_resolve(const char *name, struct sockaddr_storage *out)
{
    struct entry *e = &cache[slot_of(name)];
    struct addrinfo *res;
    int rc = 0;

    uv_mutex_lock(&cache_mu);
    if (e->valid && strcmp(e->name, name) == 0) {
        *out = e->addr;
        uv_mutex_unlock(&cache_mu);
        return 0;
    }
    if (getaddrinfo(name, NULL, NULL, &res) == 0) { // label: SW304
        memcpy(&e->addr, res->ai_addr, res->ai_addrlen);
        strncpy(e->name, name, sizeof e->name - 1);
        e->valid = 1;
        *out = e->addr;
        freeaddrinfo(res);
    } else {
        rc = -1;
    }
    uv_mutex_unlock(&cache_mu);
    return rc;
}

static void lookup_thread(void *arg)
{
    struct sockaddr_storage ss;
    cached_resolve((const char *)arg, &ss);
}

int main(void)
{
    uv_thread_t a, b;
    uv_mutex_init(&cache_mu);
    uv_thread_create(&a, lookup_thread, "api.example.com");
    uv_thread_create(&b, lookup_thread, "cdn.example.com");
    uv_thread_join(&a);
    uv_thread_join(&b);
    uv_mutex_destroy(&cache_mu);
    return 0;
}
