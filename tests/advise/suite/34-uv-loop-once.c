/* A whole libuv loop made for one queued job. */
#include <uv.h>

struct job { int n; long out; };

static void fib(uv_work_t *w)
{
    struct job *j = w->data;
    long a = 0, b = 1;
    for (int i = 0; i < j->n; i++) {
        long t = a + b;
        a = b;
        b = t;
    }
    j->out = a;
}

long fib_async(int n)
{
    uv_loop_t loop;
    uv_work_t w;
    struct job j = {n, 0};
    uv_loop_init(&loop);
    w.data = &j;
    uv_queue_work(&loop, &w, fib, NULL); // label: SW104
    uv_run(&loop, UV_RUN_DEFAULT);
    uv_loop_close(&loop);
    return j.out;
}
