/* Truth (program): clean. A C11 threads pipeline: every channel field is
 * touched with c->mu held, and both waits re-check their predicate under the
 * mutex with cnd_wait. */
#include "channel.h"

void chan_init(struct channel *c)
{
    mtx_init(&c->mu, mtx_plain);
    cnd_init(&c->readable);
    cnd_init(&c->writable);
    c->head = c->count = 0;
    c->closed = false;
}

void chan_send(struct channel *c, int v)
{
    mtx_lock(&c->mu);
    while (c->count == CHAN_CAP)
        cnd_wait(&c->writable, &c->mu);
    c->items[(c->head + c->count) % CHAN_CAP] = v;
    c->count++;
    cnd_signal(&c->readable);
    mtx_unlock(&c->mu);
}

bool chan_recv(struct channel *c, int *v)
{
    mtx_lock(&c->mu);
    while (c->count == 0 && !c->closed)
        cnd_wait(&c->readable, &c->mu);
    bool ok = c->count > 0;
    if (ok) {
        *v = c->items[c->head];
        c->head = (c->head + 1) % CHAN_CAP;
        c->count--;
        cnd_signal(&c->writable);
    }
    mtx_unlock(&c->mu);
    return ok;
}

void chan_close(struct channel *c)
{
    mtx_lock(&c->mu);
    c->closed = true;
    cnd_broadcast(&c->readable);
    mtx_unlock(&c->mu);
}
