/* Truth: the proxy resolves every upstream named in its config file, one
 * DNS lookup per line, each independent of the others: SW302 at the
 * getaddrinfo in the loop.  Reading the config with fgets is local. */
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#define MAX_UPSTREAMS 64

struct upstream {
    char host[256];
    struct addrinfo *addrs;
};

static int load_upstreams(const char *path, struct upstream *ups, int cap)
{
    FILE *f = fopen(path, "r");
    char line[300];
    int n = 0;
    if (!f)
        return -1;
    while (n < cap && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '\0' || line[0] == '#')
            continue;
        snprintf(ups[n].host, sizeof ups[n].host, "%s", line);
        ups[n].addrs = NULL;
        n++;
    }
    fclose(f);
    return n;
}

int main(int argc, char **argv)
{
    static struct upstream ups[MAX_UPSTREAMS];
    struct addrinfo hints;
    int n = load_upstreams(argc > 1 ? argv[1] : "/etc/edge/upstreams.conf", ups,
                           MAX_UPSTREAMS);

    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    for (int i = 0; i < n; i++) {
        struct upstream *u = &ups[i];
        int rc = getaddrinfo(u->host, "443", &hints, &u->addrs); // label: SW302
        if (rc != 0)
            fprintf(stderr, "%s: %s\n", u->host, gai_strerror(rc));
    }
    for (int i = 0; i < n; i++)
        if (ups[i].addrs)
            freeaddrinfo(ups[i].addrs);
    return 0;
}
