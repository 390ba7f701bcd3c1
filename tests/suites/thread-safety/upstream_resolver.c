/* Truth: the health-check threads resolve upstreams with gethostbyname, which
 * returns shared static storage (SW202); the getaddrinfo path used by
 * connect_upstream is the reentrant replacement and clean. */
#include <netdb.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define NUPSTREAMS 3

static int connect_upstream(const char *host, const char *port)
{
    struct addrinfo hints, *res;
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, port, &hints, &res) != 0)
        return -1;
    int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    if (fd >= 0 && connect(fd, res->ai_addr, res->ai_addrlen) != 0) {
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    return fd;
}

static void *health_check(void *arg)
{
    const char *host = arg;
    struct hostent *he = gethostbyname(host); // label: SW202
    if (!he) {
        fprintf(stderr, "%s: unresolved\n", host);
        return NULL;
    }
    int fd = connect_upstream(host, "80");
    printf("%s (%s): %s\n", host, he->h_name, fd >= 0 ? "up" : "down");
    if (fd >= 0)
        close(fd);
    return NULL;
}

int main(void)
{
    static const char *upstreams[NUPSTREAMS] = {
        "app1.internal", "app2.internal", "app3.internal"};
    pthread_t t[NUPSTREAMS];
    for (int i = 0; i < NUPSTREAMS; i++)
        pthread_create(&t[i], NULL, health_check, (void *)upstreams[i]);
    for (int i = 0; i < NUPSTREAMS; i++)
        pthread_join(t[i], NULL);
    return 0;
}
