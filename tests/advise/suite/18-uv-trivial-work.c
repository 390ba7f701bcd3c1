/* A libuv app that queues a trivial computation from a timer. */
#include <uv.h>

struct acc { long total, last; };

static void add_last(uv_work_t *w)
{
    struct acc *a = w->data;
    a->total += a->last;
}

static void on_tick(uv_timer_t *t)
{
    static uv_work_t w;
    w.data = t->data;
    uv_queue_work(t->loop, &w, add_last, NULL); // label: SW102
}

int main(void)
{
    uv_timer_t t;
    struct acc a = {0, 1};
    uv_timer_init(uv_default_loop(), &t);
    t.data = &a;
    uv_timer_start(&t, on_tick, 10, 10);
    return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
