/* Truth: the ticker's libuv timer callback downloads two feeds with
 * curl_easy_perform, one after the other: each download blocks the loop
 * (SW303 at both calls), and the two are independent remote calls in
 * sequence (SW301 at the second). */
#include <stdio.h>
#include <string.h>
#include <uv.h>

#include "include/curl/curl.h"

struct feed {
    CURL *h;
    char text[4096];
    size_t len;
};

static struct feed sports, weather;

static size_t keep(char *p, size_t sz, size_t n, void *ud)
{
    struct feed *f = ud;
    size_t room = sizeof f->text - 1 - f->len;
    size_t k = sz * n < room ? sz * n : room;
    memcpy(f->text + f->len, p, k);
    f->len += k;
    f->text[f->len] = '\0';
    return sz * n;
}

static void setup(struct feed *f, const char *url)
{
    f->h = curl_easy_init();
    curl_easy_setopt(f->h, CURLOPT_URL, url);
    curl_easy_setopt(f->h, CURLOPT_WRITEFUNCTION, keep);
    curl_easy_setopt(f->h, CURLOPT_WRITEDATA, f);
}

static void refresh_cb(uv_timer_t *t)
{
    (void)t;
    sports.len = weather.len = 0;
    curl_easy_perform(sports.h);  // label: SW303
    curl_easy_perform(weather.h); // label: SW301, SW303
    printf("%s | %s\n", sports.text, weather.text);
}

int main(void)
{
    uv_timer_t refresh;
    setup(&sports, "https://feeds.example.com/sports.txt");
    setup(&weather, "https://feeds.example.org/weather.txt");
    uv_timer_init(uv_default_loop(), &refresh);
    uv_timer_start(&refresh, refresh_cb, 0, 60 * 1000);
    return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
