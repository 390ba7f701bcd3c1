#include "dash.h"

/* Recomputes the error rate: a division. */
void *refresh_totals(void *arg)
{
    struct stats *s = arg;
    s->error_rate = s->fetches ? (double)s->errors / (double)s->fetches : 0;
    return NULL;
}
