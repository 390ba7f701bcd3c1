/* Truth: clean. GLib worker threads wait for the start gate with
 * g_atomic_int_get in their loop, and main opens it with g_atomic_int_set
 * after filling the work list before spawning. */
#include <glib.h>
#include <stdio.h>

#define NWORKERS 3

static gint start_gate;
static int work_items[64];

static gpointer gated_worker(gpointer data)
{
    int id = GPOINTER_TO_INT(data);
    long sum = 0;
    while (!g_atomic_int_get(&start_gate))
        g_thread_yield();
    for (int i = id; i < 64; i += NWORKERS)
        sum += work_items[i];
    return GINT_TO_POINTER((int)sum);
}

int main(void)
{
    GThread *w[NWORKERS];
    for (int i = 0; i < 64; i++)
        work_items[i] = i * 3;
    for (int i = 0; i < NWORKERS; i++)
        w[i] = g_thread_new("gated", gated_worker, GINT_TO_POINTER(i));
    g_atomic_int_set(&start_gate, 1);
    long total = 0;
    for (int i = 0; i < NWORKERS; i++)
        total += GPOINTER_TO_INT(g_thread_join(w[i]));
    printf("total %ld\n", total);
    return 0;
}
