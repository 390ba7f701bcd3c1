#include "stats.h"

#include <pthread.h>
#include <stddef.h>

void *connection_worker(void *arg);

static int handle_one(int conn, size_t *sent)
{
    *sent = 200 + (size_t)(conn % 50);
    return conn % 97 == 0 ? 503 : 200;
}

void *connection_worker(void *arg)
{
    int base = (int)(long)arg;
    for (int conn = base; conn < base + 1000; conn++) {
        size_t sent = 0;
        int status = handle_one(conn, &sent);
        stats_count_request(status);
        stats_add_bytes(sent);
    }
    return NULL;
}
