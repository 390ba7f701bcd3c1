#include "channel.h"

#include <stdio.h>

static struct channel raw, parsed;

static int parse_stage(void *arg)
{
    (void)arg;
    int v;
    while (chan_recv(&raw, &v))
        chan_send(&parsed, v * 10);
    chan_close(&parsed);
    return 0;
}

static int sink_stage(void *arg)
{
    long *sum = arg;
    int v;
    while (chan_recv(&parsed, &v))
        *sum += v;
    return 0;
}

int main(void)
{
    thrd_t parser, sink;
    long sum = 0;
    chan_init(&raw);
    chan_init(&parsed);
    thrd_create(&parser, parse_stage, NULL);
    thrd_create(&sink, sink_stage, &sum);
    for (int i = 0; i < 1000; i++)
        chan_send(&raw, i);
    chan_close(&raw);
    thrd_join(parser, NULL);
    thrd_join(sink, NULL);
    printf("sum %ld\n", sum);
    return 0;
}
