/* Saves the settings file on a thread. */
#include <pthread.h>
#include <stdio.h>

struct settings { int volume; int brightness; const char *path; };

static void *save_settings(void *arg)
{
    struct settings *s = arg;
    FILE *f = fopen(s->path, "w");
    if (!f)
        return NULL;
    fprintf(f, "volume=%d\nbrightness=%d\n", s->volume, s->brightness);
    fflush(f);
    fclose(f);
    return NULL;
}

void settings_changed(struct settings *s)
{
    pthread_t t;
    pthread_create(&t, NULL, save_settings, s); // label: SW103
    pthread_detach(t);
}
