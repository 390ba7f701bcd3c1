/* Truth: clean. Each resize thread gets its own element of a local array, the
 * shared read-only settings struct is one object on purpose, and the spawner
 * joins every thread before its locals go away. */
#include <pthread.h>
#include <stdio.h>

#define NIMAGES 4

struct resize_settings {
    int max_width;
    int max_height;
    int quality;
};

struct resize_job {
    const char *path;
    const struct resize_settings *settings;
    int out_width;
};

static void *resize_image(void *arg)
{
    struct resize_job *job = arg;
    job->out_width = job->settings->max_width / 2;
    printf("%s -> %dpx q%d\n", job->path, job->out_width,
           job->settings->quality);
    return NULL;
}

int resize_all(const char **paths, int n)
{
    struct resize_settings settings = {1920, 1080, 85};
    struct resize_job jobs[NIMAGES];
    pthread_t t[NIMAGES];
    if (n > NIMAGES)
        n = NIMAGES;
    for (int i = 0; i < n; i++) {
        jobs[i].path = paths[i];
        jobs[i].settings = &settings;
        pthread_create(&t[i], NULL, resize_image, &jobs[i]);
    }
    int total = 0;
    for (int i = 0; i < n; i++) {
        pthread_join(t[i], NULL);
        total += jobs[i].out_width;
    }
    return total;
}

int main(int argc, char **argv)
{
    printf("total width %d\n", resize_all((const char **)argv + 1, argc - 1));
    return 0;
}
