/* Truth: main resolves its own user with getpwuid before any thread exists
 * (clean); the session threads then call getpwuid concurrently, sharing its
 * static struct passwd (SW202). getpwnam_r in audit_user is clean. */
#include <pwd.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

#define NSESSIONS 4

static void audit_user(const char *name)
{
    struct passwd pw, *res = NULL;
    char buf[1024];
    if (getpwnam_r(name, &pw, buf, sizeof buf, &res) == 0 && res)
        printf("audit %s shell=%s\n", res->pw_name, res->pw_shell);
}

static void *session(void *arg)
{
    uid_t uid = (uid_t)(long)arg;
    struct passwd *pw = getpwuid(uid); // label: SW202
    if (!pw)
        return NULL;
    printf("session for %s (%s)\n", pw->pw_name, pw->pw_dir);
    audit_user(pw->pw_name);
    return NULL;
}

int main(void)
{
    struct passwd *me = getpwuid(getuid());
    printf("daemon running as %s\n", me ? me->pw_name : "?");
    pthread_t t[NSESSIONS];
    for (long i = 0; i < NSESSIONS; i++)
        pthread_create(&t[i], NULL, session, (void *)(1000 + i));
    for (int i = 0; i < NSESSIONS; i++)
        pthread_join(t[i], NULL);
    return 0;
}
