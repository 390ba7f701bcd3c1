/* Truth: request threads share an OAuth token cache; when the token has
 * expired, the thread that notices refreshes it over HTTPS while still
 * holding the cache mutex, so every other request waits for that round
 * trip: SW304 at the fetch_token call. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "include/curl/curl.h"

struct token_cache {
    pthread_mutex_t mu;
    char token[512];
    time_t expires;
};

static struct token_cache cache = {PTHREAD_MUTEX_INITIALIZER, "", 0};

struct text {
    char *dst;
    size_t cap, len;
};

static size_t put(char *p, size_t sz, size_t n, void *ud)
{
    struct text *t = ud;
    size_t k = sz * n;
    if (k > t->cap - 1 - t->len)
        k = t->cap - 1 - t->len;
    memcpy(t->dst + t->len, p, k);
    t->len += k;
    t->dst[t->len] = '\0';
    return sz * n;
}

static int fetch_token(char *out, size_t cap)
{
    struct text t = {out, cap, 0};
    CURL *h = curl_easy_init();
    CURLcode rc;
    curl_easy_setopt(h, CURLOPT_URL, "https://login.example.com/oauth2/token");
    curl_easy_setopt(h, CURLOPT_POSTFIELDS,
                     "grant_type=client_credentials&client_id=svc-api");
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, put);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &t);
    rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : -1;
}

int current_token(char *out, size_t cap)
{
    int rc = 0;
    pthread_mutex_lock(&cache.mu);
    if (time(NULL) >= cache.expires) {
        rc = fetch_token(cache.token, sizeof cache.token); // label: SW304
        if (rc == 0)
            cache.expires = time(NULL) + 3000;
    }
    snprintf(out, cap, "%s", cache.token);
    pthread_mutex_unlock(&cache.mu);
    return rc;
}

static void *request_thread(void *arg)
{
    char tok[512];
    (void)arg;
    for (int i = 0; i < 100; i++)
        current_token(tok, sizeof tok);
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, request_thread, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return 0;
}
