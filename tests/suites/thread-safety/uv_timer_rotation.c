/* Truth: clean. All callbacks run on the one libuv loop thread and the
 * program starts no thread or pool work, so localtime and strtok in the timer
 * callback cannot race. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <uv.h>

static char rotate_targets[] = "access.log,error.log,audit.log";
static int rotations;

static void rotate_logs(uv_timer_t *timer)
{
    char buf[sizeof rotate_targets];
    memcpy(buf, rotate_targets, sizeof buf);
    time_t now = time(NULL);
    char suffix[32];
    strftime(suffix, sizeof suffix, "%Y%m%d-%H%M", localtime(&now));
    for (char *f = strtok(buf, ","); f; f = strtok(NULL, ","))
        printf("rotate %s -> %s.%s\n", f, f, suffix);
    if (++rotations == 3)
        uv_timer_stop(timer);
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_timer_t timer;
    uv_timer_init(loop, &timer);
    uv_timer_start(&timer, rotate_logs, 10, 10);
    uv_run(loop, UV_RUN_DEFAULT);
    printf("%d rotations\n", rotations);
    return 0;
}
