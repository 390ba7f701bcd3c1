/* A libuv server that offloads request parsing to the pool from a callback. */
#include <stdlib.h>
#include <string.h>
#include <uv.h>

struct req { uv_work_t work; char *buf; size_t len; int words; };

static void count_words(uv_work_t *w)
{
    struct req *r = w->data;
    for (size_t i = 0; i < r->len; i++)
        r->words += r->buf[i] == ' ';
}

static void after_count(uv_work_t *w, int status)
{
    struct req *r = w->data;
    (void)status;
    free(r->buf);
    free(r);
}

static void on_alloc(uv_handle_t *h, size_t n, uv_buf_t *b)
{
    (void)h;
    b->base = malloc(n);
    b->len = n;
}

static void on_read(uv_stream_t *s, ssize_t n, const uv_buf_t *b)
{
    struct req *r;
    if (n <= 0) {
        free(b->base);
        return;
    }
    r = calloc(1, sizeof *r);
    r->buf = b->base;
    r->len = (size_t)n;
    r->work.data = r;
    uv_queue_work(s->loop, &r->work, count_words, after_count);
}

static void on_conn(uv_stream_t *srv, int status)
{
    uv_tcp_t *c = malloc(sizeof *c);
    if (status < 0)
        return;
    uv_tcp_init(srv->loop, c);
    if (uv_accept(srv, (uv_stream_t *)c) == 0)
        uv_read_start((uv_stream_t *)c, on_alloc, on_read);
}

int main(void)
{
    uv_tcp_t srv;
    struct sockaddr_in a;
    uv_tcp_init(uv_default_loop(), &srv);
    uv_ip4_addr("0.0.0.0", 9000, &a);
    uv_tcp_bind(&srv, (const struct sockaddr *)&a, 0);
    uv_listen((uv_stream_t *)&srv, 64, on_conn);
    return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
