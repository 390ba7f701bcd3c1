/* Truth: a GLib command-line tool (no main loop running) resolves the mail
 * and web hosts of a domain with the synchronous GResolver, one lookup
 * after the other, independently: SW301 at the second lookup. */
#include <gio/gio.h>
#include <stdio.h>

static guint count_addresses(GList *addrs)
{
    guint n = g_list_length(addrs);
    g_resolver_free_addresses(addrs);
    return n;
}

int main(int argc, char **argv)
{
    const char *domain = argc > 1 ? argv[1] : "example.org";
    GResolver *r = g_resolver_get_default();
    GError *err = NULL;
    gchar *mail = g_strdup_printf("mail.%s", domain);
    gchar *www = g_strdup_printf("www.%s", domain);
    GList *mail_addrs, *www_addrs;

    mail_addrs = g_resolver_lookup_by_name(r, mail, NULL, &err);
    g_clear_error(&err);
    www_addrs = g_resolver_lookup_by_name(r, www, NULL, &err); // label: SW301
    g_clear_error(&err);
    printf("%s: %u addresses, %s: %u addresses\n", mail,
           count_addresses(mail_addrs), www, count_addresses(www_addrs));
    g_free(mail);
    g_free(www);
    g_object_unref(r);
    return 0;
}
