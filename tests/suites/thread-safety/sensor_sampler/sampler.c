/* Truth (program): both sampler threads (started through the wrapper) call
 * smooth(), whose function-static moving average is written without a lock
 * (SW204; shared static: SW201). start_probe hands its local probe config to a
 * thread it never joins (SW203), even though it goes through the wrapper. */
#include "thread.h"

#include <stdio.h>
#include <unistd.h>

struct probe_cfg {
    const char *device;
    int interval_ms;
};

static double smooth(double sample)
{
    static double avg;
    avg = avg * 0.9 + sample * 0.1; // label: SW204
    return avg;
}

void *sampler(void *arg)
{
    const char *device = arg;
    for (int i = 0; i < 100; i++) {
        double v = smooth(20.0 + (i % 7));
        if (i % 25 == 0)
            printf("%s: %.2f\n", device, v);
        usleep(1000);
    }
    return NULL;
}

static void *probe(void *arg)
{
    const struct probe_cfg *cfg = arg;
    usleep((useconds_t)cfg->interval_ms * 1000u);
    printf("probe %s done\n", cfg->device);
    return NULL;
}

int start_probe(const char *device)
{
    struct probe_cfg cfg = {device, 250};
    pthread_t t;
    if (sw_thread_start(&t, "probe", probe, &cfg) != 0) // label: SW203
        return -1;
    pthread_detach(t);
    return 0;
}
