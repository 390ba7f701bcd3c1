/* Truth: clean.  The exporter downloads the invoice PDF and then uploads
 * that body to the archive service: the upload receives what the download
 * produced, so the two requests are dependent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "include/curl/curl.h"

struct blob {
    char *data;
    size_t len;
};

static size_t grow(char *p, size_t sz, size_t n, void *ud)
{
    struct blob *b = ud;
    char *nd = realloc(b->data, b->len + sz * n);
    if (!nd)
        return 0;
    memcpy(nd + b->len, p, sz * n);
    b->data = nd;
    b->len += sz * n;
    return sz * n;
}

static int get_invoice(const char *id, struct blob *out)
{
    char url[256];
    CURL *h = curl_easy_init();
    CURLcode rc;
    snprintf(url, sizeof url, "https://billing.example.com/invoices/%s.pdf",
             id);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, grow);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, out);
    rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : -1;
}

static int archive(const char *id, const struct blob *pdf)
{
    char url[256];
    CURL *h = curl_easy_init();
    CURLcode rc;
    snprintf(url, sizeof url, "https://archive.example.net/store/%s", id);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, pdf->data);
    rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : -1;
}

int main(int argc, char **argv)
{
    struct blob pdf = {NULL, 0};
    int rc;
    if (argc < 2)
        return 2;
    if (get_invoice(argv[1], &pdf) != 0)
        return 1;
    rc = archive(argv[1], &pdf);
    free(pdf.data);
    return rc == 0 ? 0 : 1;
}
