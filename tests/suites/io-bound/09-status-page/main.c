/* Truth: the status page probes the public API and the CDN one after the
 * other; the probes are independent: SW301 at the second probe_http call
 * (probe_http, in probe.c, does one curl_easy_perform). */
#include "probe.h"

int main(void)
{
    struct probe_result api = {0}, cdn = {0};
    int bad = 0;

    bad |= probe_http("https://api.example.com/healthz", &api);
    bad |= probe_http("https://cdn.example.com/ping.gif", &cdn); // label: SW301
    print_status("api", &api);
    print_status("cdn", &cdn);
    return bad ? 1 : 0;
}
