/* A small weather dashboard: fetches feeds, renders tiles, keeps stats. */
#ifndef DASH_H
#define DASH_H

#include <stddef.h>

struct stats {
    long fetches, errors;
    double error_rate;
};

struct tile {
    unsigned char px[64 * 64];
    int shade;
};

void *refresh_totals(void *arg);
void *save_snapshot(void *arg);
void *render_tile(void *arg);
void *watch_feed(void *arg);

#endif
