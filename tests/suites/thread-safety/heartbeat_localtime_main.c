/* Truth: after starting the heartbeat thread, main keeps logging with
 * localtime while the heartbeat thread also calls localtime: both calls share
 * one static struct tm and both run concurrently (SW202 on each). The
 * localtime call before pthread_create is clean. */
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static void *heartbeat(void *arg)
{
    (void)arg;
    for (int i = 0; i < 5; i++) {
        time_t now = time(NULL);
        struct tm *tm = localtime(&now); // label: SW202
        printf("heartbeat %02d:%02d:%02d\n", tm->tm_hour, tm->tm_min,
               tm->tm_sec);
        sleep(1);
    }
    return NULL;
}

int main(void)
{
    time_t start = time(NULL);
    struct tm *st = localtime(&start);
    printf("started at %02d:%02d\n", st->tm_hour, st->tm_min);
    pthread_t hb;
    pthread_create(&hb, NULL, heartbeat, NULL);
    for (int job = 0; job < 5; job++) {
        time_t now = time(NULL);
        struct tm *tm = localtime(&now); // label: SW202
        printf("job %d at %02d:%02d:%02d\n", job, tm->tm_hour, tm->tm_min,
               tm->tm_sec);
        sleep(1);
    }
    pthread_join(hb, NULL);
    return 0;
}
