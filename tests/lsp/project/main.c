/* Fixture for the LSP tests: a libuv callback that calls net.c's lookup. */
#include <uv.h>

#include "net.h"

static void on_read(uv_stream_t *s, ssize_t n, const uv_buf_t *buf)
{
    (void)s;
    if (n > 0)
        net_lookup(buf->base);
}

static void alloc_cb(uv_handle_t *h, size_t size, uv_buf_t *buf)
{
    (void)h;
    (void)size;
    buf->base = NULL;
    buf->len = 0;
}

int main(void)
{
    uv_tcp_t server;
    uv_loop_t *loop = uv_default_loop();
    uv_tcp_init(loop, &server);
    uv_read_start((uv_stream_t *)&server, alloc_cb, on_read);
    return uv_run(loop, UV_RUN_DEFAULT);
}
