/* Truth: clean. A single-threaded uploader: the 'done' and 'attempts' flags
 * the loop waits on are set by the loop body itself, not by another thread. */
#include <stdio.h>
#include <unistd.h>

static int done;
static int attempts;

static int try_upload(const char *path)
{
    (void)path;
    attempts++;
    return attempts >= 3 ? 0 : -1;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "report.csv";
    while (!done) {
        if (try_upload(path) == 0)
            done = 1;
        else
            usleep(100000u << attempts);
    }
    printf("uploaded %s after %d attempts\n", path, attempts);
    return 0;
}
