/* Truth: clean.  This crawler reuses one easy handle (one kept-alive
 * connection) for every URL: calls on the same handle are dependent
 * (SPEC 2), so the loop is not a set of independent round trips.  Compare
 * 20-crawler-seed-list.c, which makes a fresh handle per URL. */
#include <stdio.h>

#include "include/curl/curl.h"

static size_t count_bytes(char *p, size_t sz, size_t n, void *ud)
{
    (void)p;
    *(size_t *)ud += sz * n;
    return sz * n;
}

int main(int argc, char **argv)
{
    CURL *h = curl_easy_init();
    size_t bytes = 0;

    if (!h)
        return 1;
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, count_bytes);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &bytes);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "sitemap-warmer/1.0");
    for (int i = 1; i < argc; i++) {
        curl_easy_setopt(h, CURLOPT_URL, argv[i]);
        if (curl_easy_perform(h) != CURLE_OK)
            fprintf(stderr, "%s: failed\n", argv[i]);
    }
    curl_easy_cleanup(h);
    printf("%zu bytes warmed\n", bytes);
    return 0;
}
