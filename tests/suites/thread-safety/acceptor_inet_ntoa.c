/* Truth: a thread per accepted connection (spawned in the accept loop, so
 * several run at once) formats the peer with inet_ntoa, whose result buffer
 * POSIX allows to be static (SW202). inet_ntop in the access log is clean. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct client {
    int fd;
    struct sockaddr_in peer;
};

static void access_log(const struct sockaddr_in *peer, int status)
{
    char ip[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &peer->sin_addr, ip, sizeof ip);
    fprintf(stderr, "%s %d\n", ip, status);
}

static void *client_thread(void *arg)
{
    struct client *c = arg;
    char greeting[64];
    const char *ip = inet_ntoa(c->peer.sin_addr); // label: SW202
    snprintf(greeting, sizeof greeting, "hello %s\r\n", ip);
    send(c->fd, greeting, strlen(greeting), 0);
    access_log(&c->peer, 200);
    close(c->fd);
    free(c);
    return NULL;
}

int main(void)
{
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(7070)};
    if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) != 0 ||
        listen(lfd, 16) != 0)
        return 1;
    for (;;) {
        struct client *c = malloc(sizeof(*c));
        socklen_t len = sizeof c->peer;
        c->fd = accept(lfd, (struct sockaddr *)&c->peer, &len);
        if (c->fd < 0) {
            free(c);
            continue;
        }
        pthread_t t;
        pthread_create(&t, NULL, client_thread, c);
        pthread_detach(t);
    }
}
