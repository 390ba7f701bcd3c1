/*
 * Locks held along a function, from its lock and unlock calls in source
 * order (the catalog's locks section) and the project's own wrappers (a
 * function that returns holding a lock it took, or that releases one).
 *
 * This approximates a flow-sensitive lockset: an unlock inside a
 * conditional arm deeper than its lock (the error path of
 * "if (err) { unlock(&mu); return; }") is taken to leave the function, so
 * the lock stays held for the code after it.  Condition waits release the
 * mutex they are given while they wait and are not counted as calls made
 * under it; a condition wait made while other locks are held too is
 * reported to locks_walk() as a call under those others.
 */
#ifndef SW_LOCKS_H
#define SW_LOCKS_H

#include "program/program.h"

#define LOCKS_MAX_HELD 16  /* locks tracked at once; more are ignored */
#define LOCKS_NAME_MAX 160 /* bytes of a lock's name */

struct lock_held {
    char name[LOCKS_NAME_MAX]; /* as written, without '&' ("stats->mu") */
    const char *key;           /* identity: the lock variable's USR */
    int call;                  /* call index of the acquisition */
    int cond;                  /* conditional depth of the acquisition */
    int shared;                /* a reader's hold (rwlock rdlock) */
};

/* Per function: the lock it returns holding or releases, or NULL. */
struct lock_summaries {
    char **acquires;           /* p->nfuncs entries */
    char **releases;           /* p->nfuncs entries */
    const char **acquire_keys; /* their identities (borrowed from facts) */
    const char **release_keys;
    size_t n;
};

void locks_summaries_init(struct lock_summaries *s, const struct program *p);
void locks_summaries_release(struct lock_summaries *s);

/*
 * Calls walk(data, call, held, nheld) for every call of func made while a
 * lock is held (lock operations themselves excluded, except a condition
 * wait made while locks other than its mutex are held: it gets those
 * others).  s may be NULL.
 */
typedef void (*locks_walk_fn)(void *data, int call,
                              const struct lock_held *held, size_t nheld);
void locks_walk(const struct program *p, const struct lock_summaries *s,
                int func, locks_walk_fn walk, void *data);

/*
 * Calls access(data, index, held, nheld) for every access of func (to a
 * global, a static or through a parameter), with the locks held at that
 * point (nheld may be 0).  Events are taken in source order.
 */
typedef void (*locks_access_fn)(void *data, int access,
                                const struct lock_held *held, size_t nheld);
void locks_walk_accesses(const struct program *p,
                         const struct lock_summaries *s, int func,
                         locks_access_fn access, void *data);

/*
 * Both at once, in source order: every call of func (lock operations
 * excluded; nheld may be 0) and every access, with the locks held.
 */
void locks_walk_events(const struct program *p, const struct lock_summaries *s,
                       int func, locks_walk_fn walk, locks_access_fn access,
                       void *data);

/*
 * For each function, 1 when every call to it is made with a lock held
 * (directly, or in a caller that is itself always entered locked), so the
 * function runs under its callers' lock.  Roots (entry points, start
 * routines, callbacks) and functions called through pointers are not.
 * Caller frees the array of p->nfuncs flags.
 */
unsigned char *locks_entered_locked(const struct program *p,
                                    const struct lock_summaries *s);

/*
 * The same, where calls for which ignore(data, func, call) returns 1 do
 * not count (code that runs before any thread exists, say).
 */
typedef int (*locks_ignore_fn)(void *data, int func, int call);
unsigned char *locks_entered_locked_ignoring(const struct program *p,
                                             const struct lock_summaries *s,
                                             locks_ignore_fn ignore,
                                             void *data);

/* The name of a lock call's lock argument, into buf; NULL when unknown. */
const char *locks_arg_name(const struct fact_call *c, int arg, char *buf,
                           size_t size);

#endif
