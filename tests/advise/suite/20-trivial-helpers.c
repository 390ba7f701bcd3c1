/* A thread that only calls small helpers of the project. */
#include <pthread.h>
#include <string.h>

struct user { char name[32]; int age; };

static void normalise_name(struct user *u)
{
    u->name[0] = (char)(u->name[0] & ~0x20);
}

static void clamp_age(struct user *u)
{
    if (u->age > 150)
        u->age = 150;
}

static void *clean_user(void *arg)
{
    normalise_name(arg);
    clamp_age(arg);
    return NULL;
}

void user_clean_async(struct user *u)
{
    pthread_t t;
    pthread_create(&t, NULL, clean_user, u); // label: SW102
    pthread_detach(t);
}
