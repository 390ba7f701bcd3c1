/* A thread pool whose tasks write log files: real I/O, not trivial. */
#include <stdio.h>

typedef struct thpool_ *threadpool;
threadpool thpool_init(int num_threads);
int thpool_add_work(threadpool, void (*function_p)(void *), void *arg_p);
void thpool_wait(threadpool);
void thpool_destroy(threadpool);

struct record { const char *path; const char *line; };

static void append_record(void *arg)
{
    struct record *r = arg;
    FILE *f = fopen(r->path, "a");
    if (!f)
        return;
    fputs(r->line, f);
    fclose(f);
}

void write_records(threadpool pool, struct record *recs, int n)
{
    for (int i = 0; i < n; i++)
        thpool_add_work(pool, append_record, &recs[i]); // label: SW103
    thpool_wait(pool);
}
