/* Truth: the flag is read correctly under the mutex, but the waiter still
 * sleeps and re-checks it in a loop instead of waiting on a condition
 * variable: SW305 at the usleep call.  The sleep is outside the lock (no
 * SW304). */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t state_mu = PTHREAD_MUTEX_INITIALIZER;
static int migration_done;

static void *migrate(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&state_mu);
    migration_done = 1;
    pthread_mutex_unlock(&state_mu);
    return NULL;
}

void wait_for_migration(void)
{
    for (;;) {
        int done;
        pthread_mutex_lock(&state_mu);
        done = migration_done;
        pthread_mutex_unlock(&state_mu);
        if (done)
            break;
        usleep(20 * 1000); // label: SW305
    }
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, migrate, NULL);
    wait_for_migration();
    puts("migration complete, serving traffic");
    pthread_join(t, NULL);
    return 0;
}
