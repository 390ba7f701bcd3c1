/* Truth: the crawler downloads every seed URL with a fresh easy handle, one
 * after the other; no iteration uses another's result: SW302 at the
 * curl_easy_perform in the loop. */
#include <stdio.h>
#include <string.h>

#include "include/curl/curl.h"

static size_t save(char *p, size_t sz, size_t n, void *ud)
{
    return fwrite(p, sz, n, (FILE *)ud) * sz;
}

static void file_name_for(const char *url, char *out, size_t cap)
{
    size_t i, j = 0;
    for (i = 0; url[i] && j + 1 < cap; i++)
        out[j++] = (url[i] == '/' || url[i] == ':') ? '_' : url[i];
    out[j] = '\0';
}

int main(int argc, char **argv)
{
    char name[512];
    int failed = 0;

    curl_global_init(CURL_GLOBAL_DEFAULT);
    for (int i = 1; i < argc; i++) {
        CURL *h = curl_easy_init();
        FILE *out;
        if (!h)
            continue;
        file_name_for(argv[i], name, sizeof name);
        out = fopen(name, "wb");
        if (!out) {
            curl_easy_cleanup(h);
            continue;
        }
        curl_easy_setopt(h, CURLOPT_URL, argv[i]);
        curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, save);
        curl_easy_setopt(h, CURLOPT_WRITEDATA, out);
        curl_easy_setopt(h, CURLOPT_USERAGENT, "seedcrawl/0.3");
        if (curl_easy_perform(h) != CURLE_OK) // label: SW302
            failed++;
        fclose(out);
        curl_easy_cleanup(h);
    }
    curl_global_cleanup();
    printf("%d of %d failed\n", failed, argc - 1);
    return failed ? 1 : 0;
}
