/* A pool given one task per document. */
#include <glib.h>

struct doc { const char *text; int words; };

static void index_doc(gpointer data, gpointer user)
{
    struct doc *d = data;
    (void)user;
    for (const char *p = d->text; *p; p++)
        d->words += *p == ' ';
}

void index_all(struct doc *docs, int n)
{
    GThreadPool *pool = g_thread_pool_new(index_doc, NULL, 4, FALSE, NULL);
    for (int i = 0; i < n; i++)
        g_thread_pool_push(pool, &docs[i], NULL);
    g_thread_pool_free(pool, FALSE, TRUE);
}
