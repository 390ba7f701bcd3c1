/* Truth: clean.  The libuv supervisor starts workers with uv_spawn (exit
 * callback) and reaps strays in its SIGCHLD handler with
 * waitpid(-1, &st, WNOHANG), which never waits. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <uv.h>

static uv_process_t worker;

static void on_worker_exit(uv_process_t *p, int64_t status, int signo)
{
    fprintf(stderr, "worker exited: %lld (signal %d)\n", (long long)status,
            signo);
    uv_close((uv_handle_t *)p, NULL);
}

static void on_sigchld(uv_signal_t *h, int signum)
{
    int st;
    pid_t pid;
    (void)h;
    (void)signum;
    while ((pid = waitpid(-1, &st, WNOHANG)) > 0)
        fprintf(stderr, "reaped %d\n", (int)pid);
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_signal_t chld;
    uv_process_options_t opts = {0};
    char *args[] = {"/usr/libexec/app/worker", NULL};

    opts.file = args[0];
    opts.args = args;
    opts.exit_cb = on_worker_exit;
    if (uv_spawn(loop, &worker, &opts) != 0)
        return 1;
    uv_signal_init(loop, &chld);
    uv_signal_start(&chld, on_sigchld, SIGCHLD);
    return uv_run(loop, UV_RUN_DEFAULT);
}
