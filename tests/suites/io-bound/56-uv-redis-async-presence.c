/* Truth: clean.  The presence service updates Redis with hiredis's
 * asynchronous API attached to the libuv loop (redisAsyncCommand with a
 * reply callback) from its timer and read callbacks: nothing waits on the
 * loop. */
#include <stdio.h>
#include <stdlib.h>
#include <uv.h>

#include "include/hiredis/adapters/libuv.h"

static redisAsyncContext *presence;
static unsigned online;

static void on_reply(redisAsyncContext *ac, void *reply, void *priv)
{
    redisReply *r = reply;
    (void)ac;
    if (r && r->type == REDIS_REPLY_ERROR)
        fprintf(stderr, "%s: %s\n", (const char *)priv, r->str);
}

static void heartbeat_cb(uv_timer_t *t)
{
    (void)t;
    redisAsyncCommand(presence, on_reply, "heartbeat",
                      "SETEX presence:node-7 15 %u", online);
}

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
    (void)h;
    buf->base = malloc(suggested);
    buf->len = buf->base ? suggested : 0;
}

static void on_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf)
{
    if (nread < 0) {
        online--;
        redisAsyncCommand(presence, on_reply, "leave", "DECR online");
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
    if (uv_accept(server, (uv_stream_t *)c) == 0) {
        online++;
        redisAsyncCommand(presence, on_reply, "join", "INCR online");
        uv_read_start((uv_stream_t *)c, on_alloc, on_read);
    }
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_tcp_t server;
    uv_timer_t beat;
    struct sockaddr_in addr;

    presence = redisAsyncConnect("10.0.3.7", 6379);
    if (!presence || presence->err)
        return 1;
    redisLibuvAttach(presence, loop);
    uv_tcp_init(loop, &server);
    uv_ip4_addr("0.0.0.0", 7600, &addr);
    uv_tcp_bind(&server, (const struct sockaddr *)&addr, 0);
    uv_listen((uv_stream_t *)&server, 128, on_connection);
    uv_timer_init(loop, &beat);
    uv_timer_start(&beat, heartbeat_cb, 5000, 5000);
    return uv_run(loop, UV_RUN_DEFAULT);
}
