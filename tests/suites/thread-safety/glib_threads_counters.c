/* Truth: clean. GLib crawler threads record visited pages under a GMutex and
 * count fetched bytes with g_atomic_int_add; main reads after g_thread_join. */
#include <glib.h>
#include <stdio.h>

#define NCRAWLERS 4

struct crawl_state {
    GMutex lock;
    GHashTable *visited;
    gint bytes_fetched;
};

static struct crawl_state state;

static gpointer crawler(gpointer data)
{
    int id = GPOINTER_TO_INT(data);
    for (int page = 0; page < 50; page++) {
        char *url = g_strdup_printf("https://example.test/%d/%d", id, page);
        g_mutex_lock(&state.lock);
        g_hash_table_add(state.visited, url);
        g_mutex_unlock(&state.lock);
        g_atomic_int_add(&state.bytes_fetched, 1024 + page);
    }
    return NULL;
}

int main(void)
{
    GThread *threads[NCRAWLERS];
    g_mutex_init(&state.lock);
    state.visited =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (int i = 0; i < NCRAWLERS; i++)
        threads[i] = g_thread_new("crawler", crawler, GINT_TO_POINTER(i));
    for (int i = 0; i < NCRAWLERS; i++)
        g_thread_join(threads[i]);
    printf("%u pages, %d bytes\n", g_hash_table_size(state.visited),
           g_atomic_int_get(&state.bytes_fetched));
    g_hash_table_destroy(state.visited);
    g_mutex_clear(&state.lock);
    return 0;
}
