#ifndef HTTPD_STATS_H
#define HTTPD_STATS_H

#include <stddef.h>

void stats_count_request(int status);
void stats_add_bytes(size_t n);
void stats_print(void);

#endif
