/*
 * Remote waits and their independence (SPEC 2, "Independence"): which
 * calls of a function wait for a network round trip, directly or through
 * the functions they call, and whether a later one receives anything an
 * earlier one produced.  SW301, SW302 and `syncwise advise` all ask here,
 * so that the rules and the advice never disagree.
 *
 * A wait is remote when its API is remote by nature (HTTP clients, SSH,
 * DNS) or when its connection is judged to go to another machine from the
 * literal arguments of the call that opened it (catalog endpoints),
 * followed through local variables, struct fields and globals.  Unknown is
 * never remote.
 */
#ifndef SW_REMOTE_H
#define SW_REMOTE_H

#include "program/program.h"

/* The most waits in one group (SW301's and advise's N). */
#define REMOTE_MAX_GROUP 64

struct remote_call {
    int call;     /* call index in the function */
    int callee;   /* first function on the path to the API, -1: direct */
    int api_func; /* function that calls the remote API */
    int api_call; /* the API call there */
    const struct cat_blocking *api; /* the API's catalog entry */
    const char *handle; /* the connection's data key in the function; NULL:
                           a connection of its own; REMOTE_HANDLE_UNKNOWN */
};

/* A handle that cannot be told apart from any other. */
extern const char REMOTE_HANDLE_UNKNOWN[];

struct remote;

/* Witnesses and caches for one program (borrowed; it must outlive them). */
struct remote *remote_new(const struct program *p);
void remote_free(struct remote *r);

/* The program's model, made on the first call and freed with p. */
struct remote *remote_get(const struct program *p);

/* Witnesses to remote waits (for rule_witness_notes()), borrowed. */
const struct prog_witness *remote_witnesses(const struct remote *r);

/*
 * The remote waits among func's calls, in call order (not on crash paths
 * or in child processes).  Returns a malloc'd array (caller frees), *n the
 * count; NULL when there are none.
 */
struct remote_call *remote_calls(struct remote *r, int func, size_t *n);

/*
 * 1 when calls i and j of f (i first) never both run: different arms of
 * one if, ?: or switch, or i in an if arm that never falls through (it
 * returns, breaks, jumps or exits) and j after that if.
 */
int remote_exclusive(const struct fact_func *f, int i, int j);

/*
 * 1 when the later wait b may receive something the earlier wait a
 * produced: they share a connection, or a value written by a (its result,
 * an out-parameter, a buffer attached to its handle) reaches b's arguments
 * or the set-up calls on b's handle, through local assignments and other
 * calls; or a's result decides an early return before b.
 */
int remote_depends(struct remote *r, int func, const struct remote_call *a,
                   const struct remote_call *b);

/*
 * The waits made one after another at loop level `loop` of func (-1: not
 * in a loop) that do not depend on each other: indexes into calls, at most
 * max, in order; returns how many.  Greedy from each start, the largest
 * group wins: a wait joins when it is independent of, and not exclusive
 * with, every wait kept before it.  The
 * N of SW301 and of "async would help (N independent remote waits)".
 */
int remote_independent(struct remote *r, int func,
                       const struct remote_call *calls, size_t n, int loop,
                       int *kept, int max);

/*
 * SW302: 1 when the iterations of the innermost loop around wait c are
 * independent: its request changes from one iteration to the next (its
 * arguments, or the set-up on its handle, read something the loop writes),
 * and nothing it produced feeds the next request or the loop's exit test
 * (retry until success, read until EOF, a cursor or token carried over).
 */
int remote_loop_independent(struct remote *r, int func,
                            const struct remote_call *c);

#endif
