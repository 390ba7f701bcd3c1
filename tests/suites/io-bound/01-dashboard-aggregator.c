/* Truth: the dashboard handler calls three independent HTTP APIs one after
 * another (weather, headlines, quotes): SW301 at the last of the three. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "include/curl/curl.h"

#define NEWS_URL "https://news.example.org/api/top?limit=5"
#define QUOTES_URL "https://quotes.example.net/v1/indices"

struct body {
    char *data;
    size_t len;
};

static size_t collect(char *ptr, size_t size, size_t nmemb, void *userdata)
{
    struct body *b = userdata;
    size_t n = size * nmemb;
    char *grown = realloc(b->data, b->len + n + 1);
    if (!grown)
        return 0;
    memcpy(grown + b->len, ptr, n);
    b->data = grown;
    b->len += n;
    b->data[b->len] = '\0';
    return n;
}

static int http_get_json(const char *url, struct body *out)
{
    CURL *h = curl_easy_init();
    CURLcode rc;
    if (!h)
        return -1;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, out);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 5L);
    rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : -1;
}

int render_dashboard(const char *city, FILE *out)
{
    char url[512];
    struct body weather = {0}, news = {0}, quotes = {0};

    snprintf(url, sizeof url, "https://api.weather.example.com/v2/now?q=%s",
             city);
    http_get_json(url, &weather);
    http_get_json(NEWS_URL, &news);
    http_get_json(QUOTES_URL, &quotes); // label: SW301

    fprintf(out, "{\"weather\":%s,\"news\":%s,\"markets\":%s}\n",
            weather.data ? weather.data : "null",
            news.data ? news.data : "null", quotes.data ? quotes.data : "null");
    free(weather.data);
    free(news.data);
    free(quotes.data);
    return 0;
}

int main(int argc, char **argv)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    render_dashboard(argc > 1 ? argv[1] : "Lisbon", stdout);
    curl_global_cleanup();
    return 0;
}
