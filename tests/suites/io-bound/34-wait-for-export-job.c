/* Truth: clean.  The client starts an export job and then asks for its
 * status every few seconds until it is done: each status request is a real
 * attempt whose answer decides whether to go on (not SW302: the loop
 * depends on the result; not SW305: the sleep separates real attempts, no
 * other thread of this program writes the condition). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "include/curl/curl.h"

struct status {
    char text[256];
    size_t len;
};

static size_t keep(char *p, size_t sz, size_t n, void *ud)
{
    struct status *s = ud;
    size_t room = sizeof s->text - 1 - s->len;
    size_t k = sz * n < room ? sz * n : room;
    memcpy(s->text + s->len, p, k);
    s->len += k;
    s->text[s->len] = '\0';
    return sz * n;
}

static int job_state(const char *job_url, struct status *st)
{
    CURL *h = curl_easy_init();
    CURLcode rc;
    st->len = 0;
    st->text[0] = '\0';
    curl_easy_setopt(h, CURLOPT_URL, job_url);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, keep);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, st);
    rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : -1;
}

int main(int argc, char **argv)
{
    const char *job =
        argc > 1 ? argv[1] : "https://bi.example.com/api/exports/77";
    struct status st;
    int rounds = 0;

    while (job_state(job, &st) == 0 && strstr(st.text, "\"done\"") == NULL) {
        if (++rounds > 120)
            return 1;
        sleep(5);
    }
    puts(st.text);
    return 0;
}
