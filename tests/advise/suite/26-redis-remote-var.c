/* Connects to a redis whose host comes from configuration: unknown. */
#include <pthread.h>

typedef struct redisContext redisContext;
redisContext *redisConnect(const char *ip, int port);
void *redisCommand(redisContext *c, const char *format, ...);
void redisFree(redisContext *c);
void freeReplyObject(void *reply);

struct conf { const char *redis_host; int redis_port; const char *value; };

static void *publish(void *arg)
{
    struct conf *cf = arg;
    redisContext *c = redisConnect(cf->redis_host, cf->redis_port);
    if (!c)
        return NULL;
    freeReplyObject(redisCommand(c, "PUBLISH news %s", cf->value));
    redisFree(c);
    return NULL;
}

void publish_async(struct conf *cf)
{
    pthread_t t;
    pthread_create(&t, NULL, publish, cf);
    pthread_detach(t);
}
