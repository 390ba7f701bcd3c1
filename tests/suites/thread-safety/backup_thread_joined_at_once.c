/* Truth: clean for these rules. The backup thread is joined right after it is
 * created (nothing else runs meanwhile), so its gmtime and strtok calls and
 * its write of last_backup_status cannot overlap another context. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static int last_backup_status;

static void *run_backup(void *arg)
{
    char *targets = arg;
    int n = 0;
    for (char *t = strtok(targets, ":"); t; t = strtok(NULL, ":"))
        n++;
    time_t now = time(NULL);
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", gmtime(&now));
    printf("backup-%s: %d targets\n", stamp, n);
    last_backup_status = n > 0 ? 0 : -1;
    return NULL;
}

int main(void)
{
    char targets[] = "/etc:/var/lib/app:/home/svc";
    pthread_t t;
    if (pthread_create(&t, NULL, run_backup, targets) != 0)
        return 1;
    pthread_join(t, NULL);
    return last_backup_status == 0 ? 0 : 2;
}
