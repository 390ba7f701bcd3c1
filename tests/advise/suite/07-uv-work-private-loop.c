/* A CLI that uses libuv's pool to read a file, then runs the loop at once. */
#include <stdio.h>
#include <uv.h>

struct job { const char *path; long lines; };

static void count_lines(uv_work_t *req)
{
    struct job *j = req->data;
    FILE *f = fopen(j->path, "r");
    int c;
    if (!f)
        return;
    while ((c = fgetc(f)) != EOF)
        j->lines += c == '\n';
    fclose(f);
}

static void done(uv_work_t *req, int status)
{
    struct job *j = req->data;
    if (status == 0)
        printf("%ld\n", j->lines);
}

int main(int argc, char **argv)
{
    uv_loop_t loop;
    uv_work_t req;
    struct job j = {argc > 1 ? argv[1] : "/etc/passwd", 0};
    uv_loop_init(&loop);
    req.data = &j;
    uv_queue_work(&loop, &req, count_lines, done); // label: SW101 // label: SW103
    return uv_run(&loop, UV_RUN_DEFAULT);
}
