#include "blocklist.h"

#include <stdio.h>

#define NFILTERS 4

static gpointer filter_thread(gpointer data)
{
    const char *query = data;
    for (int i = 0; i < 1000; i++)
        blocklist_contains(query);
    return NULL;
}

static gpointer feed_updater(gpointer data)
{
    (void)data;
    for (int i = 0; i < 50; i++) {
        char name[64];
        g_snprintf(name, sizeof name, "ads%d.example", i);
        blocklist_add(name);
    }
    return NULL;
}

int main(void)
{
    static const char *queries[NFILTERS] = {"ads1.example", "news.example",
                                            "ads42.example", "mail.example"};
    GThread *filters[NFILTERS];
    blocklist_init();
    blocklist_add("tracker.example");
    GThread *updater = g_thread_new("feed", feed_updater, NULL);
    for (int i = 0; i < NFILTERS; i++)
        filters[i] =
            g_thread_new("filter", filter_thread, (gpointer)queries[i]);
    for (int i = 0; i < NFILTERS; i++)
        g_thread_join(filters[i]);
    g_thread_join(updater);
    printf("%u blocked lookups\n", blocklist_hits());
    return 0;
}
