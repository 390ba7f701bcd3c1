/* Truth: the libevent front end answers "GEO <ip>" by calling an external
 * HTTP API with curl_easy_perform inside the read callback: a remote wait
 * on the loop, SW303 at the lookup_country call. */
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/listener.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "include/curl/curl.h"

struct answer {
    char text[256];
    size_t len;
};

static size_t keep(char *p, size_t sz, size_t n, void *ud)
{
    struct answer *a = ud;
    size_t room = sizeof a->text - 1 - a->len;
    size_t k = sz * n < room ? sz * n : room;
    memcpy(a->text + a->len, p, k);
    a->len += k;
    a->text[a->len] = '\0';
    return sz * n;
}

static int lookup_country(const char *ip, struct answer *out)
{
    char url[256];
    CURL *h = curl_easy_init();
    CURLcode rc;
    snprintf(url, sizeof url, "https://geo.example.net/v1/country/%s", ip);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, keep);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, out);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 2L);
    rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : -1;
}

static void on_read(struct bufferevent *bev, void *ctx)
{
    char *line;
    (void)ctx;
    line = evbuffer_readln(bufferevent_get_input(bev), NULL, EVBUFFER_EOL_LF);
    if (!line)
        return;
    if (strncmp(line, "GEO ", 4) == 0) {
        struct answer a = {.len = 0};
        if (lookup_country(line + 4, &a) == 0) // label: SW303
            evbuffer_add_printf(bufferevent_get_output(bev), "%s\n", a.text);
        else
            evbuffer_add_printf(bufferevent_get_output(bev), "ERR\n");
    }
    free(line);
}

static void on_accept(struct evconnlistener *l, evutil_socket_t fd,
                      struct sockaddr *sa, int len, void *base)
{
    struct bufferevent *bev =
        bufferevent_socket_new(base, fd, BEV_OPT_CLOSE_ON_FREE);
    (void)l;
    (void)sa;
    (void)len;
    bufferevent_setcb(bev, on_read, NULL, NULL, NULL);
    bufferevent_enable(bev, EV_READ | EV_WRITE);
}

int main(void)
{
    struct event_base *base = event_base_new();
    struct sockaddr_in sin;
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_port = htons(7400);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    if (!evconnlistener_new_bind(base, on_accept, base, LEV_OPT_REUSEABLE, -1,
                                 (struct sockaddr *)&sin, sizeof sin))
        return 1;
    event_base_dispatch(base);
    curl_global_cleanup();
    return 0;
}
