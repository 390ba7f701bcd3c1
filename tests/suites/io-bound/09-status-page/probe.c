#include <stdio.h>
#include <time.h>

#include "../include/curl/curl.h"
#include "probe.h"

static size_t drop(char *p, size_t sz, size_t n, void *ud)
{
    (void)p;
    (void)ud;
    return sz * n;
}

int probe_http(const char *url, struct probe_result *out)
{
    struct timespec t0, t1;
    CURL *h = curl_easy_init();
    CURLcode rc;

    if (!h)
        return -1;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, drop);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 3L);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    rc = curl_easy_perform(h);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &out->http_code);
    out->seconds = (double)(t1.tv_sec - t0.tv_sec) +
                   (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : -1;
}

void print_status(const char *name, const struct probe_result *r)
{
    printf("%-8s %3ld %6.3fs\n", name, r->http_code, r->seconds);
}
