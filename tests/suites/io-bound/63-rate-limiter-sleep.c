/* Truth: the outbound rate limiter sleeps until the next refill while
 * holding the limiter mutex, so every sender (and the refill accounting)
 * waits behind it: SW304 at the usleep call. */
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

struct limiter {
    pthread_mutex_t mu;
    int tokens;
    int per_second;
    time_t last_refill;
};

static struct limiter sms_limit = {PTHREAD_MUTEX_INITIALIZER, 10, 10, 0};

static void refill(struct limiter *l)
{
    time_t now = time(NULL);
    if (now != l->last_refill) {
        l->tokens = l->per_second;
        l->last_refill = now;
    }
}

void limiter_take(struct limiter *l)
{
    pthread_mutex_lock(&l->mu);
    refill(l);
    if (l->tokens == 0) {
        usleep(1000000 / (useconds_t)l->per_second); // label: SW304
        refill(l);
    }
    if (l->tokens > 0)
        l->tokens--;
    pthread_mutex_unlock(&l->mu);
}

static void *sender(void *arg)
{
    for (int i = 0; i < 50; i++) {
        limiter_take(&sms_limit);
        printf("sms %d from sender %ld\n", i, (long)arg);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    for (long i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, sender, (void *)i);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return 0;
}
