/* Caches a value in a redis on localhost from a thread. */
#include <pthread.h>

typedef struct redisContext redisContext;
redisContext *redisConnect(const char *ip, int port);
void *redisCommand(redisContext *c, const char *format, ...);
void redisFree(redisContext *c);
void freeReplyObject(void *reply);

static void *cache_set(void *arg)
{
    redisContext *c = redisConnect("127.0.0.1", 6379);
    if (!c)
        return NULL;
    freeReplyObject(redisCommand(c, "SET last %s", (char *)arg));
    redisFree(c);
    return NULL;
}

void cache_async(char *value)
{
    pthread_t t;
    pthread_create(&t, NULL, cache_set, value); // label: SW103
    pthread_detach(t);
}
