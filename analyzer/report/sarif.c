/*
 * SARIF 2.1.0 (OASIS), for GitHub code scanning and other viewers.  One run;
 * tool.driver.rules from the rule table; each result has its location,
 * the trace as relatedLocations and as a codeFlow, and the fingerprint as
 * partialFingerprints.  Paths inside the base directory are relative URIs
 * against the SRCROOT base id, which originalUriBaseIds resolves.
 */
#include "report/report.h"

#include "common/strbuf.h"
#include "common/xalloc.h"
#include "engine/suppress.h"
#include "frontend/compdb.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#define SARIF_SCHEMA                                                           \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"      \
    "sarif-schema-2.1.0.json"
#define SARIF_BASE_ID "SRCROOT"

/* Percent-encodes a path for a URI (RFC 3986: unreserved and '/' stay). */
static void add_uri_path(struct strbuf *sb, const char *p)
{
    static const char hex[] = "0123456789ABCDEF";
    for (; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
            (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' || ch == '_' ||
            ch == '~' || ch == '/') {
            strbuf_addch(sb, (char)ch);
        } else {
            strbuf_addch(sb, '%');
            strbuf_addch(sb, hex[ch >> 4]);
            strbuf_addch(sb, hex[ch & 15]);
        }
    }
}

static const char *sarif_level(enum sw_level l)
{
    switch (l) {
    case SW_LEVEL_ERROR:
        return "error";
    case SW_LEVEL_WARNING:
        return "warning";
    default:
        return "note";
    }
}

/* Message text as SARIF wants it: a full sentence ending in a period. */
static cJSON *message(const char *text)
{
    cJSON *m = cJSON_CreateObject();
    size_t n = strlen(text);
    if (n && (text[n - 1] == '.' || text[n - 1] == '?' || text[n - 1] == '!'))
        cJSON_AddStringToObject(m, "text", text);
    else {
        char *t = xasprintf("%s.", text);
        cJSON_AddStringToObject(m, "text", t);
        free(t);
    }
    return m;
}

static cJSON *physical_location(const char *file, int line, int col,
                                int end_line, int end_col,
                                const struct report_opts *o)
{
    cJSON *pl = cJSON_CreateObject(), *al, *region;
    struct strbuf sb = STRBUF_INIT;
    char *rel = report_path(file, o);
    al = cJSON_AddObjectToObject(pl, "artifactLocation");
    if (rel[0] == '/') {
        strbuf_addstr(&sb, "file://");
        add_uri_path(&sb, rel);
        cJSON_AddStringToObject(al, "uri", sb.buf);
    } else {
        add_uri_path(&sb, rel);
        cJSON_AddStringToObject(al, "uri", sb.buf);
        cJSON_AddStringToObject(al, "uriBaseId", SARIF_BASE_ID);
    }
    if (line > 0) {
        region = cJSON_AddObjectToObject(pl, "region");
        cJSON_AddNumberToObject(region, "startLine", line);
        if (col > 0)
            cJSON_AddNumberToObject(region, "startColumn", col);
        cJSON_AddNumberToObject(region, "endLine",
                                end_line > line ? end_line : line);
        if (col > 0 && (end_line > line || end_col > col))
            cJSON_AddNumberToObject(region, "endColumn", end_col);
    }
    strbuf_release(&sb);
    free(rel);
    return pl;
}

/*
 * The first paragraph under "## What it finds" in a rule's doc, on one
 * line; caller frees.  NULL when the doc has no such section.
 */
static char *doc_summary(const char *doc)
{
    const char *p = doc ? strstr(doc, "## What it finds\n") : NULL;
    const char *end;
    struct strbuf sb = STRBUF_INIT;
    if (!p)
        return NULL;
    p += strlen("## What it finds\n");
    end = strstr(p, "\n\n");
    if (!end)
        end = p + strlen(p);
    for (; p < end; p++)
        strbuf_addch(&sb, *p == '\n' ? ' ' : *p);
    while (sb.len && sb.buf[sb.len - 1] == ' ')
        sb.buf[--sb.len] = '\0';
    if (!sb.len) {
        strbuf_release(&sb);
        return NULL;
    }
    return strbuf_detach(&sb);
}

