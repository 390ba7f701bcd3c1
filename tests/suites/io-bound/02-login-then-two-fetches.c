/* Truth: the profile request needs the token from the login response
 * (dependent, clean), but the profile and order-history requests only share
 * that token and do not depend on each other: SW301 at the second of them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "include/curl/curl.h"

#define PROFILE_URL "https://api.shop.example.com/v1/me"
#define ORDERS_URL "https://api.shop.example.com/v1/me/orders"

struct buf {
    char data[8192];
    size_t len;
};

static size_t sink(char *p, size_t sz, size_t n, void *ud)
{
    struct buf *b = ud;
    size_t take = sz * n;
    if (take > sizeof b->data - 1 - b->len)
        take = sizeof b->data - 1 - b->len;
    memcpy(b->data + b->len, p, take);
    b->len += take;
    b->data[b->len] = '\0';
    return sz * n;
}

static int api_call(const char *url, const char *token, const char *post,
                    struct buf *out)
{
    CURL *h = curl_easy_init();
    struct curl_slist *hdrs = NULL;
    char auth[300];
    CURLcode rc;

    if (!h)
        return -1;
    if (token) {
        snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
        hdrs = curl_slist_append(hdrs, auth);
        curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    }
    if (post)
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, post);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, sink);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, out);
    rc = curl_easy_perform(h);
    curl_slist_free_all(hdrs);
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : -1;
}

static int parse_token(const struct buf *login, char *token, size_t cap)
{
    const char *p = strstr(login->data, "\"access_token\":\"");
    size_t n = 0;
    if (!p)
        return -1;
    p += strlen("\"access_token\":\"");
    while (p[n] && p[n] != '"' && n + 1 < cap) {
        token[n] = p[n];
        n++;
    }
    token[n] = '\0';
    return 0;
}

int sync_account(const char *user, const char *password)
{
    struct buf login = {.len = 0}, profile = {.len = 0}, orders = {.len = 0};
    char form[256], token[256];

    snprintf(form, sizeof form, "grant_type=password&username=%s&password=%s",
             user, password);
    if (api_call("https://auth.shop.example.com/oauth/token", NULL, form,
                 &login) != 0)
        return -1;
    if (parse_token(&login, token, sizeof token) != 0)
        return -1;
    api_call(PROFILE_URL, token, NULL, &profile);
    api_call(ORDERS_URL, token, NULL, &orders); // label: SW301
    printf("%s\n%s\n", profile.data, orders.data);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3)
        return 2;
    return sync_account(argv[1], argv[2]) == 0 ? 0 : 1;
}
