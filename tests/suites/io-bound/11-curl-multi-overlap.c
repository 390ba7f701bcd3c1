/* Truth: clean.  The two API requests are already overlapped with the curl
 * multi interface; the curl_multi_poll loop waits for both at once and its
 * continuation depends on the transfer state. */
#include <stdio.h>
#include <string.h>

#include "include/curl/curl.h"

struct page {
    char body[4096];
    size_t len;
};

static size_t fill(char *p, size_t sz, size_t n, void *ud)
{
    struct page *pg = ud;
    size_t room = sizeof pg->body - 1 - pg->len;
    size_t take = sz * n < room ? sz * n : room;
    memcpy(pg->body + pg->len, p, take);
    pg->len += take;
    pg->body[pg->len] = '\0';
    return sz * n;
}

static CURL *prepare(const char *url, struct page *pg)
{
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, fill);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, pg);
    return h;
}

int main(void)
{
    struct page users = {.len = 0}, teams = {.len = 0};
    CURLM *multi = curl_multi_init();
    CURL *a = prepare("https://directory.example.com/api/users", &users);
    CURL *b = prepare("https://directory.example.com/api/teams", &teams);
    int running = 0;

    curl_multi_add_handle(multi, a);
    curl_multi_add_handle(multi, b);
    do {
        curl_multi_perform(multi, &running);
        if (running)
            curl_multi_poll(multi, NULL, 0, 1000, NULL);
    } while (running);

    printf("users: %zu bytes, teams: %zu bytes\n", users.len, teams.len);
    curl_multi_remove_handle(multi, a);
    curl_multi_remove_handle(multi, b);
    curl_easy_cleanup(a);
    curl_easy_cleanup(b);
    curl_multi_cleanup(multi);
    return 0;
}
