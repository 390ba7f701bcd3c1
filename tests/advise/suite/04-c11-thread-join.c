/* C11 threads: a config parser started and joined right away. */
#include <stdio.h>
#include <threads.h>

struct cfg { const char *path; int port; };

static int parse_config(void *arg)
{
    struct cfg *c = arg;
    FILE *f = fopen(c->path, "r");
    if (!f)
        return -1;
    if (fscanf(f, "port=%d", &c->port) != 1)
        c->port = 8080;
    fclose(f);
    return 0;
}

int load_config(struct cfg *c)
{
    thrd_t t;
    int res;
    if (thrd_create(&t, parse_config, c) != thrd_success) // label: SW101 // label: SW103
        return -1;
    thrd_join(t, &res);
    return res;
}
