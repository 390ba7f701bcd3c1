/* Truth: the libevent timer callback opens a plain (blocking) TCP socket -
 * socket() without SOCK_NONBLOCK, no fcntl - and connects it to the stats
 * collector: connect waits for the TCP handshake on the loop, SW303 at the
 * connect call.  The send uses MSG_DONTWAIT (clean). */
#include <arpa/inet.h>
#include <event2/event.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static struct sockaddr_in collector;
static unsigned long hits;

static void report_cb(evutil_socket_t unused, short what, void *arg)
{
    struct sockaddr *to = (struct sockaddr *)&collector;
    char line[64];
    int fd;
    (void)unused;
    (void)what;
    (void)arg;
    fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return;
    if (connect(fd, to, sizeof collector) == 0) { // label: SW303
        int n = snprintf(line, sizeof line, "edge.hits:%lu|c\n", hits);
        send(fd, line, (size_t)n, MSG_DONTWAIT);
        hits = 0;
    }
    close(fd);
}

int main(void)
{
    struct event_base *base = event_base_new();
    struct timeval every = {10, 0};
    struct event *ev;

    memset(&collector, 0, sizeof collector);
    collector.sin_family = AF_INET;
    collector.sin_port = htons(8125);
    inet_pton(AF_INET, "10.1.2.3", &collector.sin_addr);
    ev = event_new(base, -1, EV_PERSIST, report_cb, NULL);
    event_add(ev, &every);
    event_base_dispatch(base);
    return 0;
}
