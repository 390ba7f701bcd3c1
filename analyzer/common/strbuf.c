#include "strbuf.h"

#include "xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char strbuf_empty[1];

void strbuf_init(struct strbuf *sb)
{
    sb->buf = strbuf_empty;
    sb->len = sb->cap = 0;
}

void strbuf_release(struct strbuf *sb)
{
    if (sb->cap)
        free(sb->buf);
    strbuf_init(sb);
}

void strbuf_reset(struct strbuf *sb)
{
    sb->len = 0;
    if (sb->cap)
        sb->buf[0] = '\0';
}

static void strbuf_grow(struct strbuf *sb, size_t extra)
{
    size_t want = sb->len + extra + 1;
    if (want <= sb->cap)
        return;
    if (!sb->cap) {
        char *p = NULL;
        size_t cap = 0;
        xgrow((void **)&p, &cap, want, 1);
        sb->buf = p;
        sb->cap = cap;
        sb->buf[0] = '\0';
        return;
    }
    xgrow((void **)&sb->buf, &sb->cap, want, 1);
}

void strbuf_add(struct strbuf *sb, const char *data, size_t n)
{
    strbuf_grow(sb, n);
    memcpy(sb->buf + sb->len, data, n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
}

void strbuf_addstr(struct strbuf *sb, const char *s)
{
    strbuf_add(sb, s, strlen(s));
}

void strbuf_addch(struct strbuf *sb, char c)
{
    strbuf_add(sb, &c, 1);
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        BUG("bad format string");
    strbuf_grow(sb, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

char *strbuf_detach(struct strbuf *sb)
{
    char *p = sb->cap ? sb->buf : xstrdup("");
    strbuf_init(sb);
    return p;
}

int strbuf_read_file(struct strbuf *sb, const char *path, size_t max)
{
    FILE *f;
    struct stat st;
    char chunk[65536];
    size_t n;

    f = fopen(path, "rb");
    if (!f)
        return -1;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        errno = EISDIR;
        return -1;
    }
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        if (sb->len + n > max) {
            fclose(f);
            errno = EFBIG;
            return -1;
        }
        strbuf_add(sb, chunk, n);
    }
    if (ferror(f)) {
        int e = errno ? errno : EIO;
        fclose(f);
        errno = e;
        return -1;
    }
    fclose(f);
    return 0;
}
