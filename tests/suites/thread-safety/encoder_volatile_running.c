/* Truth: the encoder threads loop on 'volatile int running', which main clears
 * to stop them; volatile is neither atomic nor a lock (SW205 on the loop, and
 * main's write races with the reads: SW201). */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#define NENCODERS 2

static volatile int running = 1;

static unsigned encode_frame(unsigned n)
{
    return n * 31u + 7u;
}

static void *encoder(void *arg)
{
    unsigned frames = 0, acc = (unsigned)(uintptr_t)arg;
    while (running) { // label: SW205
        acc ^= encode_frame(frames);
        frames++;
    }
    printf("encoder: %u frames (%x)\n", frames, acc);
    return NULL;
}

int main(void)
{
    pthread_t t[NENCODERS];
    for (uintptr_t i = 0; i < NENCODERS; i++)
        pthread_create(&t[i], NULL, encoder, (void *)i);
    sleep(2);
    running = 0;
    for (int i = 0; i < NENCODERS; i++)
        pthread_join(t[i], NULL);
    return 0;
}
