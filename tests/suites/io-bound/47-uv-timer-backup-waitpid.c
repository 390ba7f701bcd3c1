/* Truth: the libuv timer callback forks a backup job and waits for it with
 * waitpid(pid, &status, 0): a process wait on the loop, SW303 at waitpid.
 * The SIGCHLD-style reaping in the second timer uses WNOHANG (clean). */
#include <stdio.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <uv.h>

static void backup_cb(uv_timer_t *t)
{
    pid_t pid = fork();
    int status = 0;
    (void)t;
    if (pid == 0) {
        execl("/usr/bin/pg_dump", "pg_dump", "-f", "/backup/app.sql", "app",
              (char *)NULL);
        _exit(127);
    }
    if (pid > 0 && waitpid(pid, &status, 0) == pid) // label: SW303
        fprintf(stderr, "backup finished: %d\n", WEXITSTATUS(status));
}

static void reap_cb(uv_timer_t *t)
{
    int status;
    (void)t;
    while (waitpid(-1, &status, WNOHANG) > 0)
        ;
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_timer_t backup, reaper;
    uv_timer_init(loop, &backup);
    uv_timer_init(loop, &reaper);
    uv_timer_start(&backup, backup_cb, 3600 * 1000, 3600 * 1000);
    uv_timer_start(&reaper, reap_cb, 1000, 1000);
    return uv_run(loop, UV_RUN_DEFAULT);
}
