/* Truth: the audit sink reconnects its plain (blocking) TCP socket to the
 * remote collector while holding the sink mutex: connect waits for the TCP
 * handshake (seconds when the collector is down) and every thread that
 * logs an audit event waits with it: SW304 at the connect call.  The
 * socket is created without SOCK_NONBLOCK, so its mode is visible. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static pthread_mutex_t sink_mu = PTHREAD_MUTEX_INITIALIZER;
static int sink_fd = -1;
static struct sockaddr_in collector;

static int ensure_connected(void)
{
    if (sink_fd >= 0)
        return 0;
    sink_fd = socket(AF_INET, SOCK_STREAM, 0);
    if (sink_fd < 0)
        return -1;
    if (connect(sink_fd, (struct sockaddr *)&collector, sizeof collector) !=
        0) {
        close(sink_fd);
        sink_fd = -1;
        return -1;
    }
    return 0;
}

void audit(const char *event)
{
    pthread_mutex_lock(&sink_mu);
    if (ensure_connected() == 0) // label: SW304
        send(sink_fd, event, strlen(event), MSG_DONTWAIT);
    pthread_mutex_unlock(&sink_mu);
}

static void *handler(void *arg)
{
    for (int i = 0; i < 100; i++)
        audit((const char *)arg);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    collector.sin_family = AF_INET;
    collector.sin_port = htons(6514);
    inet_pton(AF_INET, "192.0.2.40", &collector.sin_addr);
    pthread_create(&a, NULL, handler, "login user=alice\n");
    pthread_create(&b, NULL, handler, "logout user=bob\n");
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
