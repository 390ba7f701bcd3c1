/* Truth: every second a libuv timer pushes counters to a remote Redis with
 * the synchronous redisCommand: a network round trip on the loop, SW303 at
 * the redisCommand call.  Connecting in main before uv_run is not loop
 * code. */
#include <stdio.h>
#include <uv.h>

#include "include/hiredis/hiredis.h"

static redisContext *metrics;
static unsigned long served;

static void flush_cb(uv_timer_t *t)
{
    redisReply *r;
    (void)t;
    r = redisCommand(metrics, "INCRBY gw:served %lu", served); // label: SW303
    if (r)
        freeReplyObject(r);
    served = 0;
}

static void idle_cb(uv_idle_t *h)
{
    (void)h;
    served++;
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_timer_t flush;
    uv_idle_t work;

    metrics = redisConnect("metrics.redis.example.net", 6379);
    if (!metrics || metrics->err) {
        fprintf(stderr, "metrics store unavailable\n");
        return 1;
    }
    uv_timer_init(loop, &flush);
    uv_timer_start(&flush, flush_cb, 1000, 1000);
    uv_idle_init(loop, &work);
    uv_idle_start(&work, idle_cb);
    return uv_run(loop, UV_RUN_DEFAULT);
}
