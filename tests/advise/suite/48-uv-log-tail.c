/* "tail -n": prints the end of a log through libuv file callbacks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

// advise: on_read async-adds-nothing
// advise: on_stat async-adds-nothing

#define TAIL_BYTES 8192

struct tail {
    uv_fs_t open_req, stat_req, read_req, close_req;
    uv_file fd;
    char buf[TAIL_BYTES];
    uv_buf_t iov;
};

static void on_closed(uv_fs_t *req)
{
    uv_fs_req_cleanup(req);
}

static void print_last_lines(const char *data, size_t n, int lines)
{
    size_t i = n;
    while (i > 0 && lines >= 0) {
        i--;
        if (data[i] == '\n')
            lines--;
    }
    fwrite(data + (i ? i + 1 : 0), 1, n - (i ? i + 1 : 0), stdout);
}

static void on_read(uv_fs_t *req)
{
    struct tail *t = req->data;
    if (req->result > 0)
        print_last_lines(t->buf, (size_t)req->result, 10);
    uv_fs_req_cleanup(req);
    t->close_req.data = t;
    uv_fs_close(req->loop, &t->close_req, t->fd, on_closed);
}

static void on_stat(uv_fs_t *req)
{
    struct tail *t = req->data;
    int64_t size = req->result == 0 ? (int64_t)req->statbuf.st_size : 0;
    int64_t off = size > TAIL_BYTES ? size - TAIL_BYTES : 0;
    uv_fs_req_cleanup(req);
    t->iov = uv_buf_init(t->buf, sizeof(t->buf));
    t->read_req.data = t;
    uv_fs_read(req->loop, &t->read_req, t->fd, &t->iov, 1, off, on_read);
}

static void on_open(uv_fs_t *req)
{
    struct tail *t = req->data;
    if (req->result < 0) {
        fprintf(stderr, "tail: %s\n", uv_strerror((int)req->result));
        return;
    }
    t->fd = (uv_file)req->result;
    t->stat_req.data = t;
    uv_fs_fstat(req->loop, &t->stat_req, t->fd, on_stat);
}

int main(int argc, char **argv)
{
    struct tail *t = calloc(1, sizeof(*t));
    uv_loop_t *loop = uv_default_loop();
    if (!t)
        return 1;
    t->open_req.data = t;
    uv_fs_open(loop, &t->open_req, argc > 1 ? argv[1] : "/var/log/app.log",
               UV_FS_O_RDONLY, 0, on_open);
    uv_run(loop, UV_RUN_DEFAULT); // label: SW103
    uv_fs_req_cleanup(&t->open_req);
    free(t);
    return 0;
}
