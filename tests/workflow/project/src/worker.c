#include "app.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static void handle(char *line)
{
    time_t now = time(NULL);
    struct tm *tm = localtime(&now);
    char *word = strtok(line, " ");
    printf("%d %s\n", tm->tm_hour, word ? word : "?");
}

static void *worker(void *arg)
{
    char line[64] = "hello world";
    (void)arg;
    handle(line);
    return NULL;
}

int workers_start(int n)
{
    pthread_t t;
    for (int i = 0; i < n; i++)
        if (pthread_create(&t, NULL, worker, NULL) != 0)
            return -1;
    return 0;
}
