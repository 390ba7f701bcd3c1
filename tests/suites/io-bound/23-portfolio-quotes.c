/* Truth: the portfolio job fetches one quote per holding from the market
 * data API, one request per iteration, each written to its own slot:
 * SW302 at the fetch_quote call in the loop. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "include/curl/curl.h"

struct holding {
    const char *symbol;
    double shares;
    double price;
};

struct text {
    char s[512];
    size_t n;
};

static size_t take(char *p, size_t sz, size_t n, void *ud)
{
    struct text *t = ud;
    size_t room = sizeof t->s - 1 - t->n;
    size_t k = sz * n < room ? sz * n : room;
    memcpy(t->s + t->n, p, k);
    t->n += k;
    t->s[t->n] = '\0';
    return sz * n;
}

static int fetch_quote(const char *symbol, double *price)
{
    char url[256];
    struct text body = {.n = 0};
    CURL *h = curl_easy_init();
    CURLcode rc;
    snprintf(url, sizeof url,
             "https://marketdata.example.com/v1/quote?symbol=%s", symbol);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, take);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
    rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    if (rc != CURLE_OK)
        return -1;
    *price = strtod(body.s, NULL);
    return 0;
}

int main(void)
{
    struct holding book[] = {{"ACME", 120, 0},
                             {"GLOBX", 40, 0},
                             {"INITECH", 300, 0},
                             {"UMBR", 15, 0}};
    size_t n = sizeof book / sizeof book[0];
    double total = 0;

    for (size_t i = 0; i < n; i++)
        fetch_quote(book[i].symbol, &book[i].price); // label: SW302
    for (size_t i = 0; i < n; i++)
        total += book[i].shares * book[i].price;
    printf("portfolio value: %.2f\n", total);
    return 0;
}
