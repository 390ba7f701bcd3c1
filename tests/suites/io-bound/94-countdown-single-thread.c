/* Truth: clean.  A single-threaded maintenance tool counts down before it
 * starts, sleeping one second per round; the global it re-reads is written
 * only by this loop, no other context exists to signal anything. */
#include <stdio.h>
#include <unistd.h>

static int seconds_left = 10;

int main(void)
{
    while (seconds_left > 0) {
        printf("\rstarting maintenance in %2d s (Ctrl-C to abort)",
               seconds_left);
        fflush(stdout);
        sleep(1);
        seconds_left--;
    }
    puts("\nmaintenance started");
    return 0;
}
