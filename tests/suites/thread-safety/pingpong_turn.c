/* Truth: two players hand a turn back and forth through a plain int: each
 * spins on 'turn' (SW205) and its write of 'turn' races with the other
 * player's spin (SW201). */
#include <pthread.h>
#include <stdio.h>

#define ROUNDS 1000

static int turn;
static unsigned long volleys;

static void *player(void *arg)
{
    int me = (int)(long)arg;
    for (int r = 0; r < ROUNDS; r++) {
        while (turn != me) // label: SW205
            ;
        __atomic_add_fetch(&volleys, 1, __ATOMIC_RELAXED);
        turn = 1 - me;
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, player, (void *)0L);
    pthread_create(&b, NULL, player, (void *)1L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%lu volleys\n", volleys);
    return 0;
}
