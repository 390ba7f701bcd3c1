/*
 * Editor latency: the time from didChange to publishDiagnostics for one
 * file, through a real `syncwise lsp` process, against a bare libclang
 * parse of the same file with the same arguments (the floor).
 *
 * usage: lsp_latency SYNCWISE -p DIR FILE [-n N]
 * Prints the time to the first diagnostics (project load included), the
 * min/median/max of N edits, and the bare parse's min/median/max.
 */
#include "frontend/compdb.h"
#include "lsp/jsonrpc.h"

#include "common/xalloc.h"

#include <cjson/cJSON.h>
#include <clang-c/Index.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void stats(const char *what, double *v, int n)
{
    qsort(v, (size_t)n, sizeof(*v), cmp_double);
    printf("%-34s min %7.1f ms  median %7.1f ms  max %7.1f ms  (n=%d)\n", what,
           v[0] * 1e3, v[n / 2] * 1e3, v[n - 1] * 1e3, n);
}

/* Reads messages until a publishDiagnostics for uri at version. */
static int wait_publish(struct jrpc_reader *r, const char *uri, int version)
{
    for (;;) {
        char *body = NULL;
        size_t len;
        const char *err;
        int k = jrpc_read(r, &body, &len, &err);
        cJSON *m, *p;
        if (k <= 0) {
            fprintf(stderr, "lsp_latency: server output ended or broke\n");
            return -1;
        }
        m = cJSON_Parse(body);
        free(body);
        p = cJSON_GetObjectItemCaseSensitive(m, "params");
        if (cJSON_IsString(cJSON_GetObjectItemCaseSensitive(m, "method")) &&
            strcmp(cJSON_GetObjectItemCaseSensitive(m, "method")->valuestring,
                   "textDocument/publishDiagnostics") == 0 &&
            cJSON_IsString(cJSON_GetObjectItemCaseSensitive(p, "uri")) &&
            strcmp(cJSON_GetObjectItemCaseSensitive(p, "uri")->valuestring,
                   uri) == 0 &&
            cJSON_GetObjectItemCaseSensitive(p, "version") &&
            cJSON_GetObjectItemCaseSensitive(p, "version")->valueint ==
                version) {
            cJSON_Delete(m);
            return 0;
        }
        cJSON_Delete(m);
    }
}

static cJSON *doc_item(const char *uri, int version)
{
    cJSON *td = cJSON_CreateObject();
    cJSON_AddStringToObject(td, "uri", uri);
    cJSON_AddNumberToObject(td, "version", version);
    return td;
}

