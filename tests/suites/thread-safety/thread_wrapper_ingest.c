/* Truth: threads are started through the project's own wrapper
 * (start_thread hands its function parameter to pthread_create). The two
 * ingest threads run parse_records at once: strtok there is not thread-safe
 * (SW202) and records_seen is incremented without a lock (SW201). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void *(*thread_main_fn)(void *);

static unsigned records_seen;

static pthread_t start_thread(const char *name, thread_main_fn fn, void *arg)
{
    pthread_t t;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 * 1024);
    if (pthread_create(&t, &attr, fn, arg) != 0) {
        fprintf(stderr, "cannot start %s\n", name);
        exit(1);
    }
    pthread_attr_destroy(&attr);
    return t;
}

static void *parse_records(void *arg)
{
    char *batch = arg;
    char *rec = strtok(batch, "\n"); // label: SW202
    while (rec) {
        if (*rec != '#')
            records_seen++;       // label: SW201
        rec = strtok(NULL, "\n"); // label: SW202
    }
    return NULL;
}

int main(void)
{
    char *east = strdup("a=1\nb=2\n#skip\nc=3\n");
    char *west = strdup("x=9\ny=8\n");
    pthread_t t1 = start_thread("ingest-east", parse_records, east);
    pthread_t t2 = start_thread("ingest-west", parse_records, west);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    printf("%u records\n", records_seen);
    free(east);
    free(west);
    return 0;
}
