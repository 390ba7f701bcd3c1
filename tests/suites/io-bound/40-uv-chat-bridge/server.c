/* Truth: the libuv chat server handles "/bridge HOST" inside the read
 * callback by calling resolve_bridge, which does a blocking getaddrinfo
 * (peers.c): SW303 at that call.  Broadcasting with uv_write is
 * non-blocking (clean). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chat.h"

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
    (void)h;
    buf->base = malloc(suggested);
    buf->len = buf->base ? suggested : 0;
}

static void on_closed(uv_handle_t *h)
{
    free(h->data);
}

static void on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf)
{
    struct client *c = stream->data;
    if (nread < 0) {
        client_remove(c);
        uv_close((uv_handle_t *)stream, on_closed);
    } else if (nread > 8 && strncmp(buf->base, "/bridge ", 8) == 0) {
        buf->base[nread - 1] = '\0';
        if (resolve_bridge(buf->base + 8, &c->bridge) != 0) // label: SW303
            fprintf(stderr, "%s: cannot resolve bridge\n", c->nick);
    } else if (nread > 0) {
        broadcast(c, buf->base, (size_t)nread);
    }
    free(buf->base);
}

static void on_connection(uv_stream_t *server, int status)
{
    struct client *c;
    if (status < 0)
        return;
    c = calloc(1, sizeof *c);
    if (!c)
        return;
    uv_tcp_init(server->loop, &c->tcp);
    c->tcp.data = c;
    if (uv_accept(server, (uv_stream_t *)&c->tcp) != 0) {
        uv_close((uv_handle_t *)&c->tcp, on_closed);
        return;
    }
    snprintf(c->nick, sizeof c->nick, "guest%p", (void *)c);
    client_add(c);
    uv_read_start((uv_stream_t *)&c->tcp, on_alloc, on_read);
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_tcp_t server;
    struct sockaddr_in addr;
    uv_tcp_init(loop, &server);
    uv_ip4_addr("0.0.0.0", 6600, &addr);
    uv_tcp_bind(&server, (const struct sockaddr *)&addr, 0);
    if (uv_listen((uv_stream_t *)&server, 128, on_connection) != 0)
        return 1;
    return uv_run(loop, UV_RUN_DEFAULT);
}
