/* Truth: main starts the config loader thread and then polls the
 * config_ready flag the loader sets, sleeping 10 ms a round: SW305 at the
 * usleep call. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static volatile int config_ready;
static char listen_addr[64];

static void *load_config(void *arg)
{
    FILE *f = fopen((const char *)arg, "r");
    if (f) {
        if (!fgets(listen_addr, sizeof listen_addr, f))
            listen_addr[0] = '\0';
        fclose(f);
    }
    config_ready = 1;
    return NULL;
}

int main(void)
{
    pthread_t loader;
    pthread_create(&loader, NULL, load_config, "/etc/edge/listen.conf");
    while (!config_ready)
        usleep(10 * 1000); // label: SW305
    printf("listening on %s\n", listen_addr);
    pthread_join(loader, NULL);
    return 0;
}
