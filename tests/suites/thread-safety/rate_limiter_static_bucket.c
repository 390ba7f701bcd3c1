/* Truth: allow_request counts requests per one-second window in two
 * function-statics; the API threads (several instances) call it without a
 * lock, so both writes race (SW204 each; the statics are shared: SW201). */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#define NTHREADS 4
#define RATE_PER_S 100

static bool allow_request(void)
{
    static time_t window_start;
    static int used_in_window;
    time_t now = time(NULL);
    int same = now == window_start;
    used_in_window = same ? used_in_window + 1 : 1; // label: SW204
    window_start = now;                             // label: SW204
    return used_in_window <= RATE_PER_S;
}

static void *api_thread(void *arg)
{
    (void)arg;
    unsigned rejected = 0;
    for (int i = 0; i < 1000; i++)
        if (!allow_request())
            rejected++;
    printf("rejected %u\n", rejected);
    return NULL;
}

int main(void)
{
    pthread_t t[NTHREADS];
    for (int i = 0; i < NTHREADS; i++)
        pthread_create(&t[i], NULL, api_thread, NULL);
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(t[i], NULL);
    return 0;
}
