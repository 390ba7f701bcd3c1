/* Truth: the mirror task struct is declared inside the loop body and its
 * address goes to a thread that is joined only after the loop: each thread may
 * read its task after that iteration's object has ended (SW203). */
#include <pthread.h>
#include <stdio.h>

#define NMIRRORS 3

struct mirror_task {
    const char *url;
    int attempt_limit;
};

static void *sync_mirror(void *arg)
{
    const struct mirror_task *task = arg;
    for (int attempt = 1; attempt <= task->attempt_limit; attempt++)
        printf("syncing %s (attempt %d)\n", task->url, attempt);
    return NULL;
}

int main(void)
{
    static const char *urls[NMIRRORS] = {
        "https://m1.example/", "https://m2.example/", "https://m3.example/"};
    pthread_t t[NMIRRORS];
    for (int i = 0; i < NMIRRORS; i++) {
        struct mirror_task task = {urls[i], 3};
        pthread_create(&t[i], NULL, sync_mirror, &task); // label: SW203
    }
    for (int i = 0; i < NMIRRORS; i++)
        pthread_join(t[i], NULL);
    return 0;
}
