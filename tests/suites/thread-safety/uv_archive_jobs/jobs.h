#ifndef ARCHIVE_JOBS_H
#define ARCHIVE_JOBS_H

#include <time.h>
#include <uv.h>

struct archive_job {
    uv_work_t req;
    const char *dir;
    time_t cutoff;
    char name[64];
};

void archive_work(uv_work_t *req);
void archive_done(uv_work_t *req, int status);

#endif
