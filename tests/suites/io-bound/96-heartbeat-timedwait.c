/* Truth: clean.  The heartbeat thread waits between beats with
 * pthread_cond_timedwait on the mutex it holds (released while waiting,
 * woken at once on shutdown), and sends the beat after unlocking: no sleep
 * polling, no blocking call under the lock. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static int stopping;

static void *heartbeat(void *arg)
{
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    const struct sockaddr_in *to = arg;
    for (;;) {
        struct timespec deadline;
        int stop;
        clock_gettime(CLOCK_REALTIME, &deadline);
        deadline.tv_sec += 5;
        pthread_mutex_lock(&mu);
        while (!stopping && pthread_cond_timedwait(&wake, &mu, &deadline) == 0)
            ;
        stop = stopping;
        pthread_mutex_unlock(&mu);
        if (stop)
            break;
        sendto(fd, "beat", 4, MSG_DONTWAIT, (const struct sockaddr *)to,
               sizeof *to);
    }
    close(fd);
    return NULL;
}

int main(void)
{
    static struct sockaddr_in to;
    pthread_t t;
    to.sin_family = AF_INET;
    to.sin_port = htons(9999);
    inet_pton(AF_INET, "10.0.0.1", &to.sin_addr);
    pthread_create(&t, NULL, heartbeat, &to);
    sleep(30);
    pthread_mutex_lock(&mu);
    stopping = 1;
    pthread_cond_signal(&wake);
    pthread_mutex_unlock(&mu);
    pthread_join(t, NULL);
    return 0;
}
