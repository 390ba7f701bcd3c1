/* Truth: clean. getopt_long, setlocale, strtok and strerror are called only
 * by main before the download threads start or after they are joined; the
 * threads use localtime_r and strerror_r. */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_URLS 8

struct fetch {
    const char *url;
    int err;
};

static void *fetch_url(void *arg)
{
    struct fetch *f = arg;
    time_t now = time(NULL);
    struct tm tm;
    char stamp[16], msg[96];
    localtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%H:%M:%S", &tm);
    f->err = strlen(f->url) % 5 == 0 ? ECONNREFUSED : 0;
    if (f->err && strerror_r(f->err, msg, sizeof msg) == 0)
        fprintf(stderr, "[%s] %s: %s\n", stamp, f->url, msg);
    return NULL;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"urls", required_argument, NULL, 'u'}, {NULL, 0, NULL, 0}};
    char urls[256] = "http://a.test,http://b.test";
    int c;
    setlocale(LC_ALL, "");
    while ((c = getopt_long(argc, argv, "u:", longopts, NULL)) != -1)
        if (c == 'u')
            snprintf(urls, sizeof urls, "%s", optarg);
    struct fetch fetches[MAX_URLS];
    int n = 0;
    for (char *u = strtok(urls, ","); u && n < MAX_URLS; u = strtok(NULL, ","))
        fetches[n++] = (struct fetch){u, 0};
    pthread_t t[MAX_URLS];
    for (int i = 0; i < n; i++)
        pthread_create(&t[i], NULL, fetch_url, &fetches[i]);
    for (int i = 0; i < n; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < n; i++)
        if (fetches[i].err)
            printf("%s failed: %s\n", fetches[i].url, strerror(fetches[i].err));
    return 0;
}
