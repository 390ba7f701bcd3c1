/* Truth: two easy handles are prepared and then performed one after the
 * other; the second transfer does not use anything from the first: SW301 at
 * the second curl_easy_perform.  Comparing the two status codes afterwards
 * is CPU work. */
#include <stdio.h>

#include "include/curl/curl.h"

static size_t discard(char *p, size_t sz, size_t n, void *ud)
{
    (void)p;
    (void)ud;
    return sz * n;
}

static CURL *head_request(const char *url)
{
    CURL *h = curl_easy_init();
    if (!h)
        return NULL;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
    return h;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "/releases/latest.tar.gz";
    char origin_url[512], mirror_url[512];
    CURL *origin, *mirror;
    long origin_code = 0, mirror_code = 0;

    snprintf(origin_url, sizeof origin_url, "https://downloads.example.org%s",
             path);
    snprintf(mirror_url, sizeof mirror_url, "https://mirror.example.net%s",
             path);
    origin = head_request(origin_url);
    mirror = head_request(mirror_url);
    if (!origin || !mirror)
        return 1;

    curl_easy_perform(origin);
    curl_easy_perform(mirror); // label: SW301
    curl_easy_getinfo(origin, CURLINFO_RESPONSE_CODE, &origin_code);
    curl_easy_getinfo(mirror, CURLINFO_RESPONSE_CODE, &mirror_code);
    if (origin_code != mirror_code)
        printf("mirror out of sync: %ld vs %ld\n", origin_code, mirror_code);
    curl_easy_cleanup(origin);
    curl_easy_cleanup(mirror);
    return 0;
}
