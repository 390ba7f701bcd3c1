/* Truth: lookups hold only the read lock, so several readers run together, yet
 * each updates the entry's LRU stamp; that write under a shared (read) lock
 * races with the other readers. Inserts under the write lock are clean. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define NSLOTS 128
#define NREADERS 6

struct session {
    char token[33];
    int user_id;
    unsigned long last_used;
};

static pthread_rwlock_t sessions_rw = PTHREAD_RWLOCK_INITIALIZER;
static struct session sessions[NSLOTS];
static unsigned long clock_ticks;

static int session_find(const char *token)
{
    int uid = -1;
    pthread_rwlock_rdlock(&sessions_rw);
    for (int i = 0; i < NSLOTS; i++) {
        if (strcmp(sessions[i].token, token) == 0) {
            unsigned long now = __atomic_add_fetch(&clock_ticks, 1, 0);
            uid = sessions[i].user_id;
            sessions[i].last_used = now; // label: SW201
            break;
        }
    }
    pthread_rwlock_unlock(&sessions_rw);
    return uid;
}

static void session_insert(int slot, const char *token, int uid)
{
    pthread_rwlock_wrlock(&sessions_rw);
    snprintf(sessions[slot].token, sizeof sessions[slot].token, "%s", token);
    sessions[slot].user_id = uid;
    sessions[slot].last_used = 0;
    pthread_rwlock_unlock(&sessions_rw);
}

static void *api_handler(void *arg)
{
    const char *token = arg;
    for (int i = 0; i < 500; i++)
        session_find(token);
    return NULL;
}

int main(void)
{
    pthread_t t[NREADERS];
    session_insert(1, "a1b2c3", 42);
    session_insert(7, "d4e5f6", 43);
    for (int i = 0; i < NREADERS; i++)
        pthread_create(&t[i], NULL, api_handler, i % 2 ? "a1b2c3" : "d4e5f6");
    for (int i = 0; i < NREADERS; i++)
        pthread_join(t[i], NULL);
    printf("ticks %lu\n", clock_ticks);
    return 0;
}
