#include "engine/diag.h"

#include "common/strbuf.h"
#include "common/strmap.h"
#include "common/xalloc.h"
#include "engine/rules.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const level_names[] = {
#define X(id, str) str,
    SW_LEVELS(X)
#undef X
};

const char *sw_level_name(enum sw_level l)
{
    return (unsigned)l < SW_LEVEL_COUNT ? level_names[l] : "?";
}

int sw_level_parse(const char *s)
{
    for (int i = 0; i < SW_LEVEL_COUNT; i++)
        if (strcmp(level_names[i], s) == 0)
            return i;
    return -1;
}

static char *vformat(const char *fmt, va_list ap)
{
    va_list cp;
    int n;
    char *p;
    va_copy(cp, ap);
    n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0)
        BUG("bad format");
    p = xmalloc((size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

struct sw_diag *diags_add(struct sw_diags *l, const struct rule_info *rule,
                          const char *file, int line, int col, const char *fmt,
                          ...)
{
    struct sw_diag *d;
    va_list ap;
    if (l->n == l->cap)
        xgrow((void **)&l->items, &l->cap, l->n + 1, sizeof(*l->items));
    d = &l->items[l->n++];
    memset(d, 0, sizeof(*d));
    d->rule = rule;
    d->level = rule->level;
    d->file = xstrdup(file ? file : "");
    d->line = line;
    d->col = col;
    d->end_line = line;
    d->end_col = col;
    va_start(ap, fmt);
    d->message = vformat(fmt, ap);
    va_end(ap);
    return d;
}

void diag_note(struct sw_diag *d, const char *file, int line, int col,
               const char *fmt, ...)
{
    struct sw_note *n;
    va_list ap;
    if (d->nnotes == d->notes_cap)
        xgrow((void **)&d->notes, &d->notes_cap, d->nnotes + 1,
              sizeof(*d->notes));
    n = &d->notes[d->nnotes++];
    n->file = xstrdup(file ? file : "");
    n->line = line;
    n->col = col;
    va_start(ap, fmt);
    n->message = vformat(fmt, ap);
    va_end(ap);
}

void diag_set(char **field, const char *fmt, ...)
{
    va_list ap;
    free(*field);
    va_start(ap, fmt);
    *field = vformat(fmt, ap);
    va_end(ap);
}

void diag_fingerprint(struct sw_diag *d, const char *base)
{
    struct strbuf sb = STRBUF_INIT;
    size_t n = base ? strlen(base) : 0;
    const char *file = d->file;
    uint64_t h;
    if (n && strncmp(file, base, n) == 0 && file[n] == '/')
        file += n + 1;
    strbuf_addstr(&sb, d->rule->code);
    strbuf_addch(&sb, '\n');
    strbuf_addstr(&sb, file);
    strbuf_addch(&sb, '\n');
    strbuf_addstr(&sb, d->function ? d->function : "");
    strbuf_addch(&sb, '\n');
    for (const char *m = d->message; *m; m++)
        if (*m < '0' || *m > '9') /* line numbers in messages move */
            strbuf_addch(&sb, *m);
    h = sw_hash(sb.buf, sb.len);
    snprintf(d->fingerprint, sizeof(d->fingerprint), "%016llx",
             (unsigned long long)h);
    strbuf_release(&sb);
}

static int cmp_diag(const void *a, const void *b)
{
    const struct sw_diag *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    c = strcmp(x->rule->code, y->rule->code);
    if (c)
        return c;
    return strcmp(x->message, y->message);
}

void diag_release(struct sw_diag *d)
{
    free(d->message);
    free(d->file);
    free(d->function);
    free(d->context);
    free(d->suggestion);
    free(d->origin);
    for (size_t i = 0; i < d->nnotes; i++) {
        free(d->notes[i].file);
        free(d->notes[i].message);
    }
    free(d->notes);
    memset(d, 0, sizeof(*d));
}

void diags_sort(struct sw_diags *l)
{
    size_t out = 0;
    if (l->n > 1)
        qsort(l->items, l->n, sizeof(*l->items), cmp_diag);
    for (size_t i = 0; i < l->n; i++) {
        if (out && cmp_diag(&l->items[out - 1], &l->items[i]) == 0) {
            diag_release(&l->items[i]);
            continue;
        }
        l->items[out++] = l->items[i];
    }
    l->n = out;
}

void diags_release(struct sw_diags *l)
{
    for (size_t i = 0; i < l->n; i++)
        diag_release(&l->items[i]);
    free(l->items);
    memset(l, 0, sizeof(*l));
}
