/* A batch converter that "parallelises" by creating and joining per file. */
#include <pthread.h>
#include <stdio.h>

struct conv { const char *in; int status; };

static void *convert_file(void *arg)
{
    struct conv *c = arg;
    FILE *f = fopen(c->in, "r");
    char line[256];
    if (!f) { c->status = -1; return NULL; }
    while (fgets(line, sizeof line, f))
        c->status++;
    fclose(f);
    return NULL;
}

int convert_all(const char **files, int n)
{
    int failed = 0;
    for (int i = 0; i < n; i++) {
        pthread_t t;
        struct conv c = {files[i], 0};
        pthread_create(&t, NULL, convert_file, &c); // label: SW101 // label: SW103
        pthread_join(t, NULL);
        failed += c.status < 0;
    }
    return failed;
}
