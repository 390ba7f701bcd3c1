#include "thread.h"

#include <unistd.h>

void *sampler(void *arg);
int start_probe(const char *device);

int main(void)
{
    pthread_t cpu, gpu;
    sw_thread_start(&cpu, "sample-cpu", sampler, "cpu0");
    sw_thread_start(&gpu, "sample-gpu", sampler, "gpu0");
    start_probe("fan0");
    sw_thread_join(cpu);
    sw_thread_join(gpu);
    sleep(1);
    return 0;
}
