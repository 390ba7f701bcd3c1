#include "log.h"

#include <pthread.h>

#define NUPLOADERS 4

void *uploader(void *arg);

int main(void)
{
    static const char *keys[NUPLOADERS] = {"backups/a.tar", "backups/b.tar",
                                           "logs/today.gz", "db/dump.sql"};
    pthread_t t[NUPLOADERS];
    log_info("starting %d uploaders", NUPLOADERS);
    for (int i = 0; i < NUPLOADERS; i++)
        pthread_create(&t[i], NULL, uploader, (void *)keys[i]);
    for (int i = 0; i < NUPLOADERS; i++)
        pthread_join(t[i], NULL);
    log_info("all uploads finished");
    return 0;
}
