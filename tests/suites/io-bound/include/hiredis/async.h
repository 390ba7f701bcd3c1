/* Stand-in for <hiredis/async.h>: hiredis's asynchronous API (names and
 * signatures as in hiredis). */
#ifndef SUITE_HIREDIS_ASYNC_H
#define SUITE_HIREDIS_ASYNC_H

#include "hiredis.h"

typedef struct redisAsyncContext {
    redisContext c;
    int err;
    char *errstr;
    void *data;
} redisAsyncContext;

typedef void(redisCallbackFn)(struct redisAsyncContext *, void *, void *);
typedef void(redisConnectCallback)(const struct redisAsyncContext *, int);

redisAsyncContext *redisAsyncConnect(const char *ip, int port);
int redisAsyncSetConnectCallback(redisAsyncContext *ac,
                                 redisConnectCallback *fn);
int redisAsyncCommand(redisAsyncContext *ac, redisCallbackFn *fn,
                      void *privdata, const char *format, ...);
void redisAsyncDisconnect(redisAsyncContext *ac);

#endif
