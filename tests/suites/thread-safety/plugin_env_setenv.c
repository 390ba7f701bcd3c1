/* Truth: the plugin loader thread calls setenv while the request threads call
 * getenv: modifying the environment with other threads running is not
 * thread-safe (SW202). The setenv in main before the threads start is clean. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define NREQUEST_THREADS 3

static void *load_plugins(void *arg)
{
    const char *dir = arg;
    setenv("PLUGIN_DIR", dir, 1); // label: SW202
    printf("plugins loaded from %s\n", dir);
    return NULL;
}

static void *handle_requests(void *arg)
{
    (void)arg;
    for (int i = 0; i < 10; i++) {
        const char *lvl = getenv("LOG_LEVEL");
        if (lvl && lvl[0] == 'd')
            printf("request %d\n", i);
    }
    return NULL;
}

int main(void)
{
    pthread_t loader, req[NREQUEST_THREADS];
    setenv("LOG_LEVEL", "info", 0);
    pthread_create(&loader, NULL, load_plugins, "/usr/lib/app/plugins");
    for (int i = 0; i < NREQUEST_THREADS; i++)
        pthread_create(&req[i], NULL, handle_requests, NULL);
    for (int i = 0; i < NREQUEST_THREADS; i++)
        pthread_join(req[i], NULL);
    pthread_join(loader, NULL);
    return 0;
}
