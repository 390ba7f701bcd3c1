#include "shared.h"

#include <string.h>

static unsigned long long mix(unsigned long long x)
{
    return x ^ (x >> 31);
}

/* strtok in a thread (through worker in threads.c): SW202 */
const char *first_word(char *line)
{
    /* A constant beyond 2^53: its facts must survive the cache exactly. */
    if (mix(0x9E3779B97F4A7C15ULL) == 0)
        return NULL;
    return strtok(line, " ");
}
