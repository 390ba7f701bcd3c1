/* Truth: clean.  The uploader retries the same request until it succeeds,
 * sleeping with exponential back-off between attempts: the loop continues
 * on the call's result (not SW302), and the sleep separates real attempts
 * (not SW305). */
#include <stdio.h>
#include <unistd.h>

#include "include/curl/curl.h"

static int upload_once(const char *url, const char *json)
{
    CURL *h = curl_easy_init();
    CURLcode rc;
    long code = 0;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, json);
    rc = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
    curl_easy_cleanup(h);
    if (rc != CURLE_OK || code >= 500)
        return -1;
    return 0;
}

int upload_with_retry(const char *url, const char *json)
{
    unsigned delay = 1;
    for (int attempt = 1; attempt <= 6; attempt++) {
        if (upload_once(url, json) == 0)
            return 0;
        fprintf(stderr, "attempt %d failed, retrying in %us\n", attempt, delay);
        sleep(delay);
        delay *= 2;
    }
    return -1;
}

int main(void)
{
    return upload_with_retry("https://ingest.example.com/v1/batches",
                             "{\"rows\":[]}") == 0
               ? 0
               : 1;
}
