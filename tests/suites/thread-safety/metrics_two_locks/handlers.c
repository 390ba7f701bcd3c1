#include "metrics.h"

#include <stdint.h>

void *api_handler(void *arg);

static unsigned serve(unsigned seed)
{
    return (seed * 1103515245u + 12345u) % 400u;
}

void *api_handler(void *arg)
{
    unsigned seed = (unsigned)(uintptr_t)arg;
    for (int i = 0; i < 100000; i++) {
        seed = serve(seed);
        metrics_observe(&api_metrics, seed);
    }
    return NULL;
}
