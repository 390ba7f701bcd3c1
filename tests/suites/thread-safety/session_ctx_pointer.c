/* Truth: open_session points 'ctx' at its local session and passes that
 * pointer to a detached keep-alive thread; the session dies when the function
 * returns (SW203, reached through a local pointer copy). */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

struct session {
    int sock;
    int keepalive_s;
};

static void *keepalive(void *arg)
{
    struct session *s = arg;
    for (int i = 0; i < 3; i++) {
        sleep((unsigned)s->keepalive_s);
        if (write(s->sock, "PING\r\n", 6) != 6)
            break;
    }
    return NULL;
}

int open_session(int sock)
{
    struct session sess = {sock, 30};
    struct session *ctx = &sess;
    pthread_t t;
    if (pthread_create(&t, NULL, keepalive, ctx) != 0) // label: SW203
        return -1;
    pthread_detach(t);
    return 0;
}

int main(void)
{
    open_session(1);
    sleep(1);
    return 0;
}
