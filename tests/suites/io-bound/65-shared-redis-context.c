/* Truth: worker threads share one hiredis context to a remote Redis and
 * serialise on a mutex around each command; the round trip happens with
 * the mutex held, so the workers queue behind each other's network waits:
 * SW304 at the redisCommand call. */
#include <pthread.h>
#include <stdio.h>

#include "include/hiredis/hiredis.h"

static pthread_mutex_t redis_mu = PTHREAD_MUTEX_INITIALIZER;
static redisContext *shared;

static long long bump_counter(const char *name)
{
    redisReply *r;
    long long v = -1;
    pthread_mutex_lock(&redis_mu);
    r = redisCommand(shared, "INCR counter:%s", name); // label: SW304
    pthread_mutex_unlock(&redis_mu);
    if (r && r->type == REDIS_REPLY_INTEGER)
        v = r->integer;
    if (r)
        freeReplyObject(r);
    return v;
}

static void *page_view_worker(void *arg)
{
    for (int i = 0; i < 1000; i++)
        bump_counter((const char *)arg);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    shared = redisConnect("counters.redis.example.com", 6379);
    if (!shared || shared->err)
        return 1;
    pthread_create(&a, NULL, page_view_worker, "home");
    pthread_create(&b, NULL, page_view_worker, "pricing");
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    redisFree(shared);
    return 0;
}
