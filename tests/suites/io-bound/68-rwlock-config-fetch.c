/* Truth: the config reloader takes the write lock and then downloads the
 * new feature flags over HTTPS; every reader of the flags blocks for the
 * whole download: SW304 at the download_flags call.  Readers only copy
 * under the read lock (clean). */
#include <pthread.h>
#include <string.h>

#include "include/curl/curl.h"

static pthread_rwlock_t flags_lock = PTHREAD_RWLOCK_INITIALIZER;
static char flags_json[8192];
static size_t flags_len;

static size_t store(char *p, size_t sz, size_t n, void *ud)
{
    size_t k = sz * n;
    (void)ud;
    if (k > sizeof flags_json - 1 - flags_len)
        k = sizeof flags_json - 1 - flags_len;
    memcpy(flags_json + flags_len, p, k);
    flags_len += k;
    flags_json[flags_len] = '\0';
    return sz * n;
}

static int download_flags(void)
{
    CURL *h = curl_easy_init();
    CURLcode rc;
    flags_len = 0;
    curl_easy_setopt(h, CURLOPT_URL, "https://flags.example.com/v1/app.json");
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, store);
    rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : -1;
}

void reload_flags(void)
{
    pthread_rwlock_wrlock(&flags_lock);
    download_flags(); // label: SW304
    pthread_rwlock_unlock(&flags_lock);
}

int flag_enabled(const char *name)
{
    int on;
    pthread_rwlock_rdlock(&flags_lock);
    on = strstr(flags_json, name) != NULL;
    pthread_rwlock_unlock(&flags_lock);
    return on;
}

static void *reloader(void *arg)
{
    (void)arg;
    reload_flags();
    return NULL;
}

int main(void)
{
    pthread_t t;
    int hits = 0;
    pthread_create(&t, NULL, reloader, NULL);
    for (int i = 0; i < 100000; i++)
        hits += flag_enabled("\"new_checkout\":true");
    pthread_join(t, NULL);
    return hits > 0 ? 0 : 1;
}
