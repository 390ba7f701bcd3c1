#include "metrics.h"

#include <stdint.h>
#include <stdio.h>

#define NHANDLERS 4

void *api_handler(void *arg);

int main(void)
{
    pthread_t exporter, handlers[NHANDLERS];
    pthread_create(&exporter, NULL, metrics_exporter, stdout);
    for (uintptr_t i = 0; i < NHANDLERS; i++)
        pthread_create(&handlers[i], NULL, api_handler, (void *)i);
    for (int i = 0; i < NHANDLERS; i++)
        pthread_join(handlers[i], NULL);
    pthread_join(exporter, NULL);
    return 0;
}
