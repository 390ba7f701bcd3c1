#include "report/report.h"

#include "common/strbuf.h"
#include "common/xalloc.h"
#include "frontend/compdb.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

char *report_path(const char *path, const struct report_opts *o)
{
    if (o->base && *o->base)
        return path_relative(path, o->base);
    return xstrdup(path);
}

/* ---- text --------------------------------------------------------------- */

static const char *level_color(enum sw_level l)
{
    switch (l) {
    case SW_LEVEL_ERROR:
        return "\033[1;31m";
    case SW_LEVEL_WARNING:
        return "\033[1;35m";
    default:
        return "\033[1;36m";
    }
}

/* Prints line `line` of `path` and a caret under `col`. */
static void print_source(FILE *out, const char *path, int line, int col,
                         int color)
{
    FILE *f = fopen(path, "r");
    char buf[4096];
    int n = 0;
    if (!f)
        return;
    while (fgets(buf, sizeof(buf), f)) {
        if (++n == line) {
            size_t len = strlen(buf);
            while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
                buf[--len] = '\0';
            fprintf(out, "%5d | %s\n      | ", line, buf);
            for (int i = 1; i < col && (size_t)i <= len; i++)
                fputc(buf[i - 1] == '\t' ? '\t' : ' ', out);
            fprintf(out, "%s^%s\n", color ? "\033[1;32m" : "",
                    color ? "\033[0m" : "");
            break;
        }
        if (!strchr(buf, '\n')) /* skip the rest of a long line */
            n--;
    }
    fclose(f);
}

void report_text(FILE *out, const struct engine_result *r,
                 const struct report_opts *o)
{
    size_t counts[SW_LEVEL_COUNT] = {0}, nfiles = 0;
    const char *last_file = NULL;
    const char *bold = o->color ? "\033[1m" : "";
    const char *reset = o->color ? "\033[0m" : "";

    for (size_t i = 0; i < r->diags.n; i++) {
        const struct sw_diag *d = &r->diags.items[i];
        char *path = report_path(d->file, o);
        counts[d->level]++;
        if (!last_file || strcmp(last_file, d->file) != 0)
            nfiles++;
        last_file = d->file;
        fprintf(out, "%s%s:%d:%d:%s %s%s:%s %s%s%s [%s]\n", bold, path, d->line,
                d->col, reset, o->color ? level_color(d->level) : "",
                sw_level_name(d->level), reset, bold, d->message, reset,
                d->rule->code);
        if (o->source)
            print_source(out, d->file, d->line, d->col, o->color);
        for (size_t k = 0; k < d->nnotes; k++) {
            const struct sw_note *n = &d->notes[k];
            char *np = report_path(n->file, o);
            fprintf(out, "%s%s:%d:%d:%s %snote:%s %s\n", bold, np, n->line,
                    n->col, reset, o->color ? "\033[1;30m" : "", reset,
                    n->message);
            free(np);
        }
        free(path);
    }
    {
        struct strbuf sb = STRBUF_INIT;
        static const char *const names[] = {"note", "warning", "error"};
        for (int l = SW_LEVEL_COUNT - 1; l >= 0; l--) {
            if (!counts[l])
                continue;
            if (sb.len)
                strbuf_addstr(&sb, ", ");
            strbuf_addf(&sb, "%zu %s%s", counts[l], names[l],
                        counts[l] == 1 ? "" : "s");
        }
        if (sb.len)
            fprintf(out, "%s in %zu file%s (%zu file%s analysed)\n", sb.buf,
                    nfiles, nfiles == 1 ? "" : "s", r->nfiles,
                    r->nfiles == 1 ? "" : "s");
        else
            fprintf(out, "no findings (%zu file%s analysed)\n", r->nfiles,
                    r->nfiles == 1 ? "" : "s");
        strbuf_release(&sb);
    }
}

/* ---- json --------------------------------------------------------------- */

/*
 * s with every invalid UTF-8 sequence replaced by U+FFFD, so that JSON
 * output is valid UTF-8 (RFC 8259) even for paths that are not.  Caller
 * frees.
 */
