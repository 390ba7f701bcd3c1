#ifndef PIPELINE_CHANNEL_H
#define PIPELINE_CHANNEL_H

#include <stdbool.h>
#include <threads.h>

#define CHAN_CAP 16

struct channel {
    mtx_t mu;
    cnd_t readable;
    cnd_t writable;
    int items[CHAN_CAP];
    int head, count;
    bool closed;
};

void chan_init(struct channel *c);
void chan_send(struct channel *c, int v);
bool chan_recv(struct channel *c, int *v);
void chan_close(struct channel *c);

#endif
