#include "loader.h"

#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void warm_up_io(void)
{
    usleep(1000);
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, load_model, "model.bin");
    while (!atomic_load_explicit(&g_model_loaded, memory_order_acquire))
        warm_up_io();
    printf("model ready: %d layers, w[10]=%.3f\n", g_model.layers,
           g_model.weights[10]);
    pthread_join(t, NULL);
    return 0;
}
