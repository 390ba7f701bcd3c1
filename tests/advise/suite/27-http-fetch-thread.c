/* Downloads a URL with libcurl on a thread: remote, worth a thread. */
#include <pthread.h>

typedef void CURL;
CURL *curl_easy_init(void);
int curl_easy_setopt(CURL *curl, int option, ...);
int curl_easy_perform(CURL *curl);
void curl_easy_cleanup(CURL *curl);
#define CURLOPT_URL 10002

static void *download(void *arg)
{
    CURL *c = curl_easy_init();
    curl_easy_setopt(c, CURLOPT_URL, (const char *)arg);
    curl_easy_perform(c);
    curl_easy_cleanup(c);
    return NULL;
}

void download_async(const char *url)
{
    pthread_t t;
    pthread_create(&t, NULL, download, (void *)url);
    pthread_detach(t);
}
