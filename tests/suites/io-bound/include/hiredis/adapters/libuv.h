/* Stand-in for <hiredis/adapters/libuv.h>. */
#ifndef SUITE_HIREDIS_LIBUV_H
#define SUITE_HIREDIS_LIBUV_H

#include <uv.h>

#include "../async.h"

int redisLibuvAttach(redisAsyncContext *ac, uv_loop_t *loop);

#endif
