#include "lsp/jsonrpc.h"

#include "common/xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Longest header line kept; longer lines keep their tail (resync). */
#define HEADER_MAX 8192
#define TAIL_KEEP 64

static const char content_length[] = "content-length:";

/* Finds "Content-Length:" anywhere in line (case-insensitive). */
static const char *find_content_length(const char *line)
{
    size_t n = sizeof(content_length) - 1;
    for (const char *p = line; *p; p++)
        if (strncasecmp(p, content_length, n) == 0)
            return p + n;
    return NULL;
}

/*
 * Reads one line without its "\r\n" into buf.  Returns the length, or -1
 * at end of input (also when the input ends mid-line).
 */
static long read_line(FILE *in, char *buf)
{
    size_t n = 0;
    int c;
    while ((c = getc(in)) != EOF && c != '\n') {
        if (n == HEADER_MAX - 1) {
            memmove(buf, buf + n - TAIL_KEEP, TAIL_KEEP);
            n = TAIL_KEEP;
        }
        buf[n++] = (char)c;
    }
    if (c == EOF)
        return -1;
    if (n && buf[n - 1] == '\r')
        n--;
    buf[n] = '\0';
    return (long)n;
}

/* Parses a Content-Length value: digits with optional blanks around. */
static int parse_length(const char *s, size_t max, size_t *out)
{
    size_t v = 0;
    int digits = 0;
    while (*s == ' ' || *s == '\t')
        s++;
    for (; isdigit((unsigned char)*s); s++, digits++) {
        if (v > max)
            return -2;
        v = v * 10 + (size_t)(*s - '0');
    }
    while (*s == ' ' || *s == '\t')
        s++;
    if (!digits || *s)
        return -1;
    if (v > max)
        return -2;
    *out = v;
    return 0;
}

int jrpc_read(struct jrpc_reader *r, char **body, size_t *len, const char **err)
{
    char line[HEADER_MAX];
    size_t length = 0;
    int have_length = 0, lines = 0;
    const char *bad = NULL;

    for (;;) {
        long n = read_line(r->in, line);
        const char *v;
        if (n < 0)
            return 0;
        if (n == 0) {
            if (!lines)
                continue; /* stray blank lines between frames */
            break;
        }
        lines++;
        if ((v = find_content_length(line))) {
            int rc = parse_length(v, r->max, &length);
            if (v - line != (long)sizeof(content_length) - 1)
                bad = "malformed header: data before 'Content-Length'";
            if (rc == -1)
                bad = "malformed header: 'Content-Length' is not a number";
            else if (rc == -2)
                bad = "message too large: 'Content-Length' exceeds 64 MiB";
            else
                have_length = 1;
        } else if (!strchr(line, ':')) {
            bad = "malformed header: expected 'Name: value'";
        }
    }
    if (bad || !have_length) {
        *err = bad ? bad : "malformed header: no 'Content-Length'";
        return -1;
    }
    *body = xmalloc(length + 1);
    if (length && fread(*body, 1, length, r->in) != length) {
        free(*body);
        *body = NULL;
        return 0;
    }
    (*body)[length] = '\0';
    *len = length;
    return 1;
}

void jrpc_writer_init(struct jrpc_writer *w, FILE *out)
{
    w->out = out;
    w->failed = 0;
    pthread_mutex_init(&w->mu, NULL);
}

void jrpc_writer_release(struct jrpc_writer *w)
{
    pthread_mutex_destroy(&w->mu);
}

int jrpc_send(struct jrpc_writer *w, cJSON *msg)
{
    char *s;
    size_t n;
    int rc = 0;
    if (!cJSON_GetObjectItemCaseSensitive(msg, "jsonrpc"))
        cJSON_AddStringToObject(msg, "jsonrpc", "2.0");
    s = cJSON_PrintUnformatted(msg);
    if (!s)
        BUG("cannot print a JSON-RPC message");
    n = strlen(s);
    pthread_mutex_lock(&w->mu);
    if (!w->failed && (fprintf(w->out, "Content-Length: %zu\r\n\r\n", n) < 0 ||
                       fwrite(s, 1, n, w->out) != n || fflush(w->out) != 0))
        w->failed = 1;
    rc = w->failed ? -1 : 0;
    pthread_mutex_unlock(&w->mu);
    free(s);
    return rc;
}

static cJSON *response(const cJSON *id)
{
    cJSON *msg = cJSON_CreateObject();
    cJSON_AddStringToObject(msg, "jsonrpc", "2.0");
    if (id && (cJSON_IsNumber(id) || cJSON_IsString(id)))
        cJSON_AddItemToObject(msg, "id", cJSON_Duplicate(id, 1));
    else
        cJSON_AddNullToObject(msg, "id");
    return msg;
}

int jrpc_send_error(struct jrpc_writer *w, const cJSON *id, int code,
                    const char *message)
{
    cJSON *msg = response(id), *e = cJSON_CreateObject();
    int rc;
    cJSON_AddNumberToObject(e, "code", code);
    cJSON_AddStringToObject(e, "message", message);
    cJSON_AddItemToObject(msg, "error", e);
    rc = jrpc_send(w, msg);
    cJSON_Delete(msg);
    return rc;
}

int jrpc_send_result(struct jrpc_writer *w, const cJSON *id, cJSON *result)
{
    cJSON *msg = response(id);
    int rc;
    cJSON_AddItemToObject(msg, "result", result ? result : cJSON_CreateNull());
    rc = jrpc_send(w, msg);
    cJSON_Delete(msg);
    return rc;
}

int jrpc_send_notification(struct jrpc_writer *w, const char *method,
                           cJSON *params)
{
    cJSON *msg = cJSON_CreateObject();
    int rc;
    cJSON_AddStringToObject(msg, "jsonrpc", "2.0");
    cJSON_AddStringToObject(msg, "method", method);
    if (params)
        cJSON_AddItemToObject(msg, "params", params);
    rc = jrpc_send(w, msg);
    cJSON_Delete(msg);
    return rc;
}
