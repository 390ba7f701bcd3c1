/* Truth: the refresher re-resolves every peer of the cluster table while
 * holding the table lock, one lookup per peer: each lookup blocks every
 * reader of the table (SW304) and the lookups are independent round trips
 * in a loop (SW302), both at the getaddrinfo call. */
#include <netdb.h>
#include <pthread.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define NPEERS 16

struct peer {
    char name[128];
    struct sockaddr_storage addr;
    int up;
};

static pthread_mutex_t table_mu = PTHREAD_MUTEX_INITIALIZER;
static struct peer table[NPEERS];
static int npeers;

static void *refresher(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&table_mu);
    for (int i = 0; i < npeers; i++) {
        const char *name = table[i].name;
        struct addrinfo *res;
        int rc = getaddrinfo(name, "7946", NULL, &res); // label: SW302 SW304
        if (rc == 0) {
            memcpy(&table[i].addr, res->ai_addr, res->ai_addrlen);
            table[i].up = 1;
            freeaddrinfo(res);
        } else {
            table[i].up = 0;
        }
    }
    pthread_mutex_unlock(&table_mu);
    return NULL;
}

int peers_up(void)
{
    int n = 0;
    pthread_mutex_lock(&table_mu);
    for (int i = 0; i < npeers; i++)
        n += table[i].up;
    pthread_mutex_unlock(&table_mu);
    return n;
}

int main(void)
{
    pthread_t t;
    const char *names[] = {"node-a.cluster.example.com",
                           "node-b.cluster.example.com",
                           "node-c.cluster.example.com"};
    for (int i = 0; i < 3; i++)
        strcpy(table[npeers++].name, names[i]);
    pthread_create(&t, NULL, refresher, NULL);
    while (peers_up() < 3)
        usleep(1000); // label: SW305
    pthread_join(t, NULL);
    return 0;
}
