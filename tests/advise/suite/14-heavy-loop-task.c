/* Workers that run a long simulation loop each. */
#include <pthread.h>

struct sim { double x, v; int steps; };

static void *simulate(void *arg)
{
    struct sim *s = arg;
    for (int i = 0; i < s->steps; i++) {
        s->v -= 0.01 * s->x;
        s->x += 0.01 * s->v;
    }
    return NULL;
}

void run_sims(struct sim *sims, int n)
{
    pthread_t t[32];
    for (int i = 0; i < n && i < 32; i++)
        pthread_create(&t[i], NULL, simulate, &sims[i]);
    for (int i = 0; i < n && i < 32; i++)
        pthread_join(t[i], NULL);
}
