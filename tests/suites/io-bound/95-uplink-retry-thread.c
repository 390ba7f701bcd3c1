/* Truth: clean.  The uplink thread retries its connection, sleeping
 * between attempts; the `uplink_up` flag that ends the loop is written by
 * this loop itself from each attempt's result (main only reads it).  A
 * retry loop, not sleep-polling. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static atomic_int uplink_up;
static int uplink_fd = -1;

static int dial(const struct sockaddr_in *sa)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd >= 0 && connect(fd, (const struct sockaddr *)sa, sizeof *sa) == 0)
        return fd;
    if (fd >= 0)
        close(fd);
    return -1;
}

static void *uplink(void *arg)
{
    const struct sockaddr_in *sa = arg;
    while (!atomic_load(&uplink_up)) {
        uplink_fd = dial(sa);
        if (uplink_fd >= 0)
            atomic_store(&uplink_up, 1);
        else
            sleep(3);
    }
    return NULL;
}

int main(void)
{
    static struct sockaddr_in sa;
    pthread_t t;
    sa.sin_family = AF_INET;
    sa.sin_port = htons(4222);
    inet_pton(AF_INET, "198.51.100.7", &sa.sin_addr);
    pthread_create(&t, NULL, uplink, &sa);
    pthread_join(t, NULL);
    printf("uplink %s\n", atomic_load(&uplink_up) ? "up" : "down");
    return 0;
}
