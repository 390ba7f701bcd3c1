/* A log rotator that sleeps between rotations: a background job. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void *rotate_logs(void *arg)
{
    const char *path = arg;
    char old[256];
    for (;;) {
        sleep(3600);
        snprintf(old, sizeof old, "%s.1", path);
        rename(path, old);
    }
    return NULL;
}

void start_rotator(const char *path)
{
    pthread_t t;
    pthread_create(&t, NULL, rotate_logs, (void *)path);
    pthread_detach(t);
}
