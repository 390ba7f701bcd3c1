#ifndef PROBE_H
#define PROBE_H

struct probe_result {
    long http_code;
    double seconds;
};

int probe_http(const char *url, struct probe_result *out);
void print_status(const char *name, const struct probe_result *r);

#endif
