#include "engine/baseline.h"

#include "common/strbuf.h"
#include "common/xalloc.h"
#include "engine/rules.h"
#include "frontend/compdb.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BASELINE_MAX_BYTES (256u << 20)

struct baseline {
    char **fps; /* fingerprints, sorted, with repeats */
    size_t n;
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int valid_fingerprint(const char *s)
{
    size_t n = strlen(s);
    if (n != 16)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return 0;
    return 1;
}

struct baseline *baseline_load(const char *path, char **err)
{
    struct strbuf sb = STRBUF_INIT;
    struct baseline *b;
    cJSON *root, *findings, *it;
    int i = 0;

    if (strbuf_read_file(&sb, path, BASELINE_MAX_BYTES) < 0) {
        *err =
            xasprintf("cannot read baseline '%s': %s", path, strerror(errno));
        strbuf_release(&sb);
        return NULL;
    }
    root = cJSON_ParseWithLength(sb.buf, sb.len);
    strbuf_release(&sb);
    if (!cJSON_IsObject(root) ||
        !cJSON_IsNumber(
            cJSON_GetObjectItemCaseSensitive(root, "syncwise_baseline"))) {
        *err = xasprintf("'%s' is not a syncwise baseline (write one with "
                         "--write-baseline)",
                         path);
        cJSON_Delete(root);
        return NULL;
    }
    if (cJSON_GetObjectItemCaseSensitive(root, "syncwise_baseline")
            ->valuedouble != 1) {
        *err = xasprintf(
            "'%s': baseline version %g is not supported (1 is)", path,
            cJSON_GetObjectItemCaseSensitive(root, "syncwise_baseline")
                ->valuedouble);
        cJSON_Delete(root);
        return NULL;
    }
    findings = cJSON_GetObjectItemCaseSensitive(root, "findings");
    if (!cJSON_IsArray(findings)) {
        *err = xasprintf("'%s': 'findings' must be an array", path);
        cJSON_Delete(root);
        return NULL;
    }
    b = xcalloc(1, sizeof(*b));
    b->fps = xcalloc((size_t)cJSON_GetArraySize(findings) + 1, sizeof(char *));
    cJSON_ArrayForEach(it, findings)
    {
        const cJSON *fp = cJSON_GetObjectItemCaseSensitive(it, "fingerprint");
        if (!cJSON_IsString(fp) || !valid_fingerprint(fp->valuestring)) {
            *err = xasprintf("'%s': findings[%d]: 'fingerprint' must be 16 "
                             "lower-case hex digits",
                             path, i);
            cJSON_Delete(root);
            baseline_free(b);
            return NULL;
        }
        b->fps[b->n++] = xstrdup(fp->valuestring);
        i++;
    }
    cJSON_Delete(root);
    qsort(b->fps, b->n, sizeof(char *), cmp_str);
    return b;
}

void baseline_free(struct baseline *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++)
        free(b->fps[i]);
    free(b->fps);
    free(b);
}

size_t baseline_count(const struct baseline *b)
{
    return b ? b->n : 0;
}

/* First index of fp in the sorted list, or b->n. */
static size_t lower_bound(const struct baseline *b, const char *fp)
{
    size_t lo = 0, hi = b->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(b->fps[mid], fp) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void baseline_filter(const struct baseline *b, struct sw_diags *diags)
{
    unsigned char *taken;
    size_t out = 0;
    if (!b || !b->n)
        return;
    taken = xcalloc(b->n, 1);
    for (size_t i = 0; i < diags->n; i++) {
        const char *fp = diags->items[i].fingerprint;
        size_t k = lower_bound(b, fp);
        while (k < b->n && strcmp(b->fps[k], fp) == 0 && taken[k])
            k++;
        if (k < b->n && strcmp(b->fps[k], fp) == 0) {
            taken[k] = 1;
            diag_release(&diags->items[i]);
            continue;
        }
        diags->items[out++] = diags->items[i];
    }
    diags->n = out;
    free(taken);
}

int baseline_write(const char *path, const struct sw_diags *diags,
                   const char *base, char **err)
{
    cJSON *root = cJSON_CreateObject(), *arr;
    char *text;
    FILE *f;
    int rc = 0;
    cJSON_AddNumberToObject(root, "syncwise_baseline", 1);
    arr = cJSON_AddArrayToObject(root, "findings");
    for (size_t i = 0; i < diags->n; i++) {
        const struct sw_diag *d = &diags->items[i];
        cJSON *j = cJSON_CreateObject();
        char *rel = base ? path_relative(d->file, base) : xstrdup(d->file);
        cJSON_AddStringToObject(j, "fingerprint", d->fingerprint);
        cJSON_AddStringToObject(j, "rule", d->rule->code);
        cJSON_AddStringToObject(j, "file", rel);
        if (d->function)
            cJSON_AddStringToObject(j, "function", d->function);
        cJSON_AddStringToObject(j, "message", d->message);
        cJSON_AddItemToArray(arr, j);
        free(rel);
    }
    text = cJSON_Print(root);
    cJSON_Delete(root);
    f = fopen(path, "w");
    if (!f) {
        *err =
            xasprintf("cannot write baseline '%s': %s", path, strerror(errno));
        free(text);
        return -1;
    }
    fprintf(f, "%s\n", text);
    if (fclose(f) != 0) {
        *err =
            xasprintf("cannot write baseline '%s': %s", path, strerror(errno));
        rc = -1;
    }
    free(text);
    return rc;
}
