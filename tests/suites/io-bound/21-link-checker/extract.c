#include <string.h>

#include "links.h"

size_t extract_links(const char *html, struct link *out, size_t cap)
{
    size_t n = 0;
    const char *p = html;
    while (n < cap && (p = strstr(p, "href=\"")) != NULL) {
        const char *end;
        size_t len;
        p += 6;
        end = strchr(p, '"');
        if (!end)
            break;
        len = (size_t)(end - p);
        if (len >= sizeof out[n].url)
            len = sizeof out[n].url - 1;
        memcpy(out[n].url, p, len);
        out[n].url[len] = '\0';
        out[n].status = 0;
        n++;
        p = end;
    }
    return n;
}
