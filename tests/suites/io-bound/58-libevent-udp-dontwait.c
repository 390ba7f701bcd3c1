/* Truth: clean.  The libevent syslog relay drains its non-blocking UDP
 * socket with recvfrom(..., MSG_DONTWAIT) and forwards with
 * sendto(..., MSG_DONTWAIT): no call in the callback waits. */
#include <arpa/inet.h>
#include <event2/event.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

struct relay {
    int in_fd;
    int out_fd;
    struct sockaddr_in upstream;
    unsigned long forwarded;
};

static void on_datagram(evutil_socket_t fd, short what, void *arg)
{
    struct relay *r = arg;
    char msg[2048];
    ssize_t n;
    (void)what;
    while ((n = recvfrom(fd, msg, sizeof msg, MSG_DONTWAIT, NULL, NULL)) > 0) {
        if (sendto(r->out_fd, msg, (size_t)n, MSG_DONTWAIT,
                   (struct sockaddr *)&r->upstream, sizeof r->upstream) == n)
            r->forwarded++;
    }
}

int main(void)
{
    struct relay r;
    struct sockaddr_in local;
    struct event_base *base = event_base_new();
    struct event *ev;

    memset(&r, 0, sizeof r);
    memset(&local, 0, sizeof local);
    local.sin_family = AF_INET;
    local.sin_port = htons(514);
    r.in_fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    r.out_fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    if (bind(r.in_fd, (struct sockaddr *)&local, sizeof local) != 0)
        return 1;
    r.upstream.sin_family = AF_INET;
    r.upstream.sin_port = htons(514);
    inet_pton(AF_INET, "10.9.0.2", &r.upstream.sin_addr);
    ev = event_new(base, r.in_fd, EV_READ | EV_PERSIST, on_datagram, &r);
    event_add(ev, NULL);
    event_base_dispatch(base);
    return 0;
}
