/* Truth (program): log_info stamps every line with localtime (SW202: the
 * uploader threads log concurrently) into a function-static stamp buffer
 * that strftime writes without a lock (SW204; shared static: SW201). The
 * output itself is written under log_mu. */
#include "log.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#define STAMP_FMT "%Y-%m-%d %H:%M:%S"

static pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;

static const char *log_stamp(void)
{
    static char stamp[32];
    time_t now = time(NULL);
    struct tm *tm = localtime(&now);              // label: SW202
    strftime(stamp, sizeof stamp, STAMP_FMT, tm); // label: SW204
    return stamp;
}

void log_info(const char *fmt, ...)
{
    const char *stamp = log_stamp();
    va_list ap;
    va_start(ap, fmt);
    pthread_mutex_lock(&log_mu);
    fprintf(stderr, "%s INFO ", stamp);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    pthread_mutex_unlock(&log_mu);
    va_end(ap);
}
