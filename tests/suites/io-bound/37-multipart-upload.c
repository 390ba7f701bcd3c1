/* Truth: the backup tool uploads each part of a large object with its own
 * easy handle, one part after the other; the parts are independent: SW302
 * at the upload_part call in the loop.  The final "complete" request
 * takes the ETags of all parts (dependent, clean). */
#include <stdio.h>
#include <string.h>

#include "include/curl/curl.h"

#define PARTS 8

struct etag {
    char value[64];
    size_t len;
};

static size_t header_etag(char *p, size_t sz, size_t n, void *ud)
{
    struct etag *e = ud;
    size_t k = sz * n < sizeof e->value - 1 ? sz * n : sizeof e->value - 1;
    memcpy(e->value, p, k);
    e->value[k] = '\0';
    e->len = k;
    return sz * n;
}

static int upload_part(const char *base, int part, const char *data,
                       struct etag *out)
{
    char url[512];
    CURL *h = curl_easy_init();
    CURLcode rc;
    snprintf(url, sizeof url, "%s?partNumber=%d", base, part + 1);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, data);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, header_etag);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, out);
    rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : -1;
}

static int complete_upload(const char *base, const struct etag *tags)
{
    char body[2048];
    size_t off = 0;
    CURL *h = curl_easy_init();
    CURLcode rc;
    for (int i = 0; i < PARTS; i++)
        off += (size_t)snprintf(body + off, sizeof body - off,
                                "<Part><N>%d</N><ETag>%s</ETag></Part>", i + 1,
                                tags[i].value);
    curl_easy_setopt(h, CURLOPT_URL, base);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
    rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : -1;
}

int main(void)
{
    const char *base = "https://objects.example.com/backups/db.tar?uploadId=9f";
    static char chunk[PARTS][4096];
    struct etag tags[PARTS];
    memset(tags, 0, sizeof tags);
    for (int i = 0; i < PARTS; i++) {
        memset(chunk[i], 'a' + i, sizeof chunk[i] - 1);
        upload_part(base, i, chunk[i], &tags[i]); // label: SW302
    }
    return complete_upload(base, tags) == 0 ? 0 : 1;
}
