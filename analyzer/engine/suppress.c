#include "engine/suppress.h"

#include "common/strbuf.h"
#include "common/xalloc.h"
#include "engine/rules.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SUPPRESS_MAX_FILE (64u << 20) /* larger sources suppress nothing */
#define SUPPRESS_MAX_CODES 32         /* codes in one comment */

const struct rule_info suppress_unused_rule = {
    "unused-ignore",
    "unused-ignore",
    "internal",
    SW_LEVEL_WARNING,
    "a 'syncwise: ignore' comment that silences nothing",
    NULL};

struct directive {
    int line;     /* where the comment is */
    int col;      /* column of "syncwise:" */
    int target;   /* the line it silences; 0 for the whole file */
    int all;      /* 1: no code list, every rule */
    char **codes; /* codes, prefixes or names */
    size_t ncodes;
    int used;   /* 1 once it silenced a finding */
    char *text; /* the comment text, for messages */
};

struct directives {
    struct directive *items;
    size_t n;
};

static void directives_release(struct directives *ds)
{
    for (size_t i = 0; i < ds->n; i++) {
        for (size_t k = 0; k < ds->items[i].ncodes; k++)
            free(ds->items[i].codes[k]);
        free(ds->items[i].codes);
        free(ds->items[i].text);
    }
    free(ds->items);
    memset(ds, 0, sizeof(*ds));
}

/*
 * Parses "ignore[...]" or "ignore-file[...]" at p (after "syncwise:").
 * Returns 0 when it is not a directive.
 */
static int parse_directive(const char *p, const char *eol, struct directive *d,
                           int *file_level, const char **end)
{
    const char *q;
    while (p < eol && (*p == ' ' || *p == '\t'))
        p++;
    if ((size_t)(eol - p) < 6 || strncmp(p, "ignore", 6) != 0)
        return 0;
    p += 6;
    *file_level = 0;
    if ((size_t)(eol - p) >= 5 && strncmp(p, "-file", 5) == 0) {
        *file_level = 1;
        p += 5;
    }
    if (p < eol && (isalnum((unsigned char)*p) || *p == '-' || *p == '_'))
        return 0; /* "ignored", "ignore-me": not ours */
    *end = p;
    if (p >= eol || *p != '[') {
        d->all = 1;
        return 1;
    }
    q = memchr(p, ']', (size_t)(eol - p));
    if (!q)
        return 0;
    *end = q + 1;
    p++;
    while (p < q && d->ncodes < SUPPRESS_MAX_CODES) {
        const char *s;
        while (p < q && (*p == ' ' || *p == ',' || *p == '\t'))
            p++;
        s = p;
        while (p < q && *p != ' ' && *p != ',' && *p != '\t')
            p++;
        if (p > s) {
            d->codes = xrealloc(d->codes, (d->ncodes + 1) * sizeof(char *));
            d->codes[d->ncodes++] = xstrndup(s, (size_t)(p - s));
        }
    }
    if (!d->ncodes)
        d->all = 1; /* "ignore[]" */
    return 1;
}

/* Finds the directives in text. */
static void scan(const char *text, size_t len, struct directives *ds)
{
    const char *p = text, *end = text + len;
    int line = 1;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        const char *hit, *comment = NULL;
        if (!eol)
            eol = end;
        /* A comment opener on this line, then "syncwise:" after it. */
        for (const char *s = p; s + 1 < eol; s++)
            if (s[0] == '/' && (s[1] == '/' || s[1] == '*')) {
                comment = s;
                break;
            }
        hit = NULL;
        if (comment)
            for (const char *s = comment; s + 9 <= eol; s++)
                if (memcmp(s, "syncwise:", 9) == 0) {
                    hit = s;
                    break;
                }
        if (hit) {
            struct directive d;
            int file_level = 0;
            const char *tend = eol;
            memset(&d, 0, sizeof(d));
            if (parse_directive(hit + 9, eol, &d, &file_level, &tend)) {
                const char *s = p;
                while (s < comment && (*s == ' ' || *s == '\t'))
                    s++;
                d.line = line;
                d.col = (int)(hit - p) + 1;
                /* Alone on its line: it is about the next line. */
                d.target = file_level ? 0 : s == comment ? line + 1 : line;
                d.text = xstrndup(hit, (size_t)(tend - hit));
                ds->items =
                    xrealloc(ds->items, (ds->n + 1) * sizeof(*ds->items));
                ds->items[ds->n++] = d;
            } else {
                for (size_t k = 0; k < d.ncodes; k++)
                    free(d.codes[k]);
                free(d.codes);
            }
        }
        p = eol + 1;
        line++;
    }
}

