/*
 * Allocation that never returns NULL (git's xmalloc, redis's zmalloc): on
 * out-of-memory the process prints one line and exits, because there is no
 * sensible way for a linter to go on without memory.  BUG() is for broken
 * invariants, never for bad user input.
 */
#ifndef SW_XALLOC_H
#define SW_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grows *items (of *cap elements of elem_size bytes) to hold at least want. */
void xgrow(void **items, size_t *cap, size_t want, size_t elem_size);

/* printf-style allocation; caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

_Noreturn void sw_bug(const char *file, int line, const char *msg);
#define BUG(msg) sw_bug(__FILE__, __LINE__, (msg))

/*
 * strerror() for code that may run on several threads at once (parse
 * workers, the LSP's analysis thread): the text is written to buf (or is a
 * constant), never to a buffer shared between threads.
 */
#define SW_ERRBUF 128
const char *sw_strerror(int err, char *buf, size_t size);

/* Seconds on the monotonic clock, for measuring intervals. */
double sw_now(void);

/* Appends one element to a vector declared as {T *items; size_t n, cap;}. */
#define VEC_PUSH(v, value)                                                     \
    do {                                                                       \
        if ((v).n == (v).cap)                                                  \
            xgrow((void **)&(v).items, &(v).cap, (v).n + 1,                    \
                  sizeof(*(v).items));                                         \
        (v).items[(v).n++] = (value);                                          \
    } while (0)

/* Returns a pointer to a new zeroed element at the end of the vector. */
#define VEC_ADD(v)                                                             \
    ((v).n == (v).cap                                                          \
         ? xgrow((void **)&(v).items, &(v).cap, (v).n + 1, sizeof(*(v).items)) \
         : (void)0,                                                            \
     memset(&(v).items[(v).n], 0, sizeof(*(v).items)), &(v).items[(v).n++])

#endif
