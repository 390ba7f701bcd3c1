/* Truth: the sigwait thread sets the plain int 'shutting_down' that the
 * connection workers spin on in their service loop: an unsynchronised flag
 * wait (SW205) and a write racing with those reads (SW201). */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#define NWORKERS 4

static int shutting_down;
static sigset_t handled;

static void *signal_thread(void *arg)
{
    (void)arg;
    int sig = 0;
    sigwait(&handled, &sig);
    fprintf(stderr, "caught signal %d, draining\n", sig);
    shutting_down = 1;
    return NULL;
}

static void serve_one(int id)
{
    usleep(1000 + id);
}

static void *conn_worker(void *arg)
{
    int id = (int)(long)arg;
    unsigned served = 0;
    while (!shutting_down) { // label: SW205
        serve_one(id);
        served++;
    }
    return (void *)(long)served;
}

int main(void)
{
    pthread_t sig_t, workers[NWORKERS];
    sigemptyset(&handled);
    sigaddset(&handled, SIGINT);
    sigaddset(&handled, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &handled, NULL);
    pthread_create(&sig_t, NULL, signal_thread, NULL);
    for (long i = 0; i < NWORKERS; i++)
        pthread_create(&workers[i], NULL, conn_worker, (void *)i);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(workers[i], NULL);
    pthread_join(sig_t, NULL);
    return 0;
}
