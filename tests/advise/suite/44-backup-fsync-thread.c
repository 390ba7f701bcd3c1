/* Copies a local file and fsyncs it on a thread spawned from main. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void *backup(void *arg)
{
    const char *path = arg;
    FILE *in = fopen(path, "rb"), *out = fopen("backup.bin", "wb");
    char buf[4096];
    size_t n;
    if (!in || !out)
        return NULL;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        fwrite(buf, 1, n, out);
    fflush(out);
    fsync(fileno(out));
    fclose(in);
    fclose(out);
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t t;
    pthread_create(&t, NULL, backup, argc > 1 ? argv[1] : "data.bin"); // label: SW103
    pthread_detach(t);
    pthread_exit(NULL);
}
