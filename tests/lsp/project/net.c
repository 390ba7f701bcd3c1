/* Fixture for the LSP tests: a lookup that blocks on DNS. */
#include <netdb.h>
#include <stddef.h>

int net_lookup(const char *host)
{
    struct addrinfo *res = NULL;
    int rc = getaddrinfo(host, "80", NULL, &res);
    if (rc == 0)
        freeaddrinfo(res);
    return rc;
}
