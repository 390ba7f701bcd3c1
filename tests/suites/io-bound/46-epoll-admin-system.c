/* Truth: a hand-written epoll server runs admin commands; the "restart"
 * command calls run_hook, which waits for a shell command with system():
 * a process wait in the loop body, SW303 at the run_hook call.  accept and
 * read on the non-blocking sockets are the loop's own I/O (clean). */
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_EVENTS 32

static int run_hook(const char *name)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "/usr/libexec/admind/%s.sh", name);
    return system(cmd);
}

static void set_nonblocking(int fd)
{
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

int main(void)
{
    struct sockaddr_in sin;
    struct epoll_event ev, events[MAX_EVENTS];
    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int ep = epoll_create1(0);

    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_port = htons(7300);
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(lfd, (struct sockaddr *)&sin, sizeof sin) != 0 ||
        listen(lfd, 16) != 0)
        return 1;
    ev.events = EPOLLIN;
    ev.data.fd = lfd;
    epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);

    for (;;) {
        int n = epoll_wait(ep, events, MAX_EVENTS, -1);
        for (int i = 0; i < n; i++) {
            int fd = events[i].data.fd;
            char buf[128];
            ssize_t got;
            if (fd == lfd) {
                int cfd = accept(lfd, NULL, NULL);
                if (cfd < 0)
                    continue;
                set_nonblocking(cfd);
                ev.events = EPOLLIN;
                ev.data.fd = cfd;
                epoll_ctl(ep, EPOLL_CTL_ADD, cfd, &ev);
                continue;
            }
            got = read(fd, buf, sizeof buf - 1);
            if (got <= 0) {
                epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
                close(fd);
                continue;
            }
            buf[got] = '\0';
            if (strncmp(buf, "restart", 7) == 0) {
                int rc = run_hook("restart"); // label: SW303
                dprintf(fd, "restart: %d\n", rc);
            } else {
                dprintf(fd, "unknown command\n");
            }
        }
    }
}
