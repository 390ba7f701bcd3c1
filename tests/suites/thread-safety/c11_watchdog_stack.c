/* Truth: start_watchdog hands thrd_create the address of its local timeout
 * and returns the thread handle without joining: the watchdog reads a dead
 * stack slot (SW203). start_watchdog_static passes a static and is clean. */
#include <stdio.h>
#include <threads.h>
#include <time.h>

struct watchdog_cfg {
    int timeout_s;
    const char *name;
};

static int watchdog(void *arg)
{
    const struct watchdog_cfg *cfg = arg;
    struct timespec ts = {cfg->timeout_s, 0};
    thrd_sleep(&ts, NULL);
    fprintf(stderr, "watchdog %s expired\n", cfg->name);
    return 1;
}

thrd_t start_watchdog(int timeout_s)
{
    struct watchdog_cfg cfg = {timeout_s, "request"};
    thrd_t t;
    thrd_create(&t, watchdog, &cfg); // label: SW203
    return t;
}

thrd_t start_watchdog_static(int timeout_s)
{
    static struct watchdog_cfg cfg;
    cfg.timeout_s = timeout_s;
    cfg.name = "global";
    thrd_t t;
    thrd_create(&t, watchdog, &cfg);
    return t;
}

int main(void)
{
    thrd_t a = start_watchdog(1);
    thrd_t b = start_watchdog_static(2);
    int ra, rb;
    thrd_join(a, &ra);
    thrd_join(b, &rb);
    return ra + rb;
}
