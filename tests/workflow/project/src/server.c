#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <uv.h>

static uv_loop_t *loop;

/* Local file I/O: reported on the loop only with include-local-io. */
static void log_line(const char *name)
{
    FILE *f = fopen("/tmp/chat.log", "a");
    if (f) {
        fprintf(f, "%s\n", name);
        fclose(f);
    }
}

static void alloc_buffer(uv_handle_t *h, size_t size, uv_buf_t *buf)
{
    (void)h;
    buf->base = malloc(size);
    buf->len = size;
}

static void on_read(uv_stream_t *client, ssize_t nread, const uv_buf_t *buf)
{
    (void)client;
    if (nread > 0) {
        char name[64];
        snprintf(name, sizeof(name), "%.*s", (int)nread, buf->base);
        users_lookup(name);
        rpc_call("audit");
        log_line(name);
    }
    free(buf->base);
}

static void on_connection(uv_stream_t *server, int status)
{
    uv_tcp_t *client;
    if (status < 0)
        return;
    client = malloc(sizeof(*client));
    uv_tcp_init(loop, client);
    if (uv_accept(server, (uv_stream_t *)client) == 0)
        uv_read_start((uv_stream_t *)client, alloc_buffer, on_read);
}

int main(void)
{
    uv_tcp_t server;
    loop = uv_default_loop();
    workers_start(4);
    codec_start();
    uv_tcp_init(loop, &server);
    uv_listen((uv_stream_t *)&server, 128, on_connection);
    return uv_run(loop, UV_RUN_DEFAULT);
}
