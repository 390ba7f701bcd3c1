/* Truth: the agent's libevent timer callback sleeps for a second before
 * retrying its upstream connection: a sleep on the loop, SW303 at the
 * sleep call.  The connection attempt itself goes through a non-blocking
 * bufferevent (clean). */
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct agent {
    struct event_base *base;
    struct bufferevent *up;
    struct sockaddr_in upstream;
    int failures;
};

static void on_up_event(struct bufferevent *bev, short what, void *arg)
{
    struct agent *a = arg;
    (void)bev;
    if (what & BEV_EVENT_CONNECTED)
        a->failures = 0;
    else if (what & (BEV_EVENT_ERROR | BEV_EVENT_EOF))
        a->failures++;
}

static void reconnect_cb(evutil_socket_t fd, short what, void *arg)
{
    struct agent *a = arg;
    (void)fd;
    (void)what;
    if (a->failures > 3)
        sleep(1); // label: SW303
    if (a->up)
        bufferevent_free(a->up);
    a->up = bufferevent_socket_new(a->base, -1, BEV_OPT_CLOSE_ON_FREE);
    bufferevent_setcb(a->up, NULL, NULL, on_up_event, a);
    bufferevent_socket_connect(a->up, (struct sockaddr *)&a->upstream,
                               sizeof a->upstream);
}

int main(void)
{
    struct agent a;
    struct timeval every = {5, 0};
    struct event *tick;

    memset(&a, 0, sizeof a);
    a.base = event_base_new();
    a.upstream.sin_family = AF_INET;
    a.upstream.sin_port = htons(5044);
    evutil_inet_pton(AF_INET, "10.20.0.15", &a.upstream.sin_addr);
    tick = event_new(a.base, -1, EV_PERSIST, reconnect_cb, &a);
    event_add(tick, &every);
    event_base_dispatch(a.base);
    event_free(tick);
    return 0;
}
