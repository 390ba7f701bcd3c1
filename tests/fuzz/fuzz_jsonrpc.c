/*
 * The LSP base protocol reader (jrpc_read) on an untrusted byte stream:
 * every frame it returns has the announced length and a NUL after it,
 * framing errors come with a message, and the stream is always consumed
 * to its end.  Each body then goes through the JSON parser, as the server
 * does.  (The server's message handlers are static in lsp.c; fuzzing them
 * needs an in-memory entry point taking one message body.)
 */
#include "fuzz.h"

#include "lsp/jsonrpc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *in;
    struct jrpc_reader r;
    size_t frames = 0;

    if (size == 0)
        return 0;
    in = fmemopen((void *)data, size, "r");
    FUZZ_CHECK(in != NULL);
    /* Small frames only: a huge Content-Length just allocates. */
    r.in = in;
    r.max = 1u << 20;
    for (;;) {
        char *body = NULL;
        size_t len = 0;
        const char *err = NULL;
        int rc = jrpc_read(&r, &body, &len, &err);
        if (rc == 0)
            break;
        if (rc < 0) {
            FUZZ_CHECK(err != NULL && err[0] != '\0');
        } else {
            cJSON *msg;
            FUZZ_CHECK(body != NULL && len <= r.max && body[len] == '\0');
            msg = cJSON_ParseWithLength(body, len);
            cJSON_Delete(msg);
            free(body);
        }
        /* Each call consumes at least one line: no endless loop. */
        FUZZ_CHECK(++frames <= size + 1);
    }
    fclose(in);
    return 0;
}
