/* A classic thread-per-connection server: threads overlap client waits. */
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static void *serve(void *arg)
{
    int fd = *(int *)arg;
    char buf[512];
    ssize_t n;
    free(arg);
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0)
        send(fd, buf, (size_t)n, 0);
    close(fd);
    return NULL;
}

int main(void)
{
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    listen(lfd, 16);
    for (;;) {
        int *fd = malloc(sizeof *fd);
        pthread_t t;
        *fd = accept(lfd, NULL, NULL);
        pthread_create(&t, NULL, serve, fd);
        pthread_detach(t);
    }
}