static cJSON *rule_descriptor(const struct rule_info *r)
{
    cJSON *j = cJSON_CreateObject(), *cfg, *help, *props, *tags;
    const char *doc = r->check ? rules_doc(r) : NULL;
    char *text = doc_summary(doc);
    cJSON_AddStringToObject(j, "id", r->code);
    if (strcmp(r->name, r->code) != 0) /* SARIF1001: id and name differ */
        cJSON_AddStringToObject(j, "name", r->name);
    cJSON_AddItemToObject(j, "shortDescription", message(r->summary));
    cJSON_AddItemToObject(j, "fullDescription",
                          message(text ? text : r->summary));
    free(text);
    help = cJSON_AddObjectToObject(j, "help");
    if (doc) {
        cJSON_AddStringToObject(help, "text", doc);
        cJSON_AddStringToObject(help, "markdown", doc);
    } else {
        text = xasprintf("%s: %s. Run 'syncwise explain %s' for details.",
                         r->code, r->summary, r->code);
        cJSON_AddStringToObject(help, "text", text);
        free(text);
    }
    cfg = cJSON_AddObjectToObject(j, "defaultConfiguration");
    cJSON_AddStringToObject(cfg, "level", sarif_level(r->level));
    props = cJSON_AddObjectToObject(j, "properties");
    tags = cJSON_AddArrayToObject(props, "tags");
    cJSON_AddItemToArray(tags, cJSON_CreateString(r->family));
    cJSON_AddItemToArray(tags, cJSON_CreateString("concurrency"));
    return j;
}

/* Index of r in the driver rules (the rule table, then pseudo-rules). */
static int rule_index(const struct rule_info *r)
{
    for (size_t i = 0; i < sw_nrules; i++)
        if (&sw_rules[i] == r)
            return (int)i;
    return (int)sw_nrules; /* suppress_unused_rule */
}

static cJSON *result_json(const struct sw_diag *d, const struct report_opts *o)
{
    cJSON *j = cJSON_CreateObject(), *locs, *loc, *fps;
    cJSON_AddStringToObject(j, "ruleId", d->rule->code);
    cJSON_AddNumberToObject(j, "ruleIndex", rule_index(d->rule));
    cJSON_AddStringToObject(j, "level", sarif_level(d->level));
    if (d->suggestion) {
        char *t = xasprintf("%s; %s", d->message, d->suggestion);
        cJSON_AddItemToObject(j, "message", message(t));
        free(t);
    } else {
        cJSON_AddItemToObject(j, "message", message(d->message));
    }
    locs = cJSON_AddArrayToObject(j, "locations");
    loc = cJSON_CreateObject();
    cJSON_AddItemToObject(loc, "physicalLocation",
                          physical_location(d->file, d->line, d->col,
                                            d->end_line, d->end_col, o));
    if (d->function) {
        cJSON *ll = cJSON_AddArrayToObject(loc, "logicalLocations"), *l;
        l = cJSON_CreateObject();
        cJSON_AddStringToObject(l, "name", d->function);
        cJSON_AddStringToObject(l, "kind", "function");
        cJSON_AddItemToArray(ll, l);
    }
    cJSON_AddItemToArray(locs, loc);
    if (d->nnotes) {
        cJSON *rel = cJSON_AddArrayToObject(j, "relatedLocations");
        cJSON *flows = cJSON_AddArrayToObject(j, "codeFlows");
        cJSON *flow = cJSON_CreateObject(), *tfs, *tf, *tlocs;
        cJSON_AddItemToObject(flow, "message", message("the trace"));
        tfs = cJSON_AddArrayToObject(flow, "threadFlows");
        tf = cJSON_CreateObject();
        tlocs = cJSON_AddArrayToObject(tf, "locations");
        for (size_t k = 0; k < d->nnotes; k++) {
            const struct sw_note *n = &d->notes[k];
            cJSON *rl = cJSON_CreateObject(), *tl, *l;
            cJSON_AddNumberToObject(rl, "id", (double)k + 1);
            cJSON_AddItemToObject(
                rl, "physicalLocation",
                physical_location(n->file, n->line, n->col, 0, 0, o));
            cJSON_AddItemToObject(rl, "message", message(n->message));
            cJSON_AddItemToArray(rel, rl);

            tl = cJSON_CreateObject();
            l = cJSON_AddObjectToObject(tl, "location");
            cJSON_AddItemToObject(
                l, "physicalLocation",
                physical_location(n->file, n->line, n->col, 0, 0, o));
            cJSON_AddItemToObject(l, "message", message(n->message));
            cJSON_AddNumberToObject(tl, "nestingLevel", 0);
            cJSON_AddNumberToObject(tl, "executionOrder", (double)k + 1);
            cJSON_AddItemToArray(tlocs, tl);
        }
        cJSON_AddItemToArray(tfs, tf);
        cJSON_AddItemToArray(flows, flow);
    }
    fps = cJSON_AddObjectToObject(j, "partialFingerprints");
    cJSON_AddStringToObject(fps, "syncwiseFingerprint/v1", d->fingerprint);
    if (d->function || d->context) {
        cJSON *props = cJSON_AddObjectToObject(j, "properties");
        if (d->function)
            cJSON_AddStringToObject(props, "function", d->function);
        if (d->context)
            cJSON_AddStringToObject(props, "context", d->context);
    }
    return j;
}

