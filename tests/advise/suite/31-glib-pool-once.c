/* Builds a pool to index one document, then frees it. */
#include <glib.h>

struct doc { const char *text; int words; };

static void index_doc(gpointer data, gpointer user)
{
    struct doc *d = data;
    (void)user;
    for (const char *p = d->text; *p; p++)
        d->words += *p == ' ';
}

int count_words(struct doc *d)
{
    GThreadPool *pool = g_thread_pool_new(index_doc, NULL, 4, FALSE, NULL);
    g_thread_pool_push(pool, d, NULL); // label: SW104
    g_thread_pool_free(pool, FALSE, TRUE);
    return d->words;
}
