/* An echo server on libevent that logs each client to a local file. */
// advise: on_accept sync-is-fine
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/listener.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

static FILE *access_log;

static void on_read(struct bufferevent *bev, void *ctx)
{
    struct evbuffer *in = bufferevent_get_input(bev);
    (void)ctx;
    bufferevent_write_buffer(bev, in);
}

static void on_event(struct bufferevent *bev, short events, void *ctx)
{
    (void)ctx;
    if (events & (BEV_EVENT_EOF | BEV_EVENT_ERROR))
        bufferevent_free(bev);
}

static void on_accept(struct evconnlistener *l, evutil_socket_t fd,
                      struct sockaddr *addr, int len, void *ctx)
{
    struct event_base *base = evconnlistener_get_base(l);
    struct bufferevent *bev =
        bufferevent_socket_new(base, fd, BEV_OPT_CLOSE_ON_FREE);
    (void)addr;
    (void)len;
    (void)ctx;
    fprintf(access_log, "client %d\n", (int)fd);
    fflush(access_log);
    bufferevent_setcb(bev, on_read, NULL, on_event, NULL);
    bufferevent_enable(bev, EV_READ | EV_WRITE);
}

int main(void)
{
    struct event_base *base = event_base_new();
    struct sockaddr_in sin;
    struct evconnlistener *listener;
    access_log = fopen("access.log", "a");
    if (!base || !access_log)
        return 1;
    memset(&sin, 0, sizeof(sin));
    sin.sin_family = AF_INET;
    sin.sin_port = htons(7000);
    listener = evconnlistener_new_bind(
        base, on_accept, NULL, LEV_OPT_CLOSE_ON_FREE | LEV_OPT_REUSEABLE, -1,
        (struct sockaddr *)&sin, sizeof(sin));
    if (!listener)
        return 1;
    event_base_dispatch(base);
    evconnlistener_free(listener);
    event_base_free(base);
    fclose(access_log);
    return 0;
}
