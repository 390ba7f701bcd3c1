/* Truth: clean.  A small HTTP/1.0 client resolves the host once, connects,
 * sends the request and reads the response until EOF: the recv loop
 * continues on each call's result, and every call uses the same socket. */
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    const char *host = argc > 1 ? argv[1] : "example.com";
    struct addrinfo hints, *res;
    char req[512], buf[4096];
    ssize_t n;
    int fd;

    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, "80", &hints, &res) != 0)
        return 1;
    fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    if (fd < 0 || connect(fd, res->ai_addr, res->ai_addrlen) != 0) {
        freeaddrinfo(res);
        return 1;
    }
    freeaddrinfo(res);
    snprintf(req, sizeof req, "GET / HTTP/1.0\r\nHost: %s\r\n\r\n", host);
    send(fd, req, strlen(req), 0);
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0)
        fwrite(buf, 1, (size_t)n, stdout);
    close(fd);
    return 0;
}
