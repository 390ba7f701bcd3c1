/* Truth: the mail filter checks the sender's IP against each DNS
 * blocklist zone in turn, one lookup per zone; no lookup depends on
 * another: SW302 at the getaddrinfo call in the loop. */
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

static const char *const zones[] = {
    "zen.dnsbl.example.org",
    "bl.spam.example.net",
    "dnsbl.abuse.example.com",
};

int listed_count(const char *ipv4)
{
    unsigned a, b, c, d;
    int listed = 0;
    if (sscanf(ipv4, "%u.%u.%u.%u", &a, &b, &c, &d) != 4)
        return -1;
    for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
        char query[256];
        struct addrinfo *res = NULL;
        snprintf(query, sizeof query, "%u.%u.%u.%u.%s", d, c, b, a, zones[i]);
        if (getaddrinfo(query, NULL, NULL, &res) == 0) { // label: SW302
            listed++;
            freeaddrinfo(res);
        }
    }
    return listed;
}

int main(int argc, char **argv)
{
    int n = listed_count(argc > 1 ? argv[1] : "192.0.2.99");
    printf("listed on %d blocklists\n", n);
    return n > 0;
}
