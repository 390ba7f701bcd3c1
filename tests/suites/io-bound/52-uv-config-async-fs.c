/* Truth: clean.  On SIGHUP the libuv server re-reads its config with
 * uv_fs_open/uv_fs_read/uv_fs_close, each given a callback: the file I/O
 * runs on libuv's thread pool and the loop never waits. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <uv.h>

struct reload {
    uv_fs_t open_req, read_req, close_req;
    char data[8192];
    uv_buf_t buf;
};

static struct reload rl;

static void on_closed(uv_fs_t *req)
{
    uv_fs_req_cleanup(req);
}

static void on_read(uv_fs_t *req)
{
    if (req->result >= 0) {
        rl.data[req->result] = '\0';
        fprintf(stderr, "config reloaded (%zd bytes)\n", req->result);
    }
    uv_fs_req_cleanup(req);
    uv_fs_close(req->loop, &rl.close_req, (uv_file)rl.open_req.result,
                on_closed);
}

static void on_open(uv_fs_t *req)
{
    if (req->result < 0) {
        fprintf(stderr, "open: %s\n", uv_strerror((int)req->result));
        uv_fs_req_cleanup(req);
        return;
    }
    rl.buf = uv_buf_init(rl.data, sizeof rl.data - 1);
    uv_fs_read(req->loop, &rl.read_req, (uv_file)req->result, &rl.buf, 1, 0,
               on_read);
}

static void on_sighup(uv_signal_t *h, int signum)
{
    (void)signum;
    uv_fs_open(h->loop, &rl.open_req, "/etc/gateway/gateway.conf", O_RDONLY, 0,
               on_open);
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_signal_t hup;
    uv_signal_init(loop, &hup);
    uv_signal_start(&hup, on_sighup, SIGHUP);
    return uv_run(loop, UV_RUN_DEFAULT);
}
