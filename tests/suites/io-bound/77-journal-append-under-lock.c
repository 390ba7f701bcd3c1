/* Truth: clean.  The key-value store appends each record to its local
 * journal file and fsyncs it under the journal mutex: local file I/O under
 * the lock that orders the journal, which SW304 ignores by default
 * (SPEC 2). */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t journal_mu = PTHREAD_MUTEX_INITIALIZER;
static int journal_fd = -1;
static unsigned long long seqno;

int journal_put(const char *key, const char *value)
{
    char rec[512];
    int n, rc = 0;
    pthread_mutex_lock(&journal_mu);
    n = snprintf(rec, sizeof rec, "%llu\t%s\t%s\n", ++seqno, key, value);
    if (write(journal_fd, rec, (size_t)n) != n || fsync(journal_fd) != 0)
        rc = -1;
    pthread_mutex_unlock(&journal_mu);
    return rc;
}

static void *client(void *arg)
{
    char key[32];
    for (int i = 0; i < 100; i++) {
        snprintf(key, sizeof key, "%s:%d", (const char *)arg, i);
        journal_put(key, "1");
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    journal_fd =
        open("/var/lib/kv/journal.log", O_WRONLY | O_APPEND | O_CREAT, 0600);
    if (journal_fd < 0)
        return 1;
    pthread_create(&a, NULL, client, "a");
    pthread_create(&b, NULL, client, "b");
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    close(journal_fd);
    return 0;
}
