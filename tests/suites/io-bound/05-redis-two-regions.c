/* Truth: the session lookup reads the same key from two remote Redis
 * regions, one after the other and independently: SW301 at the second
 * region_get call.  Inside region_get, connect and command use the same
 * context (dependent, clean). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "include/hiredis/hiredis.h"

#define EU_HOST "sessions.eu-west.cache.example.net"
#define US_HOST "sessions.us-east.cache.example.net"

static char *region_get(const char *host, const char *key)
{
    redisContext *c = redisConnect(host, 6379);
    redisReply *r;
    char *value = NULL;

    if (!c || c->err) {
        if (c)
            redisFree(c);
        return NULL;
    }
    r = redisCommand(c, "GET %s", key);
    if (r && r->type == REDIS_REPLY_STRING)
        value = strdup(r->str);
    if (r)
        freeReplyObject(r);
    redisFree(c);
    return value;
}

int main(int argc, char **argv)
{
    const char *key = argc > 1 ? argv[1] : "session:42";
    char *eu = region_get(EU_HOST, key);
    char *us = region_get(US_HOST, key); // label: SW301

    if (eu && us && strcmp(eu, us) != 0)
        printf("session %s diverged: %s vs %s\n", key, eu, us);
    free(eu);
    free(us);
    return 0;
}
