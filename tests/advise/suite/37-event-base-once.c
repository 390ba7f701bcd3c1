/* A libevent base made for one timer callback, then freed. */
#include <event2/event.h>
#include <stdio.h>

static void say(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    puts(arg);
}

int greet_later(void)
{
    struct event_base *base = event_base_new();
    struct timeval tv = {1, 0};
    event_base_once(base, -1, EV_TIMEOUT, say, "hello", &tv); // label: SW104
    event_base_dispatch(base);
    event_base_free(base);
    return 0;
}
