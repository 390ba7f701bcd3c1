/* Truth: clean. A single-threaded CLI tool: strtok, localtime, getenv, rand
 * and strerror are fine because no other thread exists. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct option_set {
    int verbose;
    int retries;
    char output[128];
};

static void parse_kv_list(char *list, struct option_set *opts)
{
    for (char *kv = strtok(list, ";"); kv; kv = strtok(NULL, ";")) {
        char *eq = strchr(kv, '=');
        if (!eq)
            continue;
        *eq = '\0';
        if (strcmp(kv, "verbose") == 0)
            opts->verbose = atoi(eq + 1);
        else if (strcmp(kv, "retries") == 0)
            opts->retries = atoi(eq + 1);
        else if (strcmp(kv, "output") == 0)
            snprintf(opts->output, sizeof opts->output, "%s", eq + 1);
    }
}

int main(int argc, char **argv)
{
    struct option_set opts = {0, 3, "out.log"};
    char buf[256];
    const char *env = getenv("TOOL_OPTIONS");
    snprintf(buf, sizeof buf, "%s", argc > 1 ? argv[1] : env ? env : "");
    parse_kv_list(buf, &opts);
    srand((unsigned)time(NULL));
    int jitter_ms = rand() % 250;
    time_t now = time(NULL);
    char stamp[64];
    strftime(stamp, sizeof stamp, "%c", localtime(&now));
    FILE *f = fopen(opts.output, "a");
    if (!f) {
        fprintf(stderr, "%s: %s\n", opts.output, strerror(errno));
        return 1;
    }
    fprintf(f, "%s verbose=%d retries=%d jitter=%dms\n", stamp, opts.verbose,
            opts.retries, jitter_ms);
    fclose(f);
    return 0;
}
