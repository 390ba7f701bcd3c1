/* Truth: clean.  Both requests go through the same easy handle (one
 * kept-alive connection); calls on the same handle are dependent (SPEC 2),
 * so they are not independent sequential calls. */
#include <stdio.h>

#include "include/curl/curl.h"

static size_t to_file(char *p, size_t sz, size_t n, void *ud)
{
    return fwrite(p, sz, n, (FILE *)ud) * sz;
}

int main(void)
{
    CURL *h = curl_easy_init();
    CURLcode rc;

    if (!h)
        return 1;
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, to_file);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, stdout);

    curl_easy_setopt(h, CURLOPT_URL, "https://registry.example.com/v2/");
    rc = curl_easy_perform(h);
    if (rc != CURLE_OK) {
        fprintf(stderr, "ping: %s\n", curl_easy_strerror(rc));
        curl_easy_cleanup(h);
        return 1;
    }
    curl_easy_setopt(h, CURLOPT_URL,
                     "https://registry.example.com/v2/_catalog");
    rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : 1;
}
