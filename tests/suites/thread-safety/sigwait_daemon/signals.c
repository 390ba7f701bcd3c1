/* Truth (program): the signal-waiting thread sets the plain int
 * terminate_requested (SW201: races with main's reads) that main's service
 * loop waits on (SW205, in main.c). */
#include "daemon.h"

#include <pthread.h>
#include <stdio.h>

int terminate_requested;

void signals_block(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGINT);
    pthread_sigmask(SIG_BLOCK, set, NULL);
}

void *signal_waiter(void *arg)
{
    sigset_t *set = arg;
    int sig;
    if (sigwait(set, &sig) == 0) {
        fprintf(stderr, "signal %d: terminating\n", sig);
        terminate_requested = 1;
    }
    return NULL;
}
