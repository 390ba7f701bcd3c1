/* Truth: the libuv timer callback saves a snapshot with uv_fs_open,
 * uv_fs_write and uv_fs_close called with a NULL callback, which makes
 * them synchronous on the loop thread: blocking file I/O on the loop,
 * SW303 at the save_snapshot call (SPEC 2 excludes local file I/O by
 * default only for SW304).  See 52-uv-config-async-fs.c for the same work
 * with callbacks (clean). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <uv.h>

struct counters {
    unsigned long requests;
    unsigned long errors;
};

static struct counters stats;

static int save_snapshot(uv_loop_t *loop, const char *path)
{
    uv_fs_t req;
    char text[128];
    uv_buf_t buf;
    int fd;

    snprintf(text, sizeof text, "requests=%lu errors=%lu\n", stats.requests,
             stats.errors);
    buf = uv_buf_init(text, (unsigned)strlen(text));
    fd = uv_fs_open(loop, &req, path, O_WRONLY | O_CREAT | O_TRUNC, 0644, NULL);
    uv_fs_req_cleanup(&req);
    if (fd < 0)
        return fd;
    uv_fs_write(loop, &req, fd, &buf, 1, 0, NULL);
    uv_fs_req_cleanup(&req);
    uv_fs_close(loop, &req, fd, NULL);
    uv_fs_req_cleanup(&req);
    return 0;
}

static void snapshot_cb(uv_timer_t *t)
{
    save_snapshot(t->loop, "/var/lib/gateway/stats.snapshot"); // label: SW303
}

static void tick_cb(uv_timer_t *t)
{
    (void)t;
    stats.requests++;
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_timer_t snap, tick;
    uv_timer_init(loop, &snap);
    uv_timer_init(loop, &tick);
    uv_timer_start(&snap, snapshot_cb, 10000, 10000);
    uv_timer_start(&tick, tick_cb, 10, 10);
    return uv_run(loop, UV_RUN_DEFAULT);
}
