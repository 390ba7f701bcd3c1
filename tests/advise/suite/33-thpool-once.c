/* Creates a C-Thread-Pool for a single resize job. */
typedef struct thpool_ *threadpool;
threadpool thpool_init(int num_threads);
int thpool_add_work(threadpool, void (*function_p)(void *), void *arg_p);
void thpool_wait(threadpool);
void thpool_destroy(threadpool);

struct img { int w, h; unsigned char *px; };

static void halve(void *arg)
{
    struct img *im = arg;
    for (int i = 0; i < im->w * im->h; i++)
        im->px[i] /= 2;
}

void darken(struct img *im)
{
    threadpool pool = thpool_init(4);
    thpool_add_work(pool, halve, im); // label: SW104
    thpool_wait(pool);
    thpool_destroy(pool);
}
