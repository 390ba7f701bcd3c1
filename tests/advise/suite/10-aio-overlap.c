/* Starts two AIO reads and only then waits: the reads overlap. */
#include <aio.h>
#include <string.h>

int read_both(int fa, int fb, char *a, char *b, size_t n)
{
    struct aiocb ca, cb;
    const struct aiocb *const list[] = {&ca, &cb};
    memset(&ca, 0, sizeof ca);
    memset(&cb, 0, sizeof cb);
    ca.aio_fildes = fa;
    ca.aio_buf = a;
    ca.aio_nbytes = n;
    cb.aio_fildes = fb;
    cb.aio_buf = b;
    cb.aio_nbytes = n;
    aio_read(&ca);
    aio_read(&cb);
    aio_suspend(list, 2, NULL);
    aio_suspend(list, 2, NULL);
    return 0;
}
