#include "dash.h"

#include <netdb.h>
#include <unistd.h>

/* Shades a tile: pure computation over its pixels. */
void *render_tile(void *arg)
{
    struct tile *t = arg;
    for (int y = 0; y < 64; y++)
        for (int x = 0; x < 64; x++)
            t->px[y * 64 + x] = (unsigned char)((x * y + t->shade) & 0xff);
    return NULL;
}

/* Checks that the feed host still resolves, once a minute. */
void *watch_feed(void *arg)
{
    for (;;) {
        struct addrinfo *res;
        if (getaddrinfo(arg, "443", NULL, &res) == 0)
            freeaddrinfo(res);
        sleep(60);
    }
    return NULL;
}
