#include "../src/app.h"

#include <pthread.h>
#include <stdlib.h>

static void *codec_thread(void *arg)
{
    (void)arg;
    return (void *)(long)rand();
}

int codec_start(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, codec_thread, NULL);
    return 0;
}
