/* Truth: the download threads report failures with strerror, which POSIX does
 * not require to be thread-safe (SW202); the strerror_r path in
 * report_errno_r is clean. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define NDOWNLOADS 3

static void report_errno_r(const char *what, int err)
{
    char msg[128];
    if (strerror_r(err, msg, sizeof msg) != 0)
        snprintf(msg, sizeof msg, "error %d", err);
    fprintf(stderr, "%s: %s\n", what, msg);
}

static void *download(void *arg)
{
    const char *dest = arg;
    int fd = open(dest, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        fprintf(stderr, "open %s: %s\n", dest, strerror(errno)); // label: SW202
        return NULL;
    }
    if (write(fd, "data\n", 5) != 5)
        report_errno_r(dest, errno);
    close(fd);
    return NULL;
}

int main(void)
{
    static const char *dests[NDOWNLOADS] = {"/tmp/a.part", "/tmp/b.part",
                                            "/nonexistent/c.part"};
    pthread_t t[NDOWNLOADS];
    for (int i = 0; i < NDOWNLOADS; i++)
        pthread_create(&t[i], NULL, download, (void *)dests[i]);
    for (int i = 0; i < NDOWNLOADS; i++)
        pthread_join(t[i], NULL);
    return 0;
}
