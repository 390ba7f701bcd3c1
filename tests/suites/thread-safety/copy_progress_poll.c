/* Truth: main polls the copier's plain 'bytes_done' counter in a loop until it
 * reaches the file size (SW205); the copier's update races with those reads
 * (SW201). */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#define FILE_SIZE (64L * 1048576L)
#define CHUNK 65536L

static long bytes_done;

static void *copier(void *arg)
{
    (void)arg;
    for (long off = 0; off < FILE_SIZE; off += CHUNK)
        bytes_done = off + CHUNK;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, copier, NULL);
    while (bytes_done < FILE_SIZE) { // label: SW205
        fprintf(stderr, "\r%3ld%%", bytes_done * 100 / FILE_SIZE);
        usleep(50000);
    }
    pthread_join(t, NULL);
    fprintf(stderr, "\rdone\n");
    return 0;
}
