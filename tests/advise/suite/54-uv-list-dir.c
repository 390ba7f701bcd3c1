/* "ls -l" through libuv callbacks: scans a directory and stats each entry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

// advise: on_stat async-adds-nothing

struct entry {
    uv_fs_t req;
    char path[1024];
};

static void on_stat(uv_fs_t *req)
{
    struct entry *e = (struct entry *)req;
    if (req->result == 0)
        printf("%10llu %s\n", (unsigned long long)req->statbuf.st_size,
               e->path);
    uv_fs_req_cleanup(req);
    free(e);
}

static void on_scandir(uv_fs_t *req)
{
    uv_dirent_t ent;
    const char *dir = req->data;
    if (req->result < 0) {
        fprintf(stderr, "ls: %s\n", uv_strerror((int)req->result));
        return;
    }
    while (uv_fs_scandir_next(req, &ent) != UV_EOF) {
        struct entry *e = malloc(sizeof(*e));
        if (!e)
            break;
        snprintf(e->path, sizeof(e->path), "%s/%s", dir, ent.name);
        uv_fs_stat(req->loop, &e->req, e->path, on_stat);
    }
    uv_fs_req_cleanup(req);
}

int main(int argc, char **argv)
{
    uv_fs_t scan;
    const char *dir = argc > 1 ? argv[1] : ".";
    scan.data = (void *)dir;
    uv_fs_scandir(uv_default_loop(), &scan, dir, 0, on_scandir);
    return uv_run(uv_default_loop(), UV_RUN_DEFAULT); // label: SW103
}
