/* Truth (program): clean. The domain set is read under the GRWLock's reader
 * side and changed under its writer side; the hit counter uses g_atomic. */
#include "blocklist.h"

static GRWLock list_lock;
static GHashTable *domains;
static gint hits;

void blocklist_init(void)
{
    domains = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
}

gboolean blocklist_contains(const char *domain)
{
    g_rw_lock_reader_lock(&list_lock);
    gboolean found = g_hash_table_contains(domains, domain);
    g_rw_lock_reader_unlock(&list_lock);
    if (found)
        g_atomic_int_inc(&hits);
    return found;
}

void blocklist_add(const char *domain)
{
    g_rw_lock_writer_lock(&list_lock);
    g_hash_table_add(domains, g_strdup(domain));
    g_rw_lock_writer_unlock(&list_lock);
}

guint blocklist_hits(void)
{
    return (guint)g_atomic_int_get(&hits);
}
