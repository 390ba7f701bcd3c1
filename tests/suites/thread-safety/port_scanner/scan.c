#include "scan.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int probe_port(void *arg)
{
    int port = *(const int *)arg;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_in sa = {.sin_family = AF_INET,
                             .sin_port = htons((unsigned short)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int open_ = connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0;
    close(fd);
    return open_ ? port : 0;
}
