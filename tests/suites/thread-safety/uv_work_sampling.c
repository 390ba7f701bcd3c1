/* Truth: the libuv work callback runs on the thread pool, several requests at
 * once; rand() there shares one hidden PRNG state (SW202). The after-work
 * callback runs on the loop thread and uses no unsafe call. */
#include <stdio.h>
#include <stdlib.h>
#include <uv.h>

#define NREQS 8

struct sample_req {
    uv_work_t req;
    int shard;
    int picked;
};

static void sample_shard(uv_work_t *req)
{
    struct sample_req *s = req->data;
    for (int i = 0; i < 1000; i++)
        if (rand() % 100 < 5) // label: SW202
            s->picked++;
}

static void sample_done(uv_work_t *req, int status)
{
    struct sample_req *s = req->data;
    printf("shard %d: %d rows sampled (status %d)\n", s->shard, s->picked,
           status);
}

int main(void)
{
    static struct sample_req reqs[NREQS];
    uv_loop_t *loop = uv_default_loop();
    for (int i = 0; i < NREQS; i++) {
        reqs[i].shard = i;
        reqs[i].req.data = &reqs[i];
        uv_queue_work(loop, &reqs[i].req, sample_shard, sample_done);
    }
    uv_run(loop, UV_RUN_DEFAULT);
    uv_loop_close(loop);
    return 0;
}
