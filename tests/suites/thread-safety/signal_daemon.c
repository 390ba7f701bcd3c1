/* Truth: clean. A single-threaded daemon: the SIGTERM/SIGHUP handlers set
 * volatile sig_atomic_t flags that the main loop polls (not another thread),
 * and the config parser uses strtok and localtime freely since nothing runs
 * concurrently. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stop_requested;
static volatile sig_atomic_t reload_requested;
static char listen_addrs[256] = "127.0.0.1:8080,[::1]:8080";

static void on_term(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static void on_hup(int sig)
{
    (void)sig;
    reload_requested = 1;
}

static int load_config(void)
{
    char buf[256];
    int n = 0;
    snprintf(buf, sizeof buf, "%s", listen_addrs);
    for (char *a = strtok(buf, ","); a; a = strtok(NULL, ","))
        n++;
    time_t now = time(NULL);
    char stamp[32];
    strftime(stamp, sizeof stamp, "%F %T", localtime(&now));
    fprintf(stderr, "%s: %d listeners configured\n", stamp, n);
    return n;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_term;
    sigaction(SIGTERM, &sa, NULL);
    sa.sa_handler = on_hup;
    sigaction(SIGHUP, &sa, NULL);
    load_config();
    while (!stop_requested) {
        if (reload_requested) {
            reload_requested = 0;
            load_config();
        }
        pause();
    }
    fprintf(stderr, "shutting down\n");
    return 0;
}
