#ifndef TCP_SERVER_H
#define TCP_SERVER_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

#define NACCEPTORS 2

struct server {
    int port;
    atomic_bool stopping;
    atomic_ulong accepted;
    pthread_t acceptors[NACCEPTORS];
};

int start_acceptors(struct server *srv);
void stop_acceptors(struct server *srv);
int start_listener(int port);

#endif
