/* Truth: clean.  The agent retries connecting to its server with a
 * back-off: every round makes a real attempt (connect), and the loop ends
 * on that attempt's result, not on state another thread writes - a retry
 * loop, not sleep-polling (SW305), and not independent round trips
 * (SW302). */
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int try_connect(const struct addrinfo *ai)
{
    int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (fd < 0)
        return -1;
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int connect_with_backoff(const struct addrinfo *ai)
{
    unsigned delay = 1;
    int fd;
    while ((fd = try_connect(ai)) < 0) {
        fprintf(stderr, "server unreachable, retry in %us\n", delay);
        sleep(delay);
        if (delay < 60)
            delay *= 2;
    }
    return fd;
}

int main(int argc, char **argv)
{
    struct addrinfo hints, *res;
    int fd;
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(argc > 1 ? argv[1] : "collector.example.com", "7000",
                    &hints, &res) != 0)
        return 1;
    fd = connect_with_backoff(res);
    freeaddrinfo(res);
    write(fd, "HELLO agent/2\n", 14);
    close(fd);
    return 0;
}