char *report_utf8(const char *s)
{
    struct strbuf sb = STRBUF_INIT;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = 0;
        unsigned c = *p;
        if (c < 0x80)
            n = 1;
        else if (c >= 0xc2 && c <= 0xdf)
            n = 2;
        else if (c >= 0xe0 && c <= 0xef)
            n = 3;
        else if (c >= 0xf0 && c <= 0xf4)
            n = 4;
        for (size_t k = 1; k < n; k++)
            if ((p[k] & 0xc0) != 0x80)
                n = 0;
        /* Overlong forms and surrogates are invalid too. */
        if (n == 3 &&
            ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] >= 0xa0)))
            n = 0;
        if (n == 4 &&
            ((c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] >= 0x90)))
            n = 0;
        if (n) {
            strbuf_add(&sb, (const char *)p, n);
            p += n;
        } else {
            strbuf_addstr(&sb, "\xef\xbf\xbd");
            p++;
        }
    }
    return strbuf_detach(&sb);
}

/* Adds key: s to o, as valid UTF-8. */
static void add_utf8(cJSON *o, const char *key, const char *s)
{
    char *clean = report_utf8(s);
    cJSON_AddStringToObject(o, key, clean);
    free(clean);
}

void report_json(FILE *out, const struct engine_result *r,
                 const struct report_opts *o)
{
    cJSON *root = cJSON_CreateObject(), *tool, *diags, *errs, *sum, *by;
    char *text;

    tool = cJSON_AddObjectToObject(root, "tool");
    cJSON_AddStringToObject(tool, "name", "syncwise");
    cJSON_AddStringToObject(tool, "version", SYNCWISE_VERSION);
    cJSON_AddNumberToObject(root, "schema_version", 1);
    diags = cJSON_AddArrayToObject(root, "diagnostics");
    by = cJSON_CreateObject();
    for (size_t i = 0; i < r->diags.n; i++) {
        const struct sw_diag *d = &r->diags.items[i];
        cJSON *j = cJSON_CreateObject(), *notes, *cnt;
        char *path = report_path(d->file, o);
        cJSON_AddStringToObject(j, "rule", d->rule->code);
        cJSON_AddStringToObject(j, "name", d->rule->name);
        cJSON_AddStringToObject(j, "family", d->rule->family);
        cJSON_AddStringToObject(j, "level", sw_level_name(d->level));
        add_utf8(j, "message", d->message);
        add_utf8(j, "file", path);
        cJSON_AddNumberToObject(j, "line", d->line);
        cJSON_AddNumberToObject(j, "column", d->col);
        cJSON_AddNumberToObject(j, "end_line", d->end_line);
        cJSON_AddNumberToObject(j, "end_column", d->end_col);
        if (d->function)
            add_utf8(j, "function", d->function);
        else
            cJSON_AddNullToObject(j, "function");
        if (d->context)
            add_utf8(j, "context", d->context);
        else
            cJSON_AddNullToObject(j, "context");
        notes = cJSON_AddArrayToObject(j, "notes");
        for (size_t k = 0; k < d->nnotes; k++) {
            cJSON *n = cJSON_CreateObject();
            char *np = report_path(d->notes[k].file, o);
            add_utf8(n, "file", np);
            cJSON_AddNumberToObject(n, "line", d->notes[k].line);
            cJSON_AddNumberToObject(n, "column", d->notes[k].col);
            add_utf8(n, "message", d->notes[k].message);
            cJSON_AddItemToArray(notes, n);
            free(np);
        }
        if (d->suggestion)
            add_utf8(j, "suggestion", d->suggestion);
        else
            cJSON_AddNullToObject(j, "suggestion");
        cJSON_AddStringToObject(j, "fingerprint", d->fingerprint);
        cJSON_AddItemToArray(diags, j);
        cnt = cJSON_GetObjectItemCaseSensitive(by, d->rule->code);
        if (cnt)
            cJSON_SetNumberValue(cnt, cnt->valuedouble + 1);
        else
            cJSON_AddNumberToObject(by, d->rule->code, 1);
        free(path);
    }
    errs = cJSON_AddArrayToObject(root, "errors");
    for (size_t i = 0; i < r->nerrors; i++) {
        cJSON *e = cJSON_CreateObject();
        char *path = report_path(r->errors[i].file, o);
        add_utf8(e, "file", path);
        add_utf8(e, "message", r->errors[i].message);
        cJSON_AddItemToArray(errs, e);
        free(path);
    }
    sum = cJSON_AddObjectToObject(root, "summary");
    cJSON_AddNumberToObject(sum, "files", (double)r->nfiles);
    cJSON_AddNumberToObject(sum, "functions", (double)r->nfunctions);
    cJSON_AddNumberToObject(sum, "diagnostics", (double)r->diags.n);
    cJSON_AddItemToObject(sum, "by_rule", by);
    text = cJSON_Print(root);
    fprintf(out, "%s\n", text);
    free(text);
    cJSON_Delete(root);
}
