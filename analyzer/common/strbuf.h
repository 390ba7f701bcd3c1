/*
 * A growable NUL-terminated string (git's strbuf).  Initialise with
 * STRBUF_INIT or strbuf_init(); buf is always a valid C string.
 */
#ifndef SW_STRBUF_H
#define SW_STRBUF_H

#include <stddef.h>

struct strbuf {
    char *buf;  /* always NUL-terminated; owned */
    size_t len; /* bytes used, excluding the NUL */
    size_t cap; /* bytes allocated */
};

extern char strbuf_empty[];
#define STRBUF_INIT                                                            \
    {                                                                          \
        strbuf_empty, 0, 0                                                     \
    }

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb);
void strbuf_add(struct strbuf *sb, const char *data, size_t n);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Returns the buffer and leaves sb empty; caller frees. */
char *strbuf_detach(struct strbuf *sb);

/*
 * Reads a whole file into sb, at most max bytes.  Returns 0, or -1 with errno
 * set (EFBIG when the file is larger than max).
 */
int strbuf_read_file(struct strbuf *sb, const char *path, size_t max);

#endif
