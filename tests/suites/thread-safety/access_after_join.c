/* Truth: clean. The importer thread writes the global import summary while
 * main only waits; main sets the options before pthread_create and reads and
 * resets the summary after pthread_join. */
#include <pthread.h>
#include <stdio.h>

struct import_summary {
    unsigned rows;
    unsigned rejected;
    int finished;
};

struct import_options {
    const char *table;
    int batch_size;
};

static struct import_summary summary;
static struct import_options options;

static void *importer(void *arg)
{
    (void)arg;
    for (int batch = 0; batch < 10; batch++) {
        summary.rows += (unsigned)options.batch_size;
        if (batch % 4 == 3)
            summary.rejected++;
    }
    summary.finished = 1;
    return NULL;
}

static void print_banner(void)
{
    fprintf(stderr, "importing into %s\n", options.table);
}

int main(void)
{
    pthread_t t;
    options.table = "events";
    options.batch_size = 500;
    pthread_create(&t, NULL, importer, NULL);
    print_banner();
    pthread_join(t, NULL);
    printf("%u rows, %u rejected, finished=%d\n", summary.rows,
           summary.rejected, summary.finished);
    summary.rows = 0;
    summary.rejected = 0;
    return 0;
}
