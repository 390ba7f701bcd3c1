#include "dash.h"

#include <netdb.h>
#include <pthread.h>
#include <stdio.h>

#define NTILES 4

int main(void)
{
    static struct stats st;
    static struct tile tiles[NTILES];
    pthread_t t, snap, watcher, r[NTILES];
    struct addrinfo *feeds = NULL, *radar = NULL;

    /* Two unrelated lookups, one after the other. */
    getaddrinfo("feeds.example.com", "443", NULL, &feeds);
    getaddrinfo("radar.example.org", "443", NULL, &radar);

    pthread_create(&t, NULL, refresh_totals, &st);
    pthread_detach(t);
    pthread_create(&snap, NULL, save_snapshot, &st);
    pthread_detach(snap);
    pthread_create(&watcher, NULL, watch_feed, "feeds.example.com");
    pthread_detach(watcher);

    for (int i = 0; i < NTILES; i++)
        pthread_create(&r[i], NULL, render_tile, &tiles[i]);
    for (int i = 0; i < NTILES; i++)
        pthread_join(r[i], NULL);
    printf("%ld fetches\n", st.fetches);
    freeaddrinfo(feeds);
    freeaddrinfo(radar);
    return 0;
}
