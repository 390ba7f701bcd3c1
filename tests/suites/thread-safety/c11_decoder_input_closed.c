/* Truth: the C11 decoder thread yields in a loop until the reader thread sets
 * the plain bool input_closed (SW205); the reader's write races with that
 * loop's reads (SW201). The frame count is returned through thrd_join. */
#include <stdbool.h>
#include <stdio.h>
#include <threads.h>

static bool input_closed;

static int reader(void *arg)
{
    const char *path = arg;
    int frames = 0;
    for (int i = 0; i < 1000; i++)
        frames++;
    printf("read %d frames from %s\n", frames, path);
    input_closed = true;
    return frames;
}

static int decoder(void *arg)
{
    (void)arg;
    unsigned idle_rounds = 0;
    while (!input_closed) { // label: SW205
        idle_rounds++;
        thrd_yield();
    }
    return (int)(idle_rounds & 0x7fff);
}

int main(void)
{
    thrd_t r, d;
    int frames, idle;
    thrd_create(&d, decoder, NULL);
    thrd_create(&r, reader, "input.ivf");
    thrd_join(r, &frames);
    thrd_join(d, &idle);
    printf("%d frames, decoder idled %d rounds\n", frames, idle);
    return 0;
}
