/* Truth: the daemon's main thread waits for SIGTERM by polling a flag set
 * in the signal handler, waking every second: sleep-polling (sigwait,
 * sigsuspend or a signalfd would wait for the signal itself), SW305 at the
 * sleep call. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t stop_requested;

static void on_term(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static void *serve(void *arg)
{
    (void)arg;
    for (;;)
        pause();
    return NULL;
}

int main(void)
{
    struct sigaction sa;
    pthread_t server;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_term;
    sigaction(SIGTERM, &sa, NULL);
    pthread_create(&server, NULL, serve, NULL);
    while (!stop_requested)
        sleep(1); // label: SW305
    fprintf(stderr, "shutting down\n");
    return 0;
}
