/*
 * Shared objects and the accesses that race on them (SPEC 1.3), for SW201
 * and SW205.
 *
 * An instance is one read or write of a shared object in one context: a
 * global or file-scope static (not const, not _Atomic, not thread-local;
 * function statics are SW204's), or an object a start routine reaches
 * through its context argument ("param:N" accesses, followed back along
 * the root's call path to the spawn's argument).  Objects are told apart
 * by member: "st.hits" and "st.misses" are different, "st" as a whole
 * overlaps both.
 *
 * Contexts: every concurrent root that reaches the function (at most
 * SHARED_MAX_CTX), plus the main thread (-1) when a root that is not
 * concurrent reaches it (main, callbacks of a loop run by main).  Two
 * contexts run at the same time when they are different threads (a loop
 * callback runs on the thread that registered it) or one thread with
 * several instances.
 *
 * Ordering: an access of the spawner before its spawn (not in a loop
 * around it), or after the matching join or pool wait (or a join of the
 * same global handle elsewhere), is ordered with that thread; so is
 * main-thread code before the call that leads to the thread's start, and
 * main-thread code outside the spawn-join stretch of a spawner that joins
 * before returning.  pthread_once initialisers are never reached by a
 * context (their only caller is the library), so they never race.
 *
 * Shared code: a thread's access races with main only in code of the
 * thread's own or in the very function main runs, and a thread that
 * reaches another context's event-loop handlers without running that loop
 * does not count as running them (see SW201's doc).
 */
#ifndef SW_SHARED_H
#define SW_SHARED_H

#include "program/program.h"

#define SHARED_MAX_CTX 8   /* concurrent roots kept per function */
#define SHARED_MAX_LOCKS 4 /* locks kept per access */

struct shared_inst {
    int func, access;  /* the access: function and index in its facts */
    int ctx;           /* concurrent root, or -1 for the main thread */
    int obj;           /* object identity (index into the model's names) */
    const char *field; /* first member accessed, or NULL: the whole object */
    unsigned flags;    /* FACT_ACC_READ and/or FACT_ACC_WRITE */
};

/* The locks held at one access. */
struct shared_locks {
    int n;                              /* locks in ids */
    int entered;                        /* every caller holds some lock */
    const char *ids[SHARED_MAX_LOCKS];  /* identities (model-owned) */
    unsigned char rd[SHARED_MAX_LOCKS]; /* held for reading only */
    char name[64];                      /* the first lock's name */
};

struct shared_model;

struct shared_model *shared_build(const struct program *p);
void shared_free(struct shared_model *m);

/* The program's model, built on the first call and freed with p. */
struct shared_model *shared_get(const struct program *p);

/* Instances sorted by object, then field (NULL first), in one array:
 * shared_at(m, i) is shared_at(m, 0) + i. */
size_t shared_count(const struct shared_model *m);
const struct shared_inst *shared_at(const struct shared_model *m, size_t i);

/* The object's display name ("st", "arg->n"'s object), for messages. */
const char *shared_obj_name(const struct shared_model *m, int obj);

/* Locks held at an instance's access. */
const struct shared_locks *shared_locks_at(const struct shared_model *m,
                                           const struct shared_inst *a);

/*
 * 1 when a and b (instances of one object) can race: their members
 * overlap, one writes, their contexts run at the same time and are not
 * ordered, and no lock is common to both (a lock held for reading on both
 * sides does not order two writers).
 */
int shared_race(const struct shared_model *m, const struct shared_inst *a,
                const struct shared_inst *b);

/*
 * SW205: when access `access` of func is the read a waiting loop polls,
 * its loop index, else -1.  A waiting loop (a while/do or uncounted for)
 * reads the variable in an exit test (its condition, or an if that breaks
 * out), or anywhere when it calls nothing but sleeps and yields; and
 * neither the loop nor its callees write the variable.
 */
int shared_wait_loop(const struct shared_model *m, int func, int access);

/*
 * For instance i, the read of a waiting loop: the index of an instance
 * that writes the variable in another context and races with it (another
 * instance of the same function counts), or -1.  Such a flag is SW205's.
 */
long shared_wait_writer(const struct shared_model *m, size_t i);

/* "st.hits", "c->n", "counter": how access a names its object. */
const char *shared_access_name(const struct fact_access *a, char *buf,
                               size_t size);

/* 1 when functions f and g can each run in some context (any instance). */
int shared_func_has_ctx(const struct shared_model *m, int func);

#endif
