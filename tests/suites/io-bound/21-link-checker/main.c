/* Truth: the link checker sends one HEAD request per link found in the
 * page, one after the other; each check writes only its own link: SW302 at
 * the check_link call in the loop (check_link is in check.c). */
#include <stdio.h>
#include <stdlib.h>

#include "links.h"

static char *slurp(FILE *f)
{
    size_t cap = 1 << 16, len = 0, n;
    char *buf = malloc(cap + 1);
    if (!buf)
        return NULL;
    while ((n = fread(buf + len, 1, cap - len, f)) > 0)
        len += n;
    buf[len] = '\0';
    return buf;
}

int main(void)
{
    static struct link links[512];
    char *html = slurp(stdin);
    size_t n, broken = 0;

    if (!html)
        return 1;
    n = extract_links(html, links, 512);
    for (size_t i = 0; i < n; i++) {
        int failed = check_link(&links[i]); // label: SW302
        if (failed || links[i].status >= 400) {
            printf("broken: %s (%ld)\n", links[i].url, links[i].status);
            broken++;
        }
    }
    free(html);
    return broken ? 1 : 0;
}
