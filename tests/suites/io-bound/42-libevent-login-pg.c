/* Truth: the libevent line server checks each LOGIN against a remote
 * PostgreSQL server with PQexecParams inside the bufferevent read
 * callback: SW303 at the check_password call.  Connecting in main before
 * the loop starts is not loop code (clean). */
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/listener.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "include/libpq-fe.h"

static PGconn *accounts;

static int check_password(const char *user, const char *password)
{
    const char *params[2] = {user, password};
    PGresult *r = PQexecParams(accounts,
                               "SELECT 1 FROM users WHERE name = $1 AND "
                               "pw_hash = crypt($2, pw_hash)",
                               2, NULL, params, NULL, NULL, 0);
    int ok = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
    PQclear(r);
    return ok;
}

static void on_line(struct bufferevent *bev, void *ctx)
{
    struct evbuffer *in = bufferevent_get_input(bev);
    char *line;
    (void)ctx;
    while ((line = evbuffer_readln(in, NULL, EVBUFFER_EOL_CRLF)) != NULL) {
        char user[64], password[128];
        if (sscanf(line, "LOGIN %63s %127s", user, password) == 2) {
            const char *reply = check_password(user, password) // label: SW303
                                    ? "OK\r\n"
                                    : "DENIED\r\n";
            bufferevent_write(bev, reply, strlen(reply));
        }
        free(line);
    }
}

static void on_event(struct bufferevent *bev, short what, void *ctx)
{
    (void)ctx;
    if (what & (BEV_EVENT_EOF | BEV_EVENT_ERROR))
        bufferevent_free(bev);
}

static void on_accept(struct evconnlistener *l, evutil_socket_t fd,
                      struct sockaddr *sa, int socklen, void *ctx)
{
    struct event_base *base = ctx;
    struct bufferevent *bev =
        bufferevent_socket_new(base, fd, BEV_OPT_CLOSE_ON_FREE);
    (void)l;
    (void)sa;
    (void)socklen;
    bufferevent_setcb(bev, on_line, NULL, on_event, NULL);
    bufferevent_enable(bev, EV_READ | EV_WRITE);
}

int main(void)
{
    struct event_base *base = event_base_new();
    struct sockaddr_in sin;
    struct evconnlistener *lst;

    accounts = PQconnectdb("host=accounts.db.example.com dbname=auth");
    if (PQstatus(accounts) != CONNECTION_OK)
        return 1;
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_port = htons(7100);
    lst = evconnlistener_new_bind(base, on_accept, base,
                                  LEV_OPT_REUSEABLE | LEV_OPT_CLOSE_ON_FREE, -1,
                                  (struct sockaddr *)&sin, sizeof sin);
    if (!lst)
        return 1;
    event_base_dispatch(base);
    evconnlistener_free(lst);
    PQfinish(accounts);
    return 0;
}
