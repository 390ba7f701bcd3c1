/* Truth: the consumer thread checks the shared queue under its mutex and,
 * when it is empty, sleeps 500 us and looks again; the producer fills the
 * queue and sets `running` from another thread: sleep-polling, SW305 at
 * the usleep call. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#define CAP 256

static pthread_mutex_t q_mu = PTHREAD_MUTEX_INITIALIZER;
static int items[CAP];
static int count;
static volatile int running = 1;
static long total;

static void *consumer(void *arg)
{
    (void)arg;
    while (running) {
        int item = -1;
        pthread_mutex_lock(&q_mu);
        if (count > 0)
            item = items[--count];
        pthread_mutex_unlock(&q_mu);
        if (item < 0) {
            usleep(500); // label: SW305
            continue;
        }
        total += item;
    }
    return NULL;
}

int main(void)
{
    pthread_t c;
    pthread_create(&c, NULL, consumer, NULL);
    for (int i = 0; i < 10000; i++) {
        pthread_mutex_lock(&q_mu);
        if (count < CAP)
            items[count++] = i;
        pthread_mutex_unlock(&q_mu);
    }
    running = 0;
    pthread_join(c, NULL);
    printf("%ld\n", total);
    return 0;
}
