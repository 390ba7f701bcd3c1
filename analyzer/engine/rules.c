#include "engine/rules.h"

#include "common/embedded.h"
#include "common/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct rule_info sw_rules[] = {
#define RULE(code, name, family, level, summary)                               \
    {#code, name, family, level, summary, rule_##code},
#include "rules.def"
#undef RULE
};
const size_t sw_nrules = sizeof(sw_rules) / sizeof(sw_rules[0]);

const struct rule_info *rules_find(const char *s)
{
    for (size_t i = 0; i < sw_nrules; i++)
        if (strcasecmp(sw_rules[i].code, s) == 0 ||
            strcmp(sw_rules[i].name, s) == 0)
            return &sw_rules[i];
    return NULL;
}

const char *rules_doc(const struct rule_info *r)
{
    char *path = xasprintf("%s/%s-%s.md", r->family, r->code, r->name);
    const struct sw_embedded_file *f = sw_embedded_find(path);
    free(path);
    return f ? (const char *)f->data : NULL;
}

const char *rule_basename(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

struct sw_diag *rule_report_call(struct rule_ctx *ctx, int func, int call,
                                 const char *fmt, ...)
{
    const struct prog_func *pf = &ctx->prog->funcs[func];
    const struct fact_call *c = &pf->f->calls[call];
    struct sw_diag *d;
    va_list ap;
    char *msg;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    msg = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
    d = diags_add(ctx->out, ctx->rule, pf->f->file, c->line, c->col, "%s", msg);
    free(msg);
    d->end_col = c->col + (int)strlen(c->name ? c->name : "");
    diag_set(&d->function, "%s", pf->f->name);
    return d;
}

/* Where a call is, as "file:line" for notes. */
static void call_pos(const struct program *p, int func, int call,
                     const char **file, int *line, int *col)
{
    const struct prog_func *pf = &p->funcs[func];
    *file = pf->f->file;
    *line = pf->f->calls[call].line;
    *col = pf->f->calls[call].col;
}

const char *rule_loop_phrase(const char *loop, char *buf, size_t size)
{
    if (!loop || strcmp(loop, "event") == 0)
        return "an event loop";
    if (strcmp(loop, "GLib") == 0)
        return "the GLib main loop";
    snprintf(buf, size, "the %s loop", loop);
    return buf;
}

#define MAX_TRACE 6 /* caller notes before the root note */

/* Notes along a real concurrency path (program_conc_path()). */
static void conc_notes(struct rule_ctx *ctx, struct sw_diag *d, int func)
{
    const struct program *p = ctx->prog;
    struct prog_step steps[64];
    int root, n = program_conc_path(p, func, steps, 64, &root);
    for (int i = 0; i < n; i++) {
        const char *file;
        int line, col;
        if (steps[i].from < 0)
            break;
        if (steps[i].from == p->roots[root].func &&
            p->roots[root].region_loop >= 0)
            break; /* called from a poll loop: the root note says so */
        if (i == MAX_TRACE && n > MAX_TRACE + 1) {
            diag_note(d, p->funcs[steps[i].func].f->file,
                      p->funcs[steps[i].func].f->line,
                      p->funcs[steps[i].func].f->col,
                      "'%s' is reached through %d more calls",
                      p->funcs[steps[i].func].f->name, n - i - 1);
            break;
        }
        call_pos(p, steps[i].from, steps[i].call, &file, &line, &col);
        diag_note(d, file, line, col, "'%s' is called from '%s'",
                  p->funcs[steps[i].func].f->name,
                  p->funcs[steps[i].from].f->name);
    }
    if (n)
        rule_root_note(ctx, d, root);
}

void rule_context_notes(struct rule_ctx *ctx, struct sw_diag *d, int func,
                        int which)
{
    const struct program *p = ctx->prog;
    int f = func, steps = 0;
    const struct prog_reach *r = NULL;

    if (which < 0) {
        conc_notes(ctx, d, func);
        return;
    }

    for (;;) {
        const struct prog_func *pf = &p->funcs[f];
        const char *file;
        int line, col;
        r = which < 0 ? &pf->conc : &pf->reach[which];
        if (r->root < 0)
            return;
        if (r->from < 0 || steps >= MAX_TRACE)
            break;
        call_pos(p, r->from, r->call, &file, &line, &col);
        if (r->from == p->roots[r->root].func &&
            p->roots[r->root].region_loop >= 0)
            break; /* called from a poll loop: the root note says so */
        diag_note(d, file, line, col, "'%s' is called from '%s'", pf->f->name,
                  p->funcs[r->from].f->name);
        f = r->from;
        steps++;
    }
    rule_root_note(ctx, d, r->root);
}

void rule_root_note(struct rule_ctx *ctx, struct sw_diag *d, int ri)
{
    const struct program *p = ctx->prog;
    {
        const struct prog_root *root = &p->roots[ri];
        const char *rf = p->funcs[root->func].f->name;
        const char *file = NULL;
        int line = 0, col = 0;
        char buf[64];
        const char *loop = rule_loop_phrase(root->loop_name, buf, sizeof(buf));
        if (root->site_func >= 0 && root->kind != PROG_ROOT_FIELD)
            call_pos(p, root->site_func, root->site_call, &file, &line, &col);
        switch (root->kind) {
        case PROG_ROOT_ENTRY:
            diag_note(d, p->funcs[root->func].f->file,
                      p->funcs[root->func].f->line, p->funcs[root->func].f->col,
                      "'%s' is an entry point", rf);
            break;
        case PROG_ROOT_SPAWN:
            diag_note(d, file, line, col, "'%s' is started by '%s' in '%s'%s",
                      rf, root->api, p->funcs[root->site_func].f->name,
                      root->multi ? " and runs in several instances at once"
                                  : ", which keeps running alongside it");
            break;
        case PROG_ROOT_CALLBACK:
            diag_note(d, file, line, col,
                      "'%s' runs on %s (registered with '%s' in '%s')", rf,
                      loop, root->api, p->funcs[root->site_func].f->name);
            break;
        case PROG_ROOT_FIELD: {
            const struct fact_assign *a =
                &p->funcs[root->site_func].f->assigns[root->site_call];
            diag_note(d, p->funcs[root->site_func].f->file, a->line, a->col,
                      "'%s' runs on %s (stored in '%s')", rf, loop, root->api);
            break;
        }
        case PROG_ROOT_POLL:
            diag_note(d, file, line, col,
                      "'%s' runs an event loop here: it waits with '%s' and "
                      "handles events in the same loop",
                      rf, root->api);
            break;
        case PROG_ROOT_DISPATCH:
            diag_note(d, file, line, col,
                      "'%s' is called through '%s' from '%s', which runs on "
                      "%s",
                      rf, root->api, p->funcs[root->site_func].f->name, loop);
            break;
        }
    }
}

void rule_witness_notes(struct rule_ctx *ctx, struct sw_diag *d,
                        const struct prog_witness *w, int g)
{
    const struct program *p = ctx->prog;
    for (int guard = 0; g >= 0 && w[g].dist >= 0 && guard < 64; guard++) {
        const struct prog_func *pf = &p->funcs[g];
        const struct fact_call *c = &pf->f->calls[w[g].call];
        diag_note(d, pf->f->file, c->line, c->col, "'%s' calls '%s'",
                  pf->f->name, c->name);
        if (w[g].dist == 0)
            break;
        g = pf->calls[w[g].call].targets[0];
    }
}

int rules_parse_list(const char *list, char ***codes, size_t *n,
                     const char *flag)
{
    char *copy = xstrdup(list), *save = NULL, *tok;
    int ok = 1;
    for (tok = strtok_r(copy, ",", &save); tok && ok;
         tok = strtok_r(NULL, ",", &save)) {
        const struct rule_info *r;
        int known;
        size_t len;
        while (*tok == ' ')
            tok++;
        if (!*tok)
            continue;
        len = strlen(tok);
        r = rules_find(tok);
        known = strcasecmp(tok, "ALL") == 0 || r != NULL;
        for (size_t k = 0; k < sw_nrules && !known; k++)
            known = strncasecmp(sw_rules[k].code, tok, len) == 0;
        if (!known) {
            fprintf(stderr,
                    "syncwise: error: %s: '%s' is not a rule code or prefix "
                    "(see 'syncwise rules')\n",
                    flag, tok);
            ok = 0;
            break;
        }
        *codes = xrealloc(*codes, (*n + 1) * sizeof(char *));
        /* A rule name selects its code. */
        (*codes)[(*n)++] =
            xstrdup(r && strncasecmp(tok, "SW", 2) != 0 ? r->code : tok);
    }
    free(copy);
    return ok ? 0 : -1;
}
