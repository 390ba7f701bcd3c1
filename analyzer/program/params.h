/*
 * What functions do to the objects their pointer parameters point to,
 * summarised per function as bit sets (parameter k: bit k, for k < 32),
 * transitively through the project's own callees:
 *
 * - writes: the function writes through the parameter: an access
 *   "param:N" that writes (p->f = x, *p = x, p[i] = x), or the parameter
 *   passed on to a library function that writes through that argument
 *   (catalog "writes": snprintf's buffer) or to a project function that
 *   writes through it;
 * - joins: the function waits for the thread (or pool) the parameter
 *   names: a catalogued wait whose handle is the parameter or is reached
 *   through it (t, t[i], *t, p->tid), or a project function that joins it.
 */
#ifndef SW_PARAMS_H
#define SW_PARAMS_H

#include "program/program.h"

struct param_summary {
    unsigned *writes; /* per function: parameters written through */
    unsigned *joins;  /* per function: parameters whose threads it joins */
    size_t n;         /* functions */
};

void params_summarise(struct param_summary *s, const struct program *p);
void params_release(struct param_summary *s);

/* 1 when call `call` of func writes the object its argument arg points to. */
int params_call_writes(const struct program *p, const struct param_summary *s,
                       int func, int call, int arg);

/* 1 when call `call` of func waits for the thread its argument arg names. */
int params_call_joins(const struct program *p, const struct param_summary *s,
                      int func, int call, int arg);

#endif
