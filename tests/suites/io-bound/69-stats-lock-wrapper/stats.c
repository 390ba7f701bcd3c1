/* The stats module's own lock wrappers and its push to the collector.
 * stats_push makes one HTTPS request; it is called by the flusher with the
 * stats lock held (see flusher.c). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "../include/curl/curl.h"
#include "stats.h"

static pthread_mutex_t stats_mu = PTHREAD_MUTEX_INITIALIZER;
static char names[32][32];
static long values[32];
static int nstats;

void stats_lock(void)
{
    pthread_mutex_lock(&stats_mu);
}

void stats_unlock(void)
{
    pthread_mutex_unlock(&stats_mu);
}

void stats_add(const char *name, long delta)
{
    int i;
    stats_lock();
    for (i = 0; i < nstats; i++)
        if (strcmp(names[i], name) == 0)
            break;
    if (i == nstats && nstats < 32)
        snprintf(names[nstats++], sizeof names[0], "%s", name);
    if (i < 32)
        values[i] += delta;
    stats_unlock();
}

int stats_push(const char *collector_url)
{
    char body[2048];
    size_t off = 0;
    CURL *h;
    CURLcode rc;

    for (int i = 0; i < nstats && off < sizeof body; i++)
        off += (size_t)snprintf(body + off, sizeof body - off, "%s=%ld\n",
                                names[i], values[i]);
    h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, collector_url);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
    rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    if (rc == CURLE_OK)
        memset(values, 0, sizeof values);
    return rc == CURLE_OK ? 0 : -1;
}
