#include "shared.h"

#include <pthread.h>
#include <stddef.h>

void *worker(void *arg)
{
    static char line[] = "hello world";
    (void)arg;
    first_word(line);
    return NULL;
}

int start_workers(int n)
{
    pthread_t t[8];
    for (int i = 0; i < n && i < 8; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < n && i < 8; i++)
        pthread_join(t[i], NULL);
    return 0;
}
