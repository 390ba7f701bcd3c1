#include "workq.h"

#include <stdlib.h>
#include <string.h>

void index_document(void *arg);
void index_report(void);

int main(int argc, char **argv)
{
    struct workq *q = workq_start(4);
    for (int i = 1; i < argc; i++)
        workq_add(q, index_document, strdup(argv[i]));
    workq_finish(q);
    index_report();
    return 0;
}
