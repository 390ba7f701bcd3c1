/* Stand-in for <hiredis/hiredis.h>: the declarations the io-bound suite
 * uses, with hiredis's names and signatures. */
#ifndef SUITE_HIREDIS_H
#define SUITE_HIREDIS_H

#include <stddef.h>
#include <sys/time.h>

#define REDIS_OK 0
#define REDIS_ERR -1
#define REDIS_REPLY_STRING 1
#define REDIS_REPLY_ARRAY 2
#define REDIS_REPLY_INTEGER 3
#define REDIS_REPLY_NIL 4
#define REDIS_REPLY_STATUS 5
#define REDIS_REPLY_ERROR 6

typedef struct redisReply {
    int type;
    long long integer;
    double dval;
    size_t len;
    char *str;
    char vtype[4];
    size_t elements;
    struct redisReply **element;
} redisReply;

typedef struct redisContext {
    const void *funcs;
    int err;
    char errstr[128];
    int fd;
    int flags;
} redisContext;

redisContext *redisConnect(const char *ip, int port);
redisContext *redisConnectWithTimeout(const char *ip, int port,
                                      const struct timeval tv);
redisContext *redisConnectUnix(const char *path);
void redisFree(redisContext *c);
void *redisCommand(redisContext *c, const char *format, ...);
int redisAppendCommand(redisContext *c, const char *format, ...);
int redisGetReply(redisContext *c, void **reply);
void freeReplyObject(void *reply);

#endif
