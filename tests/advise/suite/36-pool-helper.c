/* The pool is handed to a helper that pushes the tiles. */
#include <glib.h>

struct tile { int x, y; };

static void render(gpointer data, gpointer user)
{
    struct tile *t = data;
    (void)user;
    for (int i = 0; i < 64; i++)
        t->x += i;
}

void push_tiles(GThreadPool *pool, struct tile *tiles, int n)
{
    for (int i = 1; i < n; i++)
        g_thread_pool_push(pool, &tiles[i], NULL);
}

void render_all(struct tile *tiles, int n)
{
    GThreadPool *pool = g_thread_pool_new(render, NULL, 4, FALSE, NULL);
    g_thread_pool_push(pool, &tiles[0], NULL);
    push_tiles(pool, tiles, n);
    g_thread_pool_free(pool, FALSE, TRUE);
}
