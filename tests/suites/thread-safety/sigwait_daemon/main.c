#include "daemon.h"

#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static unsigned ticks;

static void run_housekeeping(void)
{
    ticks++;
    usleep(100000);
}

int main(void)
{
    static sigset_t set;
    pthread_t waiter;
    signals_block(&set);
    pthread_create(&waiter, NULL, signal_waiter, &set);
    while (!terminate_requested) // label: SW205
        run_housekeeping();
    pthread_join(waiter, NULL);
    printf("exiting after %u ticks\n", ticks);
    return 0;
}
