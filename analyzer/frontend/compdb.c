#include "frontend/compdb.h"

#include "common/strbuf.h"
#include "common/strmap.h"
#include "common/xalloc.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define COMPDB_MAX_BYTES (512u << 20)

/*
 * 1 when p is an absolute path that path_absolute() returns unchanged: no
 * empty, "." or ".." component and no trailing slash.
 */
static int is_normal_absolute(const char *p)
{
    if (p[0] != '/')
        return 0;
    if (!p[1])
        return 1; /* "/" */
    for (const char *s = p; *s; s++) {
        if (*s != '/')
            continue;
        if (s[1] == '/' || !s[1])
            return 0; /* an empty component, or a trailing slash */
        if (s[1] == '.' &&
            (s[2] == '/' || !s[2] || (s[2] == '.' && (s[3] == '/' || !s[3]))))
            return 0; /* "." or ".." */
    }
    return 1;
}

char *path_absolute(const char *path, const char *base)
{
    struct strbuf in = STRBUF_INIT;
    char **parts;
    size_t n = 0, cap = 16;
    char *p, *save = NULL, *tok;
    struct strbuf out = STRBUF_INIT;

    if (path[0] != '/' && base) {
        strbuf_addstr(&in, base);
        strbuf_addch(&in, '/');
    }
    strbuf_addstr(&in, path);
    if (is_normal_absolute(in.buf)) /* the usual case: nothing to do */
        return strbuf_detach(&in);
    parts = xmalloc(cap * sizeof(*parts));
    p = in.buf;
    for (tok = strtok_r(p, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
        if (strcmp(tok, ".") == 0)
            continue;
        if (strcmp(tok, "..") == 0) {
            if (n)
                n--;
            continue;
        }
        if (n == cap) {
            cap *= 2;
            parts = xrealloc(parts, cap * sizeof(*parts));
        }
        parts[n++] = tok;
    }
    for (size_t i = 0; i < n; i++) {
        strbuf_addch(&out, '/');
        strbuf_addstr(&out, parts[i]);
    }
    if (!n)
        strbuf_addch(&out, '/');
    free(parts);
    strbuf_release(&in);
    return strbuf_detach(&out);
}

char *path_relative(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    while (n > 0 && dir[n - 1] == '/')
        n--;
    /* n == 0: dir is "/", and every absolute path lies inside it. */
    if (strncmp(path, dir, n) == 0 && path[n] == '/' && path[n + 1])
        return xstrdup(path + n + 1);
    return xstrdup(path);
}

char **shell_split(const char *cmd, size_t *n)
{
    char **v = NULL;
    size_t cap = 0;
    struct strbuf cur = STRBUF_INIT;
    int in_word = 0;
    char quote = 0;

    *n = 0;
    for (const char *p = cmd;; p++) {
        char c = *p;
        if (!c || (!quote && (c == ' ' || c == '\t' || c == '\n'))) {
            if (in_word) {
                if (*n == cap)
                    xgrow((void **)&v, &cap, *n + 1, sizeof(*v));
                v[(*n)++] = xstrdup(cur.buf);
                strbuf_reset(&cur);
                in_word = 0;
            }
            if (!c)
                break;
            continue;
        }
        in_word = 1;
        if (quote) {
            if (c == quote)
                quote = 0;
            else if (c == '\\' && quote == '"' && p[1])
                strbuf_addch(&cur, *++p);
            else
                strbuf_addch(&cur, c);
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '\\' && p[1]) {
            strbuf_addch(&cur, *++p);
        } else {
            strbuf_addch(&cur, c);
        }
    }
    strbuf_release(&cur);
    return v;
}

/* Arguments that make no sense for a syntax-only parse. */
static int skip_arg(const char *a, int *skip_next)
{
    static const char *const with_value[] = {"-o", "-MF", "-MT", "-MQ", NULL};
    static const char *const alone[] = {"-c",  "-MD", "-MMD",  "-M",
                                        "-MM", "-MP", "-pipe", NULL};
    *skip_next = 0;
    for (const char *const *w = with_value; *w; w++)
        if (strcmp(a, *w) == 0) {
            *skip_next = 1;
            return 1;
        }
    for (const char *const *w = alone; *w; w++)
        if (strcmp(a, *w) == 0)
            return 1;
    return 0;
}

/*
 * Options whose value is a path.  libclang resolves relative paths against
 * the process's working directory (its -working-directory option changes
 * that directory for the whole process, which parallel parsing cannot
 * share), so they are made absolute here instead.
 */
static const char *const path_opts[] = {
    "-I",           "-iquote",  "-isystem",           "-idirafter",
    "-include-pch", "-include", "-imacros",           "-isysroot",
    "--sysroot",    "-F",       "-iwithprefixbefore", "-iwithprefix",
    "-cxx-isystem", NULL};

/* Appends arg (made absolute against dir where it is a path) to e. */
static void add_arg(struct compdb_entry *e, const char *arg, const char *dir,
                    int is_value)
{
    if (is_value) {
        e->args[e->nargs++] = path_absolute(arg, dir);
        return;
    }
    for (const char *const *o = path_opts; *o; o++) {
        size_t n = strlen(*o);
        /*
         * Longer options come before their prefixes: "-include-pch" alone
         * is that option, not "-include" with the value "-pch".
         */
        if (strncmp(arg, *o, n) == 0 && !arg[n])
            break;
        if (strncmp(arg, *o, n) == 0 && arg[n]) {
            const char *v = arg + n + (arg[n] == '=');
            char *abs = path_absolute(v, dir);
            e->args[e->nargs++] = xasprintf("%.*s%s", (int)(v - arg), arg, abs);
            free(abs);
            return;
        }
    }
    e->args[e->nargs++] = xstrdup(arg);
}

void compdb_add(struct compdb *db, const char *file, const char *directory,
                char *const *args, size_t nargs)
{
    struct compdb_entry *e;
    char *cwd = NULL;
    if (db->n == db->cap)
        xgrow((void **)&db->items, &db->cap, db->n + 1, sizeof(*db->items));
    e = &db->items[db->n++];
    if (directory[0] != '/')
        cwd = getcwd(NULL, 0);
    e->directory = path_absolute(directory, cwd);
    free(cwd);
    e->file = path_absolute(file, e->directory);
    e->args = xcalloc(nargs + 1, sizeof(char *));
    e->nargs = 0;
    for (size_t i = 0; i < nargs; i++) {
        int skip_next, value_next = 0;
        if (skip_arg(args[i], &skip_next)) {
            i += (size_t)skip_next;
            continue;
        }
        for (const char *const *o = path_opts; *o; o++)
            if (strcmp(args[i], *o) == 0)
                value_next = 1;
        add_arg(e, args[i], e->directory, 0);
        if (value_next && i + 1 < nargs)
            add_arg(e, args[++i], e->directory, 1);
    }
}

static void warn(char ***warns, size_t *nwarns, char *msg)
{
    *warns = xrealloc(*warns, (*nwarns + 1) * sizeof(char *));
    (*warns)[(*nwarns)++] = msg;
}

int compdb_load(struct compdb *db, const char *path, char **err, char ***warns,
                size_t *nwarns)
{
    struct strbuf sb = STRBUF_INIT;
    cJSON *root, *e;
    char *dbdir, *slash;
    struct strmap *seen;
    size_t idx = 0;

    if (strbuf_read_file(&sb, path, COMPDB_MAX_BYTES) < 0) {
        char eb[SW_ERRBUF];
        *err = xasprintf("cannot read '%s': %s", path,
                         sw_strerror(errno, eb, sizeof(eb)));
        strbuf_release(&sb);
        return -1;
    }
    root = cJSON_ParseWithLength(sb.buf, sb.len);
    strbuf_release(&sb);
    if (!root || !cJSON_IsArray(root)) {
        *err = xasprintf("'%s' is not a compilation database (expected a "
                         "JSON array of entries)",
                         path);
        cJSON_Delete(root);
        return -1;
    }
    {
        char *abs, *cwd = getcwd(NULL, 0);
        abs = path_absolute(path, cwd);
        free(cwd);
        dbdir = abs;
        slash = strrchr(dbdir, '/');
        if (slash && slash != dbdir)
            *slash = '\0';
        else if (slash)
            slash[1] = '\0';
    }
    db->path = xstrdup(path);
    seen = strmap_new();
    cJSON_ArrayForEach(e, root)
    {
        const cJSON *dir = cJSON_GetObjectItemCaseSensitive(e, "directory");
        const cJSON *file = cJSON_GetObjectItemCaseSensitive(e, "file");
        const cJSON *args = cJSON_GetObjectItemCaseSensitive(e, "arguments");
        const cJSON *cmd = cJSON_GetObjectItemCaseSensitive(e, "command");
        char **argv = NULL;
        size_t argc = 0;
        char *directory, *abs;
        int bad = 0;

        idx++;
        if (!cJSON_IsObject(e)) {
            warn(warns, nwarns,
                 xasprintf("%s: entry %zu: not an object", path, idx));
            continue;
        }
        if (!cJSON_IsString(file) || !file->valuestring[0]) {
            warn(warns, nwarns,
                 xasprintf("%s: entry %zu: 'file' must be a non-empty string",
                           path, idx));
            continue;
        }
        if (dir && !cJSON_IsString(dir)) {
            warn(warns, nwarns,
                 xasprintf("%s: entry %zu: 'directory' must be a string", path,
                           idx));
            continue;
        }
        if (cJSON_IsArray(args)) {
            const cJSON *a;
            argv =
                xcalloc((size_t)cJSON_GetArraySize(args) + 1, sizeof(char *));
            cJSON_ArrayForEach(a, args)
            {
                if (!cJSON_IsString(a)) {
                    bad = 1;
                    break;
                }
                argv[argc++] = xstrdup(a->valuestring);
            }
        } else if (cJSON_IsString(cmd)) {
            argv = shell_split(cmd->valuestring, &argc);
        } else {
            bad = 1;
        }
        if (bad) {
            warn(warns, nwarns,
                 xasprintf("%s: entry %zu: needs 'arguments' (an array of "
                           "strings) or 'command' (a string)",
                           path, idx));
        } else {
            /* A relative directory is relative to the database's folder. */
            directory = path_absolute(
                dir && dir->valuestring[0] ? dir->valuestring : ".", dbdir);
            abs = path_absolute(file->valuestring, directory);
            if (strmap_get(seen, abs) < 0) {
                /* Drop the compiler (argv[0]) and the source file itself. */
                char **rest = xcalloc(argc + 1, sizeof(char *));
                size_t nrest = 0;
                for (size_t i = 1; i < argc; i++) {
                    char *ai = path_absolute(argv[i], directory);
                    int is_file = strcmp(ai, abs) == 0 ||
                                  strcmp(argv[i], file->valuestring) == 0;
                    free(ai);
                    if (!is_file)
                        rest[nrest++] = argv[i];
                }
                strmap_put(seen, abs, 1);
                compdb_add(db, abs, directory, rest, nrest);
                free(rest);
            }
            free(abs);
            free(directory);
        }
        for (size_t i = 0; i < argc; i++)
            free(argv[i]);
        free(argv);
    }
    strmap_free(seen);
    free(dbdir);
    cJSON_Delete(root);
    return 0;
}

void compdb_release(struct compdb *db)
{
    for (size_t i = 0; i < db->n; i++) {
        struct compdb_entry *e = &db->items[i];
        for (size_t j = 0; j < e->nargs; j++)
            free(e->args[j]);
        free(e->args);
        free(e->file);
        free(e->directory);
    }
    free(db->items);
    free(db->path);
    memset(db, 0, sizeof(*db));
}

static int is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

char *compdb_find(const char *start)
{
    char *cwd = start[0] == '/' ? NULL : getcwd(NULL, 0);
    char *dir = path_absolute(start, cwd);
    free(cwd);
    for (;;) {
        char *c = xasprintf("%s/compile_commands.json",
                            strcmp(dir, "/") == 0 ? "" : dir);
        char *b;
        if (is_file(c)) {
            free(dir);
            return c;
        }
        free(c);
        b = xasprintf("%s/build/compile_commands.json",
                      strcmp(dir, "/") == 0 ? "" : dir);
        if (is_file(b)) {
            free(dir);
            return b;
        }
        free(b);
        if (strcmp(dir, "/") == 0)
            break;
        *strrchr(dir, '/') = '\0';
        if (!dir[0])
            strcpy(dir, "/");
    }
    free(dir);
    return NULL;
}
