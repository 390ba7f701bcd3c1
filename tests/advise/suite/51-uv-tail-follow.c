/* "tail -f": prints what is appended to a log, waiting for changes. */
#include <stdio.h>
#include <uv.h>

static uv_file fd;
static int64_t offset;
static char buf[4096];
static uv_buf_t iov;
static uv_fs_t read_req;
static int reading;

static void on_read(uv_fs_t *req)
{
    if (req->result > 0) {
        fwrite(buf, 1, (size_t)req->result, stdout);
        fflush(stdout);
        offset += req->result;
        uv_fs_req_cleanup(req);
        uv_fs_read(req->loop, &read_req, fd, &iov, 1, offset, on_read);
        return;
    }
    uv_fs_req_cleanup(req);
    reading = 0;
}

static void on_change(uv_fs_event_t *handle, const char *name, int events,
                      int status)
{
    (void)name;
    if (status < 0 || !(events & UV_CHANGE) || reading)
        return;
    reading = 1;
    uv_fs_read(handle->loop, &read_req, fd, &iov, 1, offset, on_read);
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "app.log";
    uv_loop_t *loop = uv_default_loop();
    uv_fs_event_t watch;
    uv_fs_t open_req;
    fd = uv_fs_open(loop, &open_req, path, UV_FS_O_RDONLY, 0, NULL);
    uv_fs_req_cleanup(&open_req);
    if (fd < 0)
        return 1;
    iov = uv_buf_init(buf, sizeof(buf));
    uv_fs_event_init(loop, &watch);
    uv_fs_event_start(&watch, on_change, path, 0);
    return uv_run(loop, UV_RUN_DEFAULT);
}
