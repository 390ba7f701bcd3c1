/*
 * The meta-test: every rule in rules/rules.def has its implementation
 * (rules/FAMILY/CODE-NAME.c), its doc (.md, embedded in the binary) and its
 * fixture (fixtures/FAMILY/CODE-NAME.c or a directory); every doc's
 * "## Example" code block triggers the rule and its "## Fix" block does
 * not; no rule file exists without a table entry; codes are unique.
 *
 * usage: check_rules SOURCE_DIR      prints "N passed, M failed"
 */
#include "support/swtest.h"

#include "common/xalloc.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int passed, failed;

static void check(int ok, const char *what, const char *code)
{
    printf("%s %s: %s\n", ok ? "ok  " : "FAIL", code, what);
    if (ok)
        passed++;
    else
        failed++;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* The first ```c block after heading; caller frees, NULL when none. */
static char *code_block(const char *doc, const char *heading)
{
    const char *h = strstr(doc, heading), *start, *end;
    if (!h)
        return NULL;
    start = strstr(h, "```c\n");
    if (!start)
        return NULL;
    start += 5;
    end = strstr(start, "```");
    return end ? xstrndup(start, (size_t)(end - start)) : NULL;
}

/* Findings of `code` when the snippet is analysed alone; -1 on error. */
static int findings(const struct catalog *cat, const char *snippet,
                    const char *code, const char *tmpdir, int *parse_errors)
{
    char *path = xasprintf("%s/example.c", tmpdir);
    FILE *f = fopen(path, "w");
    struct engine_result res;
    char *files[1];
    int n = 0;
    if (!f) {
        free(path);
        return -1;
    }
    fputs(snippet, f);
    fclose(f);
    files[0] = path;
    swtest_run(cat, files, 1, tmpdir, NULL, 0, code, &res);
    *parse_errors = 0;
    for (size_t i = 0; i < res.diags.n; i++) {
        if (strcmp(res.diags.items[i].rule->code, code) == 0)
            n++;
        if (strcmp(res.diags.items[i].rule->code, "SW900") == 0)
            (*parse_errors)++;
    }
    engine_result_release(&res);
    unlink(path);
    free(path);
    return n;
}

int main(int argc, char **argv)
{
    struct catalog *cat;
    char tmpl[] = "/tmp/syncwise-meta-XXXXXX";
    char *tmpdir;
    const char *src;

    if (argc < 2) {
        fprintf(stderr, "usage: check_rules SOURCE_DIR\n");
        return 2;
    }
    src = argv[1];
    cat = swtest_catalog();
    tmpdir = mkdtemp(tmpl);
    if (!tmpdir) {
        perror("mkdtemp");
        return 2;
    }

    for (size_t i = 0; i < sw_nrules; i++) {
        const struct rule_info *r = &sw_rules[i];
        char *base = xasprintf("%s-%s", r->code, r->name);
        char *c = xasprintf("%s/rules/%s/%s.c", src, r->family, base);
        char *md = xasprintf("%s/rules/%s/%s.md", src, r->family, base);
        char *fx = xasprintf("%s/fixtures/%s/%s", src, r->family, base);
        char *fxc = xasprintf("%s.c", fx);
        const char *doc = rules_doc(r);
        char *heading = xasprintf("# %s %s", r->code, r->name);

        for (size_t k = 0; k < i; k++)
            if (strcmp(sw_rules[k].code, r->code) == 0 ||
                strcmp(sw_rules[k].name, r->name) == 0)
                check(0, "code or name used twice in rules.def", r->code);
        check(exists(c), "has its implementation (rules/FAMILY/CODE-NAME.c)",
              r->code);
        check(exists(md), "has its doc (rules/FAMILY/CODE-NAME.md)", r->code);
        check(doc != NULL, "its doc is embedded in the binary", r->code);
        check(exists(fx) || exists(fxc),
              "has its fixture (fixtures/FAMILY/CODE-NAME[.c])", r->code);
        if (doc) {
            char *ex = code_block(doc, "## Example");
            char *fix = code_block(doc, "## Fix");
            int perr = 0, n;
            check(strncmp(doc, heading, strlen(heading)) == 0,
                  "doc starts with '# CODE name'", r->code);
            check(ex != NULL, "doc has an '## Example' C block", r->code);
            check(fix != NULL, "doc has a '## Fix' C block", r->code);
            if (ex) {
                n = findings(cat, ex, r->code, tmpdir, &perr);
                check(n > 0, "the doc's example triggers the rule", r->code);
                if (strcmp(r->code, "SW900") != 0)
                    check(perr == 0, "the doc's example parses", r->code);
            }
            if (fix) {
                n = findings(cat, fix, r->code, tmpdir, &perr);
                check(n == 0, "the doc's fix does not trigger the rule",
                      r->code);
                check(perr == 0, "the doc's fix parses", r->code);
            }
            free(ex);
            free(fix);
        }
        free(base);
        free(c);
        free(md);
        free(fx);
        free(fxc);
        free(heading);
    }

    /* No rule file without a table entry. */
    {
        char *rules_dir = xasprintf("%s/rules", src);
        DIR *d = opendir(rules_dir);
        struct dirent *fam;
        while (d && (fam = readdir(d)) != NULL) {
            char *fdir;
            DIR *fd;
            struct dirent *e;
            if (fam->d_name[0] == '.' || strcmp(fam->d_name, "catalogs") == 0)
                continue;
            fdir = xasprintf("%s/%s", rules_dir, fam->d_name);
            fd = opendir(fdir);
            while (fd && (e = readdir(fd)) != NULL) {
                char code[6];
                const struct rule_info *r;
                if (strncmp(e->d_name, "SW", 2) != 0)
                    continue;
                memcpy(code, e->d_name, 5);
                code[5] = '\0';
                r = rules_find(code);
                if (!r || strcmp(r->family, fam->d_name) != 0) {
                    char *msg = xasprintf("'%s/%s' belongs to no rule in "
                                          "rules.def",
                                          fam->d_name, e->d_name);
                    check(0, msg, code);
                    free(msg);
                }
            }
            if (fd)
                closedir(fd);
            free(fdir);
        }
        if (d)
            closedir(d);
        free(rules_dir);
    }
    rmdir(tmpdir);
    catalog_free(cat);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
