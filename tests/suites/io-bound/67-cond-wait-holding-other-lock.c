/* Truth: the dispatcher holds the routes lock and then waits on the job
 * queue's condition variable; pthread_cond_wait releases only queue_mu, so
 * routes_mu stays held for the whole wait and every lookup of the routing
 * table blocks: SW304 at the pthread_cond_wait call.  The worker's own
 * cond_wait releases the only lock it holds (clean). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static pthread_mutex_t routes_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t queue_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t queue_cv = PTHREAD_COND_INITIALIZER;
static pthread_cond_t done_cv = PTHREAD_COND_INITIALIZER;
static char routes[16][64];
static int queued, done;

void dispatch_and_wait(int route, const char *target)
{
    pthread_mutex_lock(&routes_mu);
    snprintf(routes[route], sizeof routes[route], "%s", target);
    pthread_mutex_lock(&queue_mu);
    queued++;
    pthread_cond_signal(&queue_cv);
    while (done < queued)
        pthread_cond_wait(&done_cv, &queue_mu); // label: SW304
    pthread_mutex_unlock(&queue_mu);
    pthread_mutex_unlock(&routes_mu);
}

static void *worker(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&queue_mu);
        while (done == queued)
            pthread_cond_wait(&queue_cv, &queue_mu);
        done++;
        pthread_cond_broadcast(&done_cv);
        pthread_mutex_unlock(&queue_mu);
    }
    return NULL;
}

int main(void)
{
    pthread_t w;
    pthread_create(&w, NULL, worker, NULL);
    dispatch_and_wait(3, "10.0.0.8:9000");
    pthread_mutex_lock(&routes_mu);
    printf("route 3: %s\n", routes[3]);
    pthread_mutex_unlock(&routes_mu);
    return 0;
}
