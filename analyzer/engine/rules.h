/*
 * The rule registry, generated from rules/rules.def.  Rules read the
 * program model and add diagnostics; they know nothing about output.
 */
#ifndef SW_RULES_H
#define SW_RULES_H

#include "catalog/catalog.h"
#include "engine/diag.h"
#include "program/program.h"

struct rule_ctx;

struct rule_info {
    const char *code;                    /* "SW303" */
    const char *name;                    /* "blocking-in-event-loop" */
    const char *family;                  /* "io-bound" */
    enum sw_level level;                 /* default level */
    const char *summary;                 /* one line */
    void (*check)(struct rule_ctx *ctx); /* NULL for engine-made rules */
};

/* What a rule sees while it runs. */
struct rule_ctx {
    const struct program *prog;   /* the linked program */
    const struct catalog *cat;    /* the catalogs */
    const struct rule_info *rule; /* the rule running */
    struct sw_diags *out;         /* where findings go */
    int include_local_io;         /* rule option (SW303/SW304) */
};

#define RULE(code, name, family, level, summary)                               \
    void rule_##code(struct rule_ctx *ctx);
#include "rules.def"
#undef RULE

extern const struct rule_info sw_rules[];
extern const size_t sw_nrules;

/* The rule with this code or name, or NULL. */
const struct rule_info *rules_find(const char *code_or_name);

/*
 * Appends the codes of a comma-separated list of codes, prefixes ("SW2")
 * or rule names (given as their codes) to *codes and *n.  Returns 0, or -1
 * after printing "syncwise: error: FLAG: 'X' is not a rule code or prefix".
 */
int rules_parse_list(const char *list, char ***codes, size_t *n,
                     const char *flag);

/* The rule's documentation (markdown), or NULL. */
const char *rules_doc(const struct rule_info *r);

/* A diagnostic at call `call` of function `func`, with the rule's level. */
struct sw_diag *rule_report_call(struct rule_ctx *ctx, int func, int call,
                                 const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/*
 * Notes that show how `func` came to run in a context: the chain of callers
 * up to the root, then the root itself (registered, spawned, ...).  which is
 * a context (PROG_CTX_*) or -1 for the concurrency chain.
 */
void rule_context_notes(struct rule_ctx *ctx, struct sw_diag *d, int func,
                        int which);

/* The note that says how root ri starts its context. */
void rule_root_note(struct rule_ctx *ctx, struct sw_diag *d, int ri);

/*
 * Notes for the path from function g down to the blocking call its witness
 * names ("'read_all' calls 'recv' (net.c:41)").
 */
void rule_witness_notes(struct rule_ctx *ctx, struct sw_diag *d,
                        const struct prog_witness *w, int g);

/* "the libuv loop", "the GLib main loop", "an event loop" (for NULL), in
 * buf or a constant. */
const char *rule_loop_phrase(const char *loop, char *buf, size_t size);

/* File name without directories, for short notes. */
const char *rule_basename(const char *path);

#endif
