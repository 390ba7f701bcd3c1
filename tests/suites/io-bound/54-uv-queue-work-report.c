/* Truth: clean.  The HTTP-ish libuv server hands the slow report query to
 * uv_queue_work: PQexec runs in the work callback on the thread pool, and
 * the after-work callback on the loop only writes the answer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

#include "include/libpq-fe.h"

struct job {
    uv_work_t work;
    uv_stream_t *client;
    char answer[64];
};

static void run_report(uv_work_t *w)
{
    struct job *j = w->data;
    PGconn *c = PQconnectdb("host=warehouse.example.com dbname=dw");
    PGresult *r = PQexec(c, "SELECT count(*) FROM events WHERE day = "
                            "current_date");
    snprintf(j->answer, sizeof j->answer, "%s\n",
             PQresultStatus(r) == PGRES_TUPLES_OK ? PQgetvalue(r, 0, 0)
                                                  : "error");
    PQclear(r);
    PQfinish(c);
}

static void after_write(uv_write_t *req, int status)
{
    (void)status;
    free(req);
}

static void report_done(uv_work_t *w, int status)
{
    struct job *j = w->data;
    uv_write_t *req = malloc(sizeof *req);
    uv_buf_t buf = uv_buf_init(j->answer, (unsigned)strlen(j->answer));
    (void)status;
    uv_write(req, j->client, &buf, 1, after_write);
    free(j);
}

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
    (void)h;
    buf->base = malloc(suggested);
    buf->len = buf->base ? suggested : 0;
}

static void on_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf)
{
    if (nread > 0) {
        struct job *j = calloc(1, sizeof *j);
        if (j) {
            j->client = s;
            j->work.data = j;
            uv_queue_work(s->loop, &j->work, run_report, report_done);
        }
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
    uv_ip4_addr("0.0.0.0", 7500, &addr);
    uv_tcp_bind(&server, (const struct sockaddr *)&addr, 0);
    uv_listen((uv_stream_t *)&server, 64, on_connection);
    return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
