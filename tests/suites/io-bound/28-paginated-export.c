/* Truth: clean.  Each page request carries the cursor returned by the
 * previous page, so the iterations depend on each other (SPEC 2); the loop
 * cannot be overlapped. */
#include <stdio.h>
#include <string.h>

#include "include/curl/curl.h"

struct page {
    char body[16384];
    size_t len;
};

static size_t append(char *p, size_t sz, size_t n, void *ud)
{
    struct page *pg = ud;
    size_t room = sizeof pg->body - 1 - pg->len;
    size_t k = sz * n < room ? sz * n : room;
    memcpy(pg->body + pg->len, p, k);
    pg->len += k;
    pg->body[pg->len] = '\0';
    return sz * n;
}

static int next_cursor(const struct page *pg, char *cursor, size_t cap)
{
    const char *p = strstr(pg->body, "\"next_cursor\":\"");
    size_t i = 0;
    if (!p)
        return 0;
    p += strlen("\"next_cursor\":\"");
    while (p[i] && p[i] != '"' && i + 1 < cap) {
        cursor[i] = p[i];
        i++;
    }
    cursor[i] = '\0';
    return i > 0;
}

int main(void)
{
    CURL *h = curl_easy_init();
    char cursor[128] = "";
    char url[512];
    struct page pg;
    int pages = 0;

    if (!h)
        return 1;
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, append);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &pg);
    do {
        snprintf(url, sizeof url,
                 "https://api.crm.example.com/v3/contacts?limit=100%s%s",
                 cursor[0] ? "&cursor=" : "", cursor);
        pg.len = 0;
        curl_easy_setopt(h, CURLOPT_URL, url);
        if (curl_easy_perform(h) != CURLE_OK)
            break;
        fwrite(pg.body, 1, pg.len, stdout);
        pages++;
    } while (next_cursor(&pg, cursor, sizeof cursor));
    curl_easy_cleanup(h);
    fprintf(stderr, "%d pages\n", pages);
    return 0;
}