int main(int argc, char **argv)
{
    const char *syncwise = NULL, *dir = NULL, *file = NULL;
    int n = 10, to[2], from[2];
    pid_t pid;
    struct jrpc_writer w;
    struct jrpc_reader r;
    struct compdb db = {0};
    char *dbpath, *abs, *uri, *err = NULL, **warns = NULL, *cwd, *text;
    size_t nwarns = 0, tlen;
    double t0, *lat, *bare;
    cJSON *p, *td, *changes, *ch;
    FILE *f;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-p") == 0 && i + 1 < argc)
            dir = argv[++i];
        else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
            n = atoi(argv[++i]);
        else if (!syncwise)
            syncwise = argv[i];
        else
            file = argv[i];
    }
    if (!syncwise || !dir || !file || n < 1) {
        fprintf(stderr, "usage: lsp_latency SYNCWISE -p DIR FILE [-n N]\n");
        return 2;
    }
    cwd = getcwd(NULL, 0);
    dir = path_absolute(dir, cwd);
    abs = path_absolute(file, cwd);
    dbpath = xasprintf("%s/compile_commands.json", dir);
    if (compdb_load(&db, dbpath, &err, &warns, &nwarns) < 0) {
        fprintf(stderr, "lsp_latency: %s\n", err);
        return 2;
    }
    if (!(f = fopen(abs, "rb"))) {
        perror(abs);
        return 2;
    }
    fseek(f, 0, SEEK_END);
    tlen = (size_t)ftell(f);
    rewind(f);
    text = xmalloc(tlen + 1);
    tlen = fread(text, 1, tlen, f);
    text[tlen] = '\0';
    fclose(f);
    uri = xasprintf("file://%s", abs);

    /* The floor: bare parses of the file with its database arguments. */
    bare = xcalloc((size_t)n, sizeof(*bare));
    {
        const struct compdb_entry *e = NULL;
        CXIndex idx = clang_createIndex(0, 0);
        for (size_t i = 0; i < db.n; i++)
            if (strcmp(db.items[i].file, abs) == 0)
                e = &db.items[i];
        if (!e) {
            fprintf(stderr, "lsp_latency: '%s' is not in '%s'\n", abs, dbpath);
            return 2;
        }
        for (int i = 0; i < n; i++) {
            CXTranslationUnit tu = NULL;
            double t = now();
            clang_parseTranslationUnit2(
                idx, e->file, (const char *const *)e->args, (int)e->nargs, NULL,
                0,
                CXTranslationUnit_KeepGoing |
                    CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles,
                &tu);
            bare[i] = now() - t;
            if (tu)
                clang_disposeTranslationUnit(tu);
        }
        clang_disposeIndex(idx);
    }

    if (pipe(to) < 0 || pipe(from) < 0 || (pid = fork()) < 0) {
        perror("lsp_latency");
        return 2;
    }
    if (pid == 0) {
        dup2(to[0], 0);
        dup2(from[1], 1);
        close(to[1]);
        close(from[0]);
        execl(syncwise, syncwise, "lsp", (char *)NULL);
        _exit(127);
    }
    close(to[0]);
    close(from[1]);
    jrpc_writer_init(&w, fdopen(to[1], "w"));
    r.in = fdopen(from[0], "r");
    r.max = JRPC_MAX_BODY;

    p = cJSON_CreateObject();
    {
        char *root = xasprintf("file://%s", dir);
        cJSON *req = cJSON_CreateObject();
        cJSON_AddStringToObject(p, "rootUri", root);
        cJSON_AddObjectToObject(p, "capabilities");
        cJSON_AddNumberToObject(req, "id", 1);
        cJSON_AddStringToObject(req, "method", "initialize");
        cJSON_AddItemToObject(req, "params", p);
        jrpc_send(&w, req);
        cJSON_Delete(req);
        free(root);
    }
    jrpc_send_notification(&w, "initialized", cJSON_CreateObject());
    t0 = now();
    p = cJSON_CreateObject();
    td = doc_item(uri, 1);
    cJSON_AddStringToObject(td, "languageId", "c");
    cJSON_AddStringToObject(td, "text", text);
    cJSON_AddItemToObject(p, "textDocument", td);
    jrpc_send_notification(&w, "textDocument/didOpen", p);
    if (wait_publish(&r, uri, 1) < 0)
        return 1;
    printf("file: %s (%zu TUs in the database)\n", abs, db.n);
    printf("%-34s %7.1f ms\n", "didOpen -> first diagnostics",
           (now() - t0) * 1e3);

    lat = xcalloc((size_t)n, sizeof(*lat));
    for (int i = 0; i < n; i++) {
        char *edited = xasprintf("%s\n/* edit %d */\n", text, i);
        p = cJSON_CreateObject();
        cJSON_AddItemToObject(p, "textDocument", doc_item(uri, i + 2));
        changes = cJSON_AddArrayToObject(p, "contentChanges");
        ch = cJSON_CreateObject();
        cJSON_AddStringToObject(ch, "text", edited);
        cJSON_AddItemToArray(changes, ch);
        t0 = now();
        jrpc_send_notification(&w, "textDocument/didChange", p);
        if (wait_publish(&r, uri, i + 2) < 0)
            return 1;
        lat[i] = now() - t0;
        free(edited);
    }
    stats("didChange -> publishDiagnostics", lat, n);
    stats("bare parse of the file", bare, n);
    printf("ratio (median latency / median bare parse): %.2f\n",
           lat[n / 2] / bare[n / 2]);
    fflush(stdout);

    {
        cJSON *req = cJSON_CreateObject();
        cJSON_AddNumberToObject(req, "id", 2);
        cJSON_AddStringToObject(req, "method", "shutdown");
        jrpc_send(&w, req);
        cJSON_Delete(req);
        jrpc_send_notification(&w, "exit", NULL);
        fclose(w.out);
        fclose(r.in);
        waitpid(pid, NULL, 0);
    }
    jrpc_writer_release(&w);
    compdb_release(&db);
    for (size_t i = 0; i < nwarns; i++)
        free(warns[i]);
    free(warns);
    free(lat);
    free(bare);
    free(uri);
    free(text);
    free(dbpath);
    free(abs);
    free((char *)dir);
    free(cwd);
    return 0;
}