void report_sarif(FILE *out, const struct engine_result *r,
                  const struct report_opts *o)
{
    cJSON *root = cJSON_CreateObject(), *runs, *run, *tool, *driver, *rules;
    cJSON *results, *inv, *invs;
    int need_unused = 0;
    char *text;

    cJSON_AddStringToObject(root, "$schema", SARIF_SCHEMA);
    cJSON_AddStringToObject(root, "version", "2.1.0");
    runs = cJSON_AddArrayToObject(root, "runs");
    run = cJSON_CreateObject();
    cJSON_AddItemToArray(runs, run);
    tool = cJSON_AddObjectToObject(run, "tool");
    driver = cJSON_AddObjectToObject(tool, "driver");
    cJSON_AddStringToObject(driver, "name", "syncwise");
    cJSON_AddStringToObject(driver, "version", SYNCWISE_VERSION);
    cJSON_AddStringToObject(driver, "semanticVersion", SYNCWISE_VERSION);
    cJSON_AddItemToObject(
        driver, "fullDescription",
        message("A static analyzer for C that finds where code needs async "
                "and where it does not"));
    rules = cJSON_AddArrayToObject(driver, "rules");
    for (size_t i = 0; i < sw_nrules; i++)
        cJSON_AddItemToArray(rules, rule_descriptor(&sw_rules[i]));
    for (size_t i = 0; i < r->diags.n; i++)
        need_unused |= r->diags.items[i].rule == &suppress_unused_rule;
    if (need_unused)
        cJSON_AddItemToArray(rules, rule_descriptor(&suppress_unused_rule));

    if (o->base && o->base[0] == '/') {
        struct strbuf sb = STRBUF_INIT;
        cJSON *bases = cJSON_AddObjectToObject(run, "originalUriBaseIds"), *b;
        strbuf_addstr(&sb, "file://");
        add_uri_path(&sb, o->base);
        if (sb.buf[sb.len - 1] != '/')
            strbuf_addch(&sb, '/');
        b = cJSON_AddObjectToObject(bases, SARIF_BASE_ID);
        cJSON_AddStringToObject(b, "uri", sb.buf);
        cJSON_AddItemToObject(b, "description",
                              message("The directory syncwise ran in"));
        strbuf_release(&sb);
    }

    invs = cJSON_AddArrayToObject(run, "invocations");
    inv = cJSON_CreateObject();
    cJSON_AddBoolToObject(inv, "executionSuccessful", r->nerrors == 0);
    if (r->nerrors) {
        cJSON *notes =
            cJSON_AddArrayToObject(inv, "toolExecutionNotifications");
        for (size_t i = 0; i < r->nerrors; i++) {
            cJSON *n = cJSON_CreateObject();
            cJSON_AddStringToObject(n, "level", "error");
            cJSON_AddItemToObject(n, "message", message(r->errors[i].message));
            if (r->errors[i].file && *r->errors[i].file) {
                cJSON *ls = cJSON_AddArrayToObject(n, "locations"), *l;
                l = cJSON_CreateObject();
                cJSON_AddItemToObject(
                    l, "physicalLocation",
                    physical_location(r->errors[i].file, 0, 0, 0, 0, o));
                cJSON_AddItemToArray(ls, l);
            }
            cJSON_AddItemToArray(notes, n);
        }
    }
    cJSON_AddItemToArray(invs, inv);

    results = cJSON_AddArrayToObject(run, "results");
    for (size_t i = 0; i < r->diags.n; i++)
        cJSON_AddItemToArray(results, result_json(&r->diags.items[i], o));

    text = cJSON_Print(root);
    fprintf(out, "%s\n", text);
    free(text);
    cJSON_Delete(root);
}
