/* Truth: format_bytes returns a function-static buffer and is called both by
 * the progress thread and by main while that thread runs: two concurrent
 * contexts write the static (SW204, shared object: SW201). */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>

static atomic_ullong bytes_copied;

static const char *format_bytes(unsigned long long n)
{
    static char text[32];
    double mib = n / 1048576.0;
    snprintf(text, sizeof text, "%.1f MiB", mib); // label: SW204
    return text;
}

static void *progress(void *arg)
{
    (void)arg;
    for (int i = 0; i < 5; i++) {
        fprintf(stderr, "\rcopied %s",
                format_bytes(atomic_load(&bytes_copied)));
        usleep(200000);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, progress, NULL);
    for (int block = 0; block < 256; block++) {
        atomic_fetch_add(&bytes_copied, 65536);
        if (block % 64 == 0)
            printf("checkpoint at %s\n",
                   format_bytes(atomic_load(&bytes_copied)));
    }
    pthread_join(t, NULL);
    return 0;
}
