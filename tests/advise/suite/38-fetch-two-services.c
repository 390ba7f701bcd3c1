/* A CLI that queries two independent services one after the other. */
#include <stdio.h>

typedef void CURL;
CURL *curl_easy_init(void);
int curl_easy_setopt(CURL *curl, int option, ...);
int curl_easy_perform(CURL *curl);
void curl_easy_cleanup(CURL *curl);
#define CURLOPT_URL 10002

int main(void)
{
    CURL *weather = curl_easy_init();
    CURL *news = curl_easy_init();
    curl_easy_setopt(weather, CURLOPT_URL, "https://weather.example.com/today");
    curl_easy_setopt(news, CURLOPT_URL, "https://news.example.com/top");
    curl_easy_perform(weather);
    curl_easy_perform(news);
    curl_easy_cleanup(weather);
    curl_easy_cleanup(news);
    return 0;
}
// advise: main async-would-help
