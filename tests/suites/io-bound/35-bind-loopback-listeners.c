/* Truth: clean.  The admin server binds one listener per loopback address;
 * the addresses are numeric (AI_NUMERICHOST) and local, so the lookups in
 * the loop make no DNS round trip. */
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static const char *const admin_addrs[] = {"127.0.0.1", "::1"};

int main(void)
{
    int fds[2], nfds = 0;
    for (int i = 0; i < 2; i++) {
        struct addrinfo hints, *res;
        int fd, one = 1;
        memset(&hints, 0, sizeof hints);
        hints.ai_socktype = SOCK_STREAM;
        hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST | AI_NUMERICSERV;
        if (getaddrinfo(admin_addrs[i], "9090", &hints, &res) != 0)
            continue;
        fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
        if (fd >= 0) {
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
            if (bind(fd, res->ai_addr, res->ai_addrlen) == 0 &&
                listen(fd, 16) == 0)
                fds[nfds++] = fd;
            else
                close(fd);
        }
        freeaddrinfo(res);
    }
    printf("%d admin listeners\n", nfds);
    for (int i = 0; i < nfds; i++)
        close(fds[i]);
    return nfds ? 0 : 1;
}
