/* Truth: clean.  The warm-up thread signals completion through an eventfd
 * and main blocks in read() on it: a real wait for the event, no sleep and
 * no polling loop. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/eventfd.h>
#include <unistd.h>

static int ready_fd;
static unsigned long warmed;

static void *warm_up(void *arg)
{
    uint64_t one = 1;
    (void)arg;
    for (unsigned long i = 0; i < 1000000UL; i++)
        warmed += i & 1;
    if (write(ready_fd, &one, sizeof one) != sizeof one)
        perror("eventfd");
    return NULL;
}

int main(void)
{
    pthread_t t;
    uint64_t v;
    ready_fd = eventfd(0, EFD_CLOEXEC);
    pthread_create(&t, NULL, warm_up, NULL);
    if (read(ready_fd, &v, sizeof v) != sizeof v)
        return 1;
    printf("warm: %lu\n", warmed);
    pthread_join(t, NULL);
    close(ready_fd);
    return 0;
}
