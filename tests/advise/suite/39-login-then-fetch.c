/* Logs in, then fetches with the token: the second call needs the first. */
#include <stdlib.h>

typedef struct redisContext redisContext;
redisContext *redisConnect(const char *ip, int port);
void *redisCommand(redisContext *c, const char *format, ...);

int main(void)
{
    redisContext *c = redisConnect("cache.example.com", 6379);
    void *auth = redisCommand(c, "AUTH %s", "secret");
    void *val = redisCommand(c, "GET session");
    (void)auth;
    (void)val;
    return 0;
}
// advise: main sync-is-fine
