/* Truth: the fleet report connects to each remote Redis node of a fixed
 * list (literal host names) and asks for its memory use, one node after
 * the other; the nodes are independent: SW302 at the node_used_memory call
 * in the loop. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "include/hiredis/hiredis.h"

static const char *const nodes[] = {
    "cache-1.prod.example.net",
    "cache-2.prod.example.net",
    "cache-3.prod.example.net",
};

static long long node_used_memory(const char *host)
{
    struct timeval tv = {2, 0};
    redisContext *c = redisConnectWithTimeout(host, 6379, tv);
    redisReply *r;
    long long used = -1;
    const char *p;

    if (!c || c->err) {
        if (c)
            redisFree(c);
        return -1;
    }
    r = redisCommand(c, "INFO memory");
    if (r && r->type == REDIS_REPLY_STRING &&
        (p = strstr(r->str, "used_memory:")) != NULL)
        used = strtoll(p + strlen("used_memory:"), NULL, 10);
    if (r)
        freeReplyObject(r);
    redisFree(c);
    return used;
}

int main(void)
{
    long long total = 0;
    for (size_t i = 0; i < sizeof nodes / sizeof nodes[0]; i++) {
        long long used = node_used_memory(nodes[i]); // label: SW302
        printf("%-28s %lld\n", nodes[i], used);
        if (used > 0)
            total += used;
    }
    printf("total %lld bytes\n", total);
    return 0;
}
