/* Truth: clean. The logger's function-static sequence number and its buffer
 * are written only while log_mu is held; every thread logs through it. */
#include <pthread.h>
#include <stdio.h>

#define NTHREADS 4

static pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;

static void log_line(const char *component, const char *msg)
{
    static unsigned long seq;
    static char buf[200];
    pthread_mutex_lock(&log_mu);
    seq++;
    snprintf(buf, sizeof buf, "%06lu %s: %s\n", seq, component, msg);
    fputs(buf, stderr);
    pthread_mutex_unlock(&log_mu);
}

static void *replicator(void *arg)
{
    const char *name = arg;
    for (int i = 0; i < 20; i++)
        log_line(name, "segment shipped");
    return NULL;
}

int main(void)
{
    static const char *names[NTHREADS] = {"repl-a", "repl-b", "repl-c",
                                          "repl-d"};
    pthread_t t[NTHREADS];
    log_line("main", "starting replicators");
    for (int i = 0; i < NTHREADS; i++)
        pthread_create(&t[i], NULL, replicator, (void *)names[i]);
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(t[i], NULL);
    log_line("main", "done");
    return 0;
}
