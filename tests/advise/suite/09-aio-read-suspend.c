/* Reads a file header with POSIX AIO, then waits for it immediately. */
#include <aio.h>
#include <errno.h>
#include <string.h>

ssize_t read_magic(int fd, char *magic, size_t n)
{
    struct aiocb cb;
    const struct aiocb *const list[] = {&cb};
    memset(&cb, 0, sizeof cb);
    cb.aio_fildes = fd;
    cb.aio_buf = magic;
    cb.aio_nbytes = n;
    if (aio_read(&cb) < 0) // label: SW101
        return -1;
    while (aio_suspend(list, 1, NULL) < 0 && errno == EINTR)
        ;
    return aio_return(&cb);
}
