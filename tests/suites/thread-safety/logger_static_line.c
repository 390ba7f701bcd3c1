/* Truth: log_format builds every line in one function-static buffer, and the
 * upload workers (several instances) all log; the snprintf into it is an
 * unprotected write of a static shared by all threads. */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>

#define NUPLOADERS 4
#define FMT "[%s] %s (code %d)"

static pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;

static const char *log_format(const char *level, const char *msg, int code)
{
    static char line[256];
    snprintf(line, sizeof line, FMT, level, msg, code); // label: SW204
    return line;
}

static void log_emit(const char *level, const char *msg, int code)
{
    const char *s = log_format(level, msg, code);
    pthread_mutex_lock(&log_mu);
    fputs(s, stderr);
    fputc('\n', stderr);
    pthread_mutex_unlock(&log_mu);
}

static void *uploader(void *arg)
{
    int id = (int)(long)arg;
    for (int part = 0; part < 10; part++)
        log_emit("info", "uploaded part", id * 100 + part);
    return NULL;
}

int main(void)
{
    pthread_t t[NUPLOADERS];
    for (long i = 0; i < NUPLOADERS; i++)
        pthread_create(&t[i], NULL, uploader, (void *)i);
    for (int i = 0; i < NUPLOADERS; i++)
        pthread_join(t[i], NULL);
    return 0;
}