static int code_matches(const char *pat, const struct rule_info *r)
{
    size_t len = strlen(pat);
    return strcasecmp(pat, "ALL") == 0 || strcmp(pat, r->name) == 0 ||
           (len && strncasecmp(pat, r->code, len) == 0);
}

/* 1 when directive d silences finding x. */
static int silences(const struct directive *d, const struct sw_diag *x)
{
    if (d->target && d->target != x->line)
        return 0;
    if (d->all)
        return 1;
    for (size_t k = 0; k < d->ncodes; k++)
        if (code_matches(d->codes[k], x->rule))
            return 1;
    return 0;
}

static void read_directives(const char *file, const struct sw_unsaved *unsaved,
                            size_t nunsaved, struct directives *ds)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t u = 0; u < nunsaved; u++)
        if (strcmp(unsaved[u].path, file) == 0) {
            scan(unsaved[u].contents, unsaved[u].length, ds);
            return;
        }
    if (strbuf_read_file(&sb, file, SUPPRESS_MAX_FILE) == 0)
        scan(sb.buf, sb.len, ds);
    strbuf_release(&sb);
}

static void report_unused(const char *file, struct directives *ds,
                          struct sw_diags *unused)
{
    for (size_t i = 0; i < ds->n; i++) {
        struct sw_diag *d;
        if (ds->items[i].used)
            continue;
        d = diags_add(unused, &suppress_unused_rule, file, ds->items[i].line,
                      ds->items[i].col, "'%s' silences no finding",
                      ds->items[i].text);
        d->end_col = d->col + (int)strlen(ds->items[i].text);
        diag_set(&d->suggestion, "remove the comment");
    }
}

void suppress_apply(struct sw_diags *diags, const struct sw_unsaved *unsaved,
                    size_t nunsaved, const char *const *extra_files,
                    size_t nextra, struct sw_diags *unused)
{
    size_t out = 0, i = 0, ndone = 0;
    char **done = NULL; /* files already scanned */
    while (i < diags->n) {
        const char *file = diags->items[i].file;
        struct directives ds = {0};
        size_t j = i;
        done = xrealloc(done, (ndone + 1) * sizeof(char *));
        done[ndone++] = xstrdup(file);
        while (j < diags->n && strcmp(diags->items[j].file, file) == 0)
            j++;
        read_directives(file, unsaved, nunsaved, &ds);
        for (size_t k = i; k < j; k++) {
            int hit = 0;
            for (size_t m = 0; m < ds.n; m++)
                if (silences(&ds.items[m], &diags->items[k])) {
                    ds.items[m].used = 1;
                    hit = 1;
                }
            if (hit)
                diag_release(&diags->items[k]);
            else
                diags->items[out++] = diags->items[k];
        }
        if (unused)
            report_unused(done[ndone - 1], &ds, unused);
        directives_release(&ds);
        i = j;
    }
    diags->n = out;
    /* Files with no findings left, whose comments are all unused. */
    for (size_t e = 0; unused && e < nextra; e++) {
        struct directives ds = {0};
        int seen = 0;
        for (size_t k = 0; k < ndone && !seen; k++)
            seen = strcmp(done[k], extra_files[e]) == 0;
        if (seen)
            continue;
        done = xrealloc(done, (ndone + 1) * sizeof(char *));
        done[ndone++] = xstrdup(extra_files[e]);
        read_directives(extra_files[e], unsaved, nunsaved, &ds);
        report_unused(extra_files[e], &ds, unused);
        directives_release(&ds);
    }
    for (size_t k = 0; k < ndone; k++)
        free(done[k]);
    free(done);
}
