#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "chat.h"

#define MAX_CLIENTS 256

static struct client *clients[MAX_CLIENTS];

int resolve_bridge(const char *host, struct sockaddr_storage *out)
{
    struct addrinfo hints, *res;
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, "6667", &hints, &res) != 0)
        return -1;
    memcpy(out, res->ai_addr, res->ai_addrlen);
    freeaddrinfo(res);
    return 0;
}

static void free_write(uv_write_t *req, int status)
{
    (void)status;
    free(req->data);
    free(req);
}

void broadcast(struct client *from, const char *text, size_t len)
{
    for (int i = 0; i < MAX_CLIENTS; i++) {
        uv_write_t *req;
        uv_buf_t buf;
        if (!clients[i] || clients[i] == from)
            continue;
        req = malloc(sizeof *req);
        buf = uv_buf_init(malloc(len), (unsigned)len);
        memcpy(buf.base, text, len);
        req->data = buf.base;
        uv_write(req, (uv_stream_t *)&clients[i]->tcp, &buf, 1, free_write);
    }
}

void client_add(struct client *c)
{
    for (int i = 0; i < MAX_CLIENTS; i++)
        if (!clients[i]) {
            clients[i] = c;
            return;
        }
}

void client_remove(struct client *c)
{
    for (int i = 0; i < MAX_CLIENTS; i++)
        if (clients[i] == c)
            clients[i] = NULL;
}
