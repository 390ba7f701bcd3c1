/* Truth: clean. The start gate uses the __atomic builtins, the stop flag is
 * an atomic_bool read with atomic_load_explicit, and the codec table is
 * filled before the first pthread_create. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#define NENCODERS 2

static atomic_bool stop_encoding;
static int codec_ready;
static unsigned codec_table[64];

static void *encoder(void *arg)
{
    unsigned frames = 0, acc = (unsigned)(uintptr_t)arg;
    while (!__atomic_load_n(&codec_ready, __ATOMIC_ACQUIRE))
        usleep(100);
    while (!atomic_load_explicit(&stop_encoding, memory_order_acquire)) {
        acc ^= codec_table[frames % 64];
        frames++;
    }
    printf("encoder: %u frames (%x)\n", frames, acc);
    return NULL;
}

int main(void)
{
    pthread_t t[NENCODERS];
    for (int i = 0; i < 64; i++)
        codec_table[i] = (unsigned)i * 2654435761u;
    for (uintptr_t i = 0; i < NENCODERS; i++)
        pthread_create(&t[i], NULL, encoder, (void *)i);
    __atomic_store_n(&codec_ready, 1, __ATOMIC_RELEASE);
    sleep(2);
    atomic_store_explicit(&stop_encoding, true, memory_order_release);
    for (int i = 0; i < NENCODERS; i++)
        pthread_join(t[i], NULL);
    return 0;
}
