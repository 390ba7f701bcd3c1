/* Truth: clean. parse_listen_spec keeps a function-static scratch buffer, but
 * only main calls it, before the first worker starts; the workers read the
 * parsed config, which is no longer written. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NWORKERS 3

struct listen_spec {
    char host[64];
    int port;
};

static struct listen_spec listen_cfg;

static int parse_listen_spec(const char *spec, struct listen_spec *out)
{
    static char scratch[128];
    snprintf(scratch, sizeof scratch, "%s", spec);
    char *colon = strrchr(scratch, ':');
    if (!colon)
        return -1;
    *colon = '\0';
    snprintf(out->host, sizeof out->host, "%s", scratch);
    out->port = atoi(colon + 1);
    return 0;
}

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    printf("worker %d serving %s:%d\n", id, listen_cfg.host, listen_cfg.port);
    return NULL;
}

int main(int argc, char **argv)
{
    if (parse_listen_spec(argc > 1 ? argv[1] : "0.0.0.0:8080", &listen_cfg) !=
        0)
        return 2;
    pthread_t t[NWORKERS];
    for (long i = 0; i < NWORKERS; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(t[i], NULL);
    return 0;
}
