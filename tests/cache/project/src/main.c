#include "shared.h"

#include <stdlib.h>

int main(int argc, char **argv)
{
    return start_workers(argc > 1 ? atoi(argv[1]) : 4);
}
