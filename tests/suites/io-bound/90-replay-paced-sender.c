/* Truth: clean.  The replay tool sends recorded events over one connected
 * socket, sleeping between sends to reproduce the original timing: the
 * sleep paces work this thread does itself, no other context writes
 * anything the loop waits for (not SW305), and every send uses the same
 * socket (not SW302). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct event_rec {
    unsigned delay_ms;
    const char *line;
};

static const struct event_rec recorded[] = {
    {0, "GET /cart\n"},
    {120, "POST /cart/items\n"},
    {900, "GET /checkout\n"},
    {40, "POST /pay\n"},
};

int main(void)
{
    struct sockaddr_in sa;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(8080);
    inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr);
    if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0)
        return 1;
    for (size_t i = 0; i < sizeof recorded / sizeof recorded[0]; i++) {
        usleep(recorded[i].delay_ms * 1000);
        send(fd, recorded[i].line, strlen(recorded[i].line), 0);
    }
    close(fd);
    return 0;
}
