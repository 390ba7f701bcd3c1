/* Truth (program): archive_work runs on libuv's thread pool for several
 * queued jobs at once and names each archive with gmtime (SW202). The
 * after-work callback runs on the loop thread and is clean. */
#include "jobs.h"

#include <stdio.h>

static void archive_name(struct archive_job *job)
{
    struct tm *tm = gmtime(&job->cutoff); // label: SW202
    strftime(job->name, sizeof job->name, "archive-%Y%m%d.tar", tm);
}

void archive_work(uv_work_t *req)
{
    struct archive_job *job = req->data;
    archive_name(job);
}

void archive_done(uv_work_t *req, int status)
{
    struct archive_job *job = req->data;
    printf("%s -> %s (%d)\n", job->dir, job->name, status);
}
