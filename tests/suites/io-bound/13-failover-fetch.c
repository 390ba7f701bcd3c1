/* Truth: clean.  The backup mirror is asked only when the primary failed
 * (the second call depends on the first's result), and the regional
 * endpoint is chosen by an if/else: one remote call per path. */
#include <stdio.h>
#include <string.h>

#include "include/curl/curl.h"

static int download(const char *url, FILE *out)
{
    CURL *h = curl_easy_init();
    CURLcode rc;
    if (!h)
        return -1;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, out);
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : -1;
}

static int fetch_package(const char *name, FILE *out)
{
    char url[256];
    snprintf(url, sizeof url, "https://pkg.example.org/dist/%s", name);
    if (download(url, out) == 0)
        return 0;
    rewind(out);
    snprintf(url, sizeof url, "https://backup.pkg.example.net/dist/%s", name);
    return download(url, out);
}

static int fetch_index(const char *region, FILE *out)
{
    if (strcmp(region, "eu") == 0)
        return download("https://eu.pkg.example.org/index.json", out);
    else
        return download("https://us.pkg.example.org/index.json", out);
}

int main(int argc, char **argv)
{
    FILE *out = tmpfile();
    int rc;
    if (!out)
        return 1;
    rc = fetch_index(argc > 2 ? argv[2] : "eu", out);
    if (rc == 0 && argc > 1)
        rc = fetch_package(argv[1], out);
    fclose(out);
    return rc == 0 ? 0 : 1;
}
