/* An image tool that renders a thumbnail "in the background" and joins it. */
#include <pthread.h>
#include <stdlib.h>

struct thumb { const unsigned char *src; unsigned char *dst; int w, h; };

static void *render_thumb(void *arg)
{
    struct thumb *t = arg;
    for (int y = 0; y < t->h / 4; y++)
        for (int x = 0; x < t->w / 4; x++)
            t->dst[y * (t->w / 4) + x] = t->src[(y * 4) * t->w + x * 4];
    return NULL;
}

int make_thumbnail(struct thumb *t)
{
    pthread_t th;
    int rc = pthread_create(&th, NULL, render_thumb, t); // label: SW101
    if (rc != 0)
        return rc;
    return pthread_join(th, NULL);
}
