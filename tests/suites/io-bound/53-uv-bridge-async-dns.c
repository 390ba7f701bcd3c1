/* Truth: clean.  Same chat command as 40-uv-chat-bridge, but the bridge
 * host is resolved with uv_getaddrinfo and a callback: the lookup runs on
 * the thread pool and the read callback returns at once. */
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

struct lookup {
    uv_getaddrinfo_t req;
    struct sockaddr_storage addr;
    int ready;
};

static struct lookup bridge;

static void on_resolved(uv_getaddrinfo_t *req, int status, struct addrinfo *res)
{
    struct lookup *l = req->data;
    if (status == 0) {
        memcpy(&l->addr, res->ai_addr, res->ai_addrlen);
        l->ready = 1;
    } else {
        fprintf(stderr, "bridge: %s\n", uv_strerror(status));
    }
    uv_freeaddrinfo(res);
}

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
    (void)h;
    buf->base = malloc(suggested);
    buf->len = buf->base ? suggested : 0;
}

static void on_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf)
{
    if (nread > 8 && strncmp(buf->base, "/bridge ", 8) == 0) {
        struct addrinfo hints;
        buf->base[nread - 1] = '\0';
        memset(&hints, 0, sizeof hints);
        hints.ai_socktype = SOCK_STREAM;
        bridge.req.data = &bridge;
        bridge.ready = 0;
        uv_getaddrinfo(s->loop, &bridge.req, on_resolved, buf->base + 8, "6667",
                       &hints);
    } else if (nread < 0) {
        uv_close((uv_handle_t *)s, NULL);
    }
    free(buf->base);
}

static void on_connection(uv_stream_t *server, int status)
{
    uv_tcp_t *c = malloc(sizeof *c);
    if (status < 0 || !c)
        return;
    uv_tcp_init(server->loop, c);
    if (uv_accept(server, (uv_stream_t *)c) == 0)
        uv_read_start((uv_stream_t *)c, on_alloc, on_read);
}

int main(void)
{
    uv_tcp_t server;
    struct sockaddr_in addr;
    uv_tcp_init(uv_default_loop(), &server);
    uv_ip4_addr("0.0.0.0", 6602, &addr);
    uv_tcp_bind(&server, (const struct sockaddr *)&addr, 0);
    uv_listen((uv_stream_t *)&server, 128, on_connection);
    return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
