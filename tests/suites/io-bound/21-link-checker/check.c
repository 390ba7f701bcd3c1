#include "../include/curl/curl.h"
#include "links.h"

int check_link(struct link *l)
{
    CURL *h = curl_easy_init();
    CURLcode rc;
    if (!h)
        return -1;
    curl_easy_setopt(h, CURLOPT_URL, l->url);
    curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    rc = curl_easy_perform(h);
    if (rc == CURLE_OK)
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &l->status);
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : -1;
}
