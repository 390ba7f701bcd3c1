/* Truth: clean.  A counting semaphore initialised to 4 limits how many
 * downloads run at once; holding one of its permits during the download is
 * the point of the limiter, it is not a lock that other threads need for
 * shared data (SW304 is about locks).  Each thread makes one request. */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

#include "include/curl/curl.h"

static sem_t slots;

static void *download(void *arg)
{
    CURL *h = curl_easy_init();
    CURLcode rc;
    curl_easy_setopt(h, CURLOPT_URL, (const char *)arg);
    sem_wait(&slots);
    rc = curl_easy_perform(h);
    sem_post(&slots);
    curl_easy_cleanup(h);
    if (rc != CURLE_OK)
        fprintf(stderr, "%s: %s\n", (const char *)arg, curl_easy_strerror(rc));
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t t[64];
    int n = argc - 1 < 64 ? argc - 1 : 64;
    sem_init(&slots, 0, 4);
    for (int i = 0; i < n; i++)
        pthread_create(&t[i], NULL, download, argv[i + 1]);
    for (int i = 0; i < n; i++)
        pthread_join(t[i], NULL);
    sem_destroy(&slots);
    return 0;
}
