#include "server.h"

#include <stdio.h>
#include <unistd.h>

struct listener_cfg {
    int port;
    int backlog;
};

static void *admin_listener(void *arg)
{
    const struct listener_cfg *cfg = arg;
    for (int i = 0; i < 3; i++) {
        printf("admin port %d backlog %d\n", cfg->port, cfg->backlog);
        sleep(1);
    }
    return NULL;
}

int start_listener(int port)
{
    struct listener_cfg cfg = {port, 16};
    pthread_t t;
    int rc = pthread_create(&t, NULL, admin_listener, &cfg); // label: SW203
    if (rc == 0)
        pthread_detach(t);
    return rc;
}
