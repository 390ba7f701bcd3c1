/* Reads a report with libuv, then uploads it to a collector over TCP. */
// advise: on_read sync-is-fine
#include <stdlib.h>
#include <string.h>
#include <uv.h>

static uv_loop_t *loop;
static uv_fs_t open_req, read_req;
static char report[16384];
static uv_buf_t iov;
static uv_tcp_t conn;
static uv_connect_t connect_req;
static uv_write_t write_req;

static void on_sent(uv_write_t *req, int status)
{
    (void)status;
    uv_close((uv_handle_t *)req->handle, NULL);
}

static void on_connected(uv_connect_t *req, int status)
{
    if (status < 0) {
        uv_close((uv_handle_t *)req->handle, NULL);
        return;
    }
    uv_write(&write_req, req->handle, &iov, 1, on_sent);
}

static void on_read(uv_fs_t *req)
{
    struct sockaddr_in addr;
    if (req->result <= 0)
        return;
    iov = uv_buf_init(report, (unsigned)req->result);
    uv_fs_req_cleanup(req);
    uv_tcp_init(loop, &conn);
    uv_ip4_addr("10.1.2.3", 9000, &addr);
    uv_tcp_connect(&connect_req, &conn, (const struct sockaddr *)&addr,
                   on_connected);
}

static void on_open(uv_fs_t *req)
{
    iov = uv_buf_init(report, sizeof(report));
    uv_fs_read(loop, &read_req, (uv_file)req->result, &iov, 1, 0, on_read);
}

int main(void)
{
    loop = uv_default_loop();
    uv_fs_open(loop, &open_req, "daily-report.txt", UV_FS_O_RDONLY, 0, on_open);
    return uv_run(loop, UV_RUN_DEFAULT);
}
