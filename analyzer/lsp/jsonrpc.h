/*
 * JSON-RPC 2.0 over a byte stream with LSP's base protocol framing:
 * "Content-Length: N\r\n" headers, a blank line, then N bytes of JSON.
 *
 * The reader never trusts its input: a bad or missing Content-Length, an
 * oversized message or garbage between messages is reported as one framing
 * error, and the reader then resynchronises on the next "Content-Length:"
 * header, so one broken frame never ends the session.
 */
#ifndef SW_JSONRPC_H
#define SW_JSONRPC_H

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdio.h>

/* JSON-RPC and LSP error codes. */
#define JRPC_ERROR_CODES(X)                                                    \
    X(PARSE_ERROR, -32700)                                                     \
    X(INVALID_REQUEST, -32600)                                                 \
    X(METHOD_NOT_FOUND, -32601)                                                \
    X(INVALID_PARAMS, -32602)                                                  \
    X(INTERNAL_ERROR, -32603)                                                  \
    X(SERVER_NOT_INITIALIZED, -32002)

enum jrpc_error {
#define X(name, code) JRPC_##name = code,
    JRPC_ERROR_CODES(X)
#undef X
};

/* Largest message body accepted (bytes); larger frames are errors. */
#define JRPC_MAX_BODY (64u << 20)

struct jrpc_reader {
    FILE *in;   /* borrowed */
    size_t max; /* largest body accepted */
};

/*
 * Reads the next message.  Returns 1 with *body (NUL-terminated, *len
 * bytes; caller frees), 0 at end of input, or -1 on a framing error with
 * *err set to a static one-line message; the caller reports it and calls
 * again (the reader skips to the next frame).
 */
int jrpc_read(struct jrpc_reader *r, char **body, size_t *len,
              const char **err);

struct jrpc_writer {
    FILE *out;          /* borrowed */
    pthread_mutex_t mu; /* one message at a time, from any thread */
    int failed;         /* a write failed: the peer is gone */
};

void jrpc_writer_init(struct jrpc_writer *w, FILE *out);
void jrpc_writer_release(struct jrpc_writer *w);

/*
 * Writes msg as one frame (thread-safe).  Adds "jsonrpc": "2.0" when it
 * is missing.  Returns 0, or -1 when the output is gone.
 */
int jrpc_send(struct jrpc_writer *w, cJSON *msg);

/* Sends an error response; id is copied (NULL or a cJSON null: id null). */
int jrpc_send_error(struct jrpc_writer *w, const cJSON *id, int code,
                    const char *message);

/* Sends a result response; takes ownership of result (NULL: null). */
int jrpc_send_result(struct jrpc_writer *w, const cJSON *id, cJSON *result);

/* Sends a notification; takes ownership of params (NULL: none). */
int jrpc_send_notification(struct jrpc_writer *w, const char *method,
                           cJSON *params);

#endif
