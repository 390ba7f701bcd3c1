/* Truth: clean.  Threads append lines to a local log file under the log's
 * own mutex (fprintf + fflush): short local file I/O, which SW304 ignores
 * by default (SPEC 2). */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <time.h>

static pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;
static FILE *log_file;

void log_line(const char *fmt, ...)
{
    va_list ap;
    time_t now = time(NULL);
    struct tm tm;
    char stamp[32];

    localtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
    pthread_mutex_lock(&log_mu);
    fprintf(log_file, "%s ", stamp);
    va_start(ap, fmt);
    vfprintf(log_file, fmt, ap);
    va_end(ap);
    fputc('\n', log_file);
    fflush(log_file);
    pthread_mutex_unlock(&log_mu);
}

static void *worker(void *arg)
{
    for (int i = 0; i < 1000; i++)
        log_line("worker %ld step %d", (long)arg, i);
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    log_file = fopen("/var/log/batch/batch.log", "a");
    if (!log_file)
        return 1;
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    fclose(log_file);
    return 0;
}
