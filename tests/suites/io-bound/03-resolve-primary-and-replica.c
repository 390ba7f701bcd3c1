/* Truth: the two DNS lookups at start-up are independent of each other and
 * made one after the other: SW301 at the second.  The connect that uses the
 * first lookup's result depends on it. */
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct endpoints {
    struct addrinfo *primary;
    struct addrinfo *replica;
};

static int resolve_endpoints(const char *primary, const char *replica,
                             struct endpoints *ep)
{
    struct addrinfo hints;
    int rc;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(primary, "5432", &hints, &ep->primary) != 0)
        return -1;
    rc = getaddrinfo(replica, "5432", &hints, &ep->replica); // label: SW301
    if (rc != 0) {
        freeaddrinfo(ep->primary);
        return -1;
    }
    return 0;
}

static int open_primary(const struct endpoints *ep)
{
    int fd = socket(ep->primary->ai_family, ep->primary->ai_socktype, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, ep->primary->ai_addr, ep->primary->ai_addrlen) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int main(int argc, char **argv)
{
    struct endpoints ep;
    int fd;
    if (argc < 3) {
        fprintf(stderr, "usage: %s PRIMARY REPLICA\n", argv[0]);
        return 2;
    }
    if (resolve_endpoints(argv[1], argv[2], &ep) != 0)
        return 1;
    fd = open_primary(&ep);
    if (fd >= 0)
        close(fd);
    freeaddrinfo(ep.primary);
    freeaddrinfo(ep.replica);
    return fd >= 0 ? 0 : 1;
}
