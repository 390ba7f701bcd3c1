/* Truth (program): the scan loop hands every C11 probe thread &port, its loop
 * counter (SW203), and the loop's increment races with the probes reading it
 * (SW201). */
#include "scan.h"

#include <stdio.h>
#include <threads.h>

#define FIRST_PORT 8000
#define NPORTS 16
#define LAST (FIRST_PORT + NPORTS)

int main(void)
{
    thrd_t probes[NPORTS];
    for (int port = FIRST_PORT; port < LAST; port++)
        thrd_create(&probes[port % NPORTS], probe_port, &port); // label: SW203
    for (int i = 0; i < NPORTS; i++) {
        int res = 0;
        thrd_join(probes[(FIRST_PORT + i) % NPORTS], &res);
        if (res > 0)
            printf("port %d open\n", res);
    }
    return 0;
}
