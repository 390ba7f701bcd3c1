#ifndef SIGWAIT_DAEMON_H
#define SIGWAIT_DAEMON_H

#include <signal.h>

extern int terminate_requested;

void signals_block(sigset_t *set);
void *signal_waiter(void *arg);

#endif
