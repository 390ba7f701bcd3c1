/* Truth: clean.  Workers wait for jobs with pthread_cond_wait on the queue
 * mutex they hold (it is released while waiting), pop a job, unlock, and
 * only then make the HTTP request: no blocking call under the lock, and
 * no sleep-polling.  Each round of a worker's loop waits for the next job
 * from the queue, and four workers already overlap the requests: a worker
 * loop, not a batch of known items (not SW302). */
#include <pthread.h>
#include <stdlib.h>

#include "include/curl/curl.h"

#define QCAP 128

static pthread_mutex_t q_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_nonempty = PTHREAD_COND_INITIALIZER;
static char *queue[QCAP];
static int q_head, q_len, closing;

void enqueue(char *url)
{
    pthread_mutex_lock(&q_mu);
    if (q_len < QCAP) {
        queue[(q_head + q_len++) % QCAP] = url;
        pthread_cond_signal(&q_nonempty);
    }
    pthread_mutex_unlock(&q_mu);
}

static void *worker(void *arg)
{
    (void)arg;
    for (;;) {
        char *url;
        CURL *h;
        pthread_mutex_lock(&q_mu);
        while (q_len == 0 && !closing)
            pthread_cond_wait(&q_nonempty, &q_mu);
        if (q_len == 0) {
            pthread_mutex_unlock(&q_mu);
            return NULL;
        }
        url = queue[q_head];
        q_head = (q_head + 1) % QCAP;
        q_len--;
        pthread_mutex_unlock(&q_mu);

        h = curl_easy_init();
        curl_easy_setopt(h, CURLOPT_URL, url);
        curl_easy_perform(h);
        curl_easy_cleanup(h);
    }
}

int main(void)
{
    pthread_t w[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&w[i], NULL, worker, NULL);
    enqueue("https://thumbs.example.com/render?id=1");
    enqueue("https://thumbs.example.com/render?id=2");
    pthread_mutex_lock(&q_mu);
    closing = 1;
    pthread_cond_broadcast(&q_nonempty);
    pthread_mutex_unlock(&q_mu);
    for (int i = 0; i < 4; i++)
        pthread_join(w[i], NULL);
    return 0;
}
