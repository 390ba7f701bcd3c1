/* Truth: clean.  The blocking DNS lookups run on a separate uv_thread; the
 * loop callbacks only queue names and receive results through uv_async_send
 * and a mutex-protected slot, so nothing blocks the loop.  The resolver
 * thread waits for work with uv_cond_wait on the mutex it holds and
 * resolves after unlocking. */
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <uv.h>

static uv_mutex_t mu;
static uv_cond_t cv;
static uv_async_t done_async;
static char pending_name[256];
static int have_name, last_status;

static void resolver_thread(void *arg)
{
    (void)arg;
    for (;;) {
        char name[256];
        struct addrinfo *res = NULL;
        int rc;
        uv_mutex_lock(&mu);
        while (!have_name)
            uv_cond_wait(&cv, &mu);
        memcpy(name, pending_name, sizeof name);
        have_name = 0;
        uv_mutex_unlock(&mu);

        rc = getaddrinfo(name, "443", NULL, &res);
        if (res)
            freeaddrinfo(res);
        uv_mutex_lock(&mu);
        last_status = rc;
        uv_mutex_unlock(&mu);
        uv_async_send(&done_async);
    }
}

static void on_resolved(uv_async_t *h)
{
    int status;
    (void)h;
    uv_mutex_lock(&mu);
    status = last_status;
    uv_mutex_unlock(&mu);
    printf("lookup finished: %d\n", status);
}

static void on_tick(uv_timer_t *t)
{
    (void)t;
    uv_mutex_lock(&mu);
    snprintf(pending_name, sizeof pending_name, "status.example.com");
    have_name = 1;
    uv_cond_signal(&cv);
    uv_mutex_unlock(&mu);
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_thread_t resolver;
    uv_timer_t tick;
    uv_mutex_init(&mu);
    uv_cond_init(&cv);
    uv_async_init(loop, &done_async, on_resolved);
    uv_thread_create(&resolver, resolver_thread, NULL);
    uv_timer_init(loop, &tick);
    uv_timer_start(&tick, on_tick, 0, 5000);
    return uv_run(loop, UV_RUN_DEFAULT);
}
