/* Truth: an event is posted to every subscriber's webhook URL, one POST
 * per subscriber, each with its own handle and no result carried to the
 * next: SW302 at the deliver call in the loop. */
#include <stdio.h>

#include "include/curl/curl.h"

struct subscriber {
    const char *url;
    int failures;
};

static int deliver(const char *url, const char *payload)
{
    CURL *h = curl_easy_init();
    struct curl_slist *hdrs = NULL;
    CURLcode rc;
    long code = 0;

    hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, payload);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
    rc = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
    curl_slist_free_all(hdrs);
    curl_easy_cleanup(h);
    return rc == CURLE_OK && code < 300 ? 0 : -1;
}

void publish_event(struct subscriber *subs, int nsubs, const char *event)
{
    for (int i = 0; i < nsubs; i++) {
        if (deliver(subs[i].url, event) != 0) // label: SW302
            subs[i].failures++;
    }
}

int main(void)
{
    struct subscriber subs[] = {
        {"https://hooks.partner-a.example.com/orders", 0},
        {"https://ci.example.org/hooks/build", 0},
        {"https://chat.example.net/webhook/T0001/B0002", 0},
    };
    publish_event(subs, 3, "{\"type\":\"order.created\",\"id\":981}");
    for (int i = 0; i < 3; i++)
        if (subs[i].failures)
            fprintf(stderr, "delivery to %s failed\n", subs[i].url);
    return 0;
}
