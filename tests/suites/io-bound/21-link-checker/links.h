#ifndef LINKS_H
#define LINKS_H

#include <stddef.h>

struct link {
    char url[1024];
    long status;
};

size_t extract_links(const char *html, struct link *out, size_t cap);
int check_link(struct link *l);

#endif
