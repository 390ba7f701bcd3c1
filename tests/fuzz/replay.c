/*
 * Replays inputs through a fuzz target without libFuzzer (normal and
 * sanitizer builds): every regular file in each DIR argument, in name
 * order, goes to LLVMFuzzerTestOneInput().  A crash or a failed invariant
 * aborts, which fails the test.
 *
 *   fuzz_replay_NAME DIR...
 */
#include "fuzz.h"

#include "common/strbuf.h"
#include "common/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define REPLAY_MAX_BYTES (64u << 20)

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int replay_dir(const char *dir, size_t *count)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, by_name);
    int rc = 0;
    if (n < 0) {
        /* A target with no regression yet has no directory: nothing to do. */
        if (errno == ENOENT)
            return 0;
        fprintf(stderr, "replay: cannot read '%s': %s\n", dir, strerror(errno));
        return -1;
    }
    for (int i = 0; i < n; i++) {
        struct strbuf sb = STRBUF_INIT;
        char *path;
        struct stat st;
        if (names[i]->d_name[0] == '.') {
            free(names[i]);
            continue;
        }
        path = xasprintf("%s/%s", dir, names[i]->d_name);
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            if (strbuf_read_file(&sb, path, REPLAY_MAX_BYTES) < 0) {
                fprintf(stderr, "replay: cannot read '%s': %s\n", path,
                        strerror(errno));
                rc = -1;
            } else {
                fprintf(stderr, "replay: %s\n", path);
                LLVMFuzzerTestOneInput((const uint8_t *)sb.buf, sb.len);
                ++*count;
            }
        }
        strbuf_release(&sb);
        free(path);
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    size_t count = 0;
    int rc = 0;
    if (argc < 2) {
        fprintf(stderr, "usage: %s DIR...\n", argv[0]);
        return 2;
    }
    for (int i = 1; i < argc; i++)
        if (replay_dir(argv[i], &count) < 0)
            rc = 1;
    fprintf(stderr, "replay: %zu inputs, no crash\n", count);
    return rc;
}
