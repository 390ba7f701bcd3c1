/*
 * SW900 parse-error: a translation unit that libclang could not parse
 * completely.  The rest of the program is still analysed, and so is what
 * parsed of this file; the finding says that its results may be partial.
 */
#include "engine/rules.h"

#include <string.h>

void rule_SW900(struct rule_ctx *ctx)
{
    const struct program *p = ctx->prog;
    for (size_t i = 0; i < p->ntus; i++) {
        const struct fact_tu *tu = p->tus[i];
        const struct fact_error *e = &tu->first_error;
        struct sw_diag *d;
        if (!tu->nerrors)
            continue;
        if (tu->parse_failed)
            d = diags_add(ctx->out, ctx->rule, tu->file, 1, 1,
                          "'%s' could not be parsed: %s",
                          rule_basename(tu->file), e->message);
        else
            d = diags_add(ctx->out, ctx->rule, e->file ? e->file : tu->file,
                          e->line ? e->line : 1, e->col ? e->col : 1,
                          "'%s' could not be parsed completely: %s (%zu "
                          "error%s; what parsed was analysed)",
                          rule_basename(tu->file), e->message, tu->nerrors,
                          tu->nerrors == 1 ? "" : "s");
        if (e->file && strcmp(e->file, tu->file) != 0) {
            diag_note(d, tu->file, 1, 1, "included from '%s'",
                      rule_basename(tu->file));
            diag_set(&d->origin, "%s", tu->file);
        }
        diag_set(&d->suggestion, "fix the error, or check the compiler "
                                 "arguments in compile_commands.json");
    }
}
