/* Truth: clean.  The avatar refresher copies the URL under the profile
 * lock, releases it, downloads, and takes the lock again only to store the
 * result: the download happens with no lock held. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "include/curl/curl.h"

struct profile {
    pthread_mutex_t mu;
    char avatar_url[256];
    long avatar_status;
};

static size_t ignore(char *p, size_t sz, size_t n, void *ud)
{
    (void)p;
    (void)ud;
    return sz * n;
}

void refresh_avatar(struct profile *p)
{
    char url[256];
    long status = 0;
    CURL *h;

    pthread_mutex_lock(&p->mu);
    memcpy(url, p->avatar_url, sizeof url);
    pthread_mutex_unlock(&p->mu);

    h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, ignore);
    if (curl_easy_perform(h) == CURLE_OK)
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(h);

    pthread_mutex_lock(&p->mu);
    p->avatar_status = status;
    pthread_mutex_unlock(&p->mu);
}

static void *refresher(void *arg)
{
    refresh_avatar(arg);
    return NULL;
}

int main(void)
{
    static struct profile p = {PTHREAD_MUTEX_INITIALIZER,
                               "https://img.example.com/u/42.png", 0};
    pthread_t t;
    pthread_create(&t, NULL, refresher, &p);
    pthread_mutex_lock(&p.mu);
    printf("status so far: %ld\n", p.avatar_status);
    pthread_mutex_unlock(&p.mu);
    pthread_join(t, NULL);
    return 0;
}
