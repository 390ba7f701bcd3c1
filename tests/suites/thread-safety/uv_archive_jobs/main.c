#include "jobs.h"

#define NDIRS 3

int main(void)
{
    static struct archive_job jobs[NDIRS] = {{.dir = "/var/log/app"},
                                             {.dir = "/var/log/nginx"},
                                             {.dir = "/var/spool/mail"}};
    uv_loop_t loop;
    uv_loop_init(&loop);
    time_t now = time(NULL);
    for (int i = 0; i < NDIRS; i++) {
        jobs[i].cutoff = now - (time_t)(i + 1) * 86400;
        jobs[i].req.data = &jobs[i];
        uv_queue_work(&loop, &jobs[i].req, archive_work, archive_done);
    }
    uv_run(&loop, UV_RUN_DEFAULT);
    uv_loop_close(&loop);
    return 0;
}
