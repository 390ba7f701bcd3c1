/* Truth (program): run_server keeps 'srv' on its stack but stops and joins
 * every acceptor (in stop_acceptors) before returning, so passing it is
 * clean; start_listener in listener.c hands a dying local to a detached
 * thread (SW203 there). */
#include "server.h"

#include <stdio.h>
#include <unistd.h>

static void *acceptor(void *arg)
{
    struct server *srv = arg;
    while (!atomic_load(&srv->stopping)) {
        atomic_fetch_add(&srv->accepted, 1);
        usleep(1000);
    }
    return NULL;
}

int start_acceptors(struct server *srv)
{
    for (int i = 0; i < NACCEPTORS; i++)
        if (pthread_create(&srv->acceptors[i], NULL, acceptor, srv) != 0)
            return -1;
    return 0;
}

void stop_acceptors(struct server *srv)
{
    atomic_store(&srv->stopping, true);
    for (int i = 0; i < NACCEPTORS; i++)
        pthread_join(srv->acceptors[i], NULL);
}

static int run_server(int port)
{
    struct server srv = {.port = port};
    if (start_acceptors(&srv) != 0)
        return 1;
    start_listener(port + 1);
    sleep(1);
    stop_acceptors(&srv);
    printf("accepted %lu\n", atomic_load(&srv.accepted));
    return 0;
}

int main(void)
{
    return run_server(8080);
}
