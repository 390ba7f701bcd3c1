/* Truth: checkout asks the fraud-scoring service and the geo-IP service
 * one after the other; neither request uses the other's answer: SW301 at
 * the geo-IP call.  The charge request takes both answers (dependent on
 * both, clean). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "include/curl/curl.h"

struct reply {
    char text[2048];
    size_t len;
};

static size_t keep(char *p, size_t sz, size_t n, void *ud)
{
    struct reply *r = ud;
    size_t room = sizeof r->text - 1 - r->len;
    size_t take = sz * n < room ? sz * n : room;
    memcpy(r->text + r->len, p, take);
    r->len += take;
    r->text[r->len] = '\0';
    return sz * n;
}

static int post_json(const char *url, const char *json, struct reply *out)
{
    CURL *h = curl_easy_init();
    struct curl_slist *hdrs = curl_slist_append(NULL, "Content-Type: "
                                                      "application/json");
    CURLcode rc;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, json);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, keep);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, out);
    rc = curl_easy_perform(h);
    curl_slist_free_all(hdrs);
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : -1;
}

struct order {
    const char *card_token;
    const char *client_ip;
    long amount_cents;
};

int checkout(const struct order *o)
{
    char req[512];
    struct reply fraud = {.len = 0}, geo = {.len = 0}, charge = {.len = 0};
    double score;
    char country[8] = "??";
    const char *cc;

    snprintf(req, sizeof req, "{\"card\":\"%s\",\"amount\":%ld}", o->card_token,
             o->amount_cents);
    post_json("https://risk.example.com/v1/score", req, &fraud);
    snprintf(req, sizeof req, "{\"ip\":\"%s\"}", o->client_ip);
    post_json("https://geoip.example.net/v1/lookup", req, &geo); // label: SW301

    score = strtod(fraud.text, NULL);
    cc = strstr(geo.text, "\"country\":\"");
    if (cc)
        memcpy(country, cc + 11, 2);
    if (score > 0.8)
        return -1;
    snprintf(req, sizeof req,
             "{\"card\":\"%s\",\"amount\":%ld,\"country\":\"%s\","
             "\"risk\":%.2f}",
             o->card_token, o->amount_cents, country, score);
    return post_json("https://payments.example.com/v1/charges", req, &charge);
}

int main(void)
{
    struct order o = {"tok_visa_4242", "203.0.113.9", 4599};
    return checkout(&o) == 0 ? 0 : 1;
}
