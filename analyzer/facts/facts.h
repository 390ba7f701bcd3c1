/*
 * Facts: what the front end learns about one translation unit, as plain C
 * data with no libclang types.  Every later stage (program model, rules,
 * cache) works on facts only, so facts can be produced on another machine,
 * cached, and built by hand in unit tests.
 *
 * Facts are a pure function of the file contents and compiler arguments:
 * they do not depend on catalogs or configuration.  Classifying a call as a
 * spawn, a lock or a blocking call happens later, in the program model.
 *
 * Ownership: a struct fact_tu owns everything reachable from it.  Strings
 * live in its arena; arrays are malloc'd and freed by facts_tu_free().
 */
#ifndef SW_FACTS_H
#define SW_FACTS_H

#include "common/arena.h"

#include <stddef.h>

/* Bumped whenever the meaning or layout of serialised facts changes. */
#define SW_FACTS_VERSION 5

/* What a call argument is, as far as the front end can tell. */
#define FACT_ARG_KINDS(X)                                                      \
    X(OTHER, "other")   /* any other expression */                             \
    X(NULL, "null")     /* a null pointer constant */                          \
    X(INT, "int")       /* an integer constant expression (ival) */            \
    X(STRING, "string") /* a string literal (text, unquoted) */                \
    X(FUNC, "func")     /* names a function (ref = its USR) */                 \
    X(VAR, "var")       /* names a variable (ref = its USR) */                 \
    X(ADDR, "addr")     /* &variable, or &variable.field... (ref = USR) */     \
    X(PARAM, "param")   /* a parameter of the caller (param = its index) */

enum fact_arg_kind {
#define X(name, str) FACT_ARG_##name,
    FACT_ARG_KINDS(X)
#undef X
        FACT_ARG_KIND_COUNT
};

const char *fact_arg_kind_name(enum fact_arg_kind k);
int fact_arg_kind_parse(const char *s); /* -1 when unknown */

struct fact_arg {
    enum fact_arg_kind kind; /* see FACT_ARG_KINDS */
    const char *ref;         /* USR of the function or variable, or NULL */
    const char *text;        /* source text (at most 160 bytes), or NULL */
    long long ival;          /* value of an INT constant */
    int param;               /* caller's parameter index for PARAM, else -1 */
    int local;               /* 1 when ref is a local (automatic) variable */
    int array;               /* VAR: the variable is an array, so the
                                argument is its address */
    int decl_loop;           /* local ref: innermost loop whose body declares
                                it (the object ends with each iteration),
                                else -1 */
    int base_param;          /* t[i], p->f, *p through a pointer parameter:
                                that parameter's index, else -1 */
    /*
     * VAR of a local pointer whose every assignment so far stores one
     * address (ctx = &sess, p = buf): that address as an ADDR (or array
     * VAR) argument with no origin of its own, else NULL.  In the arena.
     */
    const struct fact_arg *origin;
    int fresh; /* local VAR assigned anew in the call's loop,
                  before it */
};

struct fact_call {
    const char *callee; /* USR of the called function; NULL when indirect */
    const char *name;   /* function name, or the callee expression text */
    const char *via;    /* indirect: "field:Record::name" or "var:USR" */
    int via_param;      /* indirect through the caller's parameter, or -1 */
    int line, col;      /* location of the call expression */
    int loop;           /* innermost enclosing loop (index), -1 for none */
    int seq;            /* order of this event within its function */
    int noreturn;       /* the callee never returns (abort, a panic) */
    int branch;         /* innermost guarded branch (index), -1 for none */
    int cond;           /* conditional nesting: if/switch/?: arms around it */
    const char *result; /* USR of the variable its value is stored in
                           ("v = f()", "T v = f()"), or NULL */
    int test;     /* 1: in an exit test of its loop (the loop's condition, or
                     the condition of an if that breaks or returns) */
    int arm;      /* innermost if/?: arm around it (index), -1: none */
    size_t nargs; /* number of arguments */
    struct fact_arg *args; /* nargs arguments */
};

/*
 * The then-branch of "if (CALL(...) == 0)" or "if ((v = CALL(...)) == 0)":
 * what runs when a call returned 0 (the child after fork(), say).
 */
struct fact_branch {
    int parent;            /* enclosing guarded branch, -1 for none */
    const char *guard;     /* name of the call in the condition */
    const char *guard_usr; /* its USR */
    int line;              /* location of the if */
};

struct fact_loop {
    const char *counter; /* USR of a for loop's counter (its init), or NULL */
    int parent;          /* enclosing loop index, -1 for none */
    int once;            /* "do { ... } while (0)": runs once, not a loop */
    int local_writes;    /* assigns a local variable (in it or nested) */
    int line, col;       /* location of the loop statement */
};

/* Access flags. */
#define FACT_ACC_READ 1u   /* value read */
#define FACT_ACC_WRITE 2u  /* value written (=, op=, ++, --) */
#define FACT_ACC_ADDR 4u   /* address taken (&v) */
#define FACT_ACC_ATOMIC 8u /* the variable is _Atomic */

struct fact_access {
    const char *var;   /* USR of the global or static, or "param:N" */
    const char *name;  /* its name */
    const char *field; /* first member accessed (g.f, p->f), or NULL */
    unsigned flags;    /* FACT_ACC_* */
    int line, col;     /* location of the reference */
    int loop;          /* innermost enclosing loop, -1 for none */
    int test;          /* 1: in an exit test of that loop (fact_call.test) */
    int seq;           /* order within the function */
    const char *index; /* g[i], g[i % N], g[i + 1]...: the data key (see
                          fact_flow) the first index names, else NULL */
};

/*
 * A function stored in a field or variable ("visible assignment"), from an
 * assignment, an initialiser or a designated initialiser.  Either func names
 * the function, or param says which parameter of the enclosing function is
 * stored (so callers' arguments flow into the target).
 */
struct fact_assign {
    const char *target;    /* "field:Record::name" or "var:USR" */
    const char *func;      /* USR of the stored function, or NULL */
    const char *func_name; /* its name, or the parameter's name */
    int param;             /* enclosing function's parameter, or -1 */
    const char *owner;     /* file scope: USR of the variable initialised */
    int line, col;         /* location of the assignment */
};

/*
 * An arm of an if statement or a ?: expression.  Two calls are in
 * mutually exclusive arms when their arm chains meet at one statement in
 * different arms.
 */
struct fact_arm {
    int parent; /* enclosing arm, -1 for none */
    int stmt;   /* the statement's first arm (index): same stmt, same if */
    int exits;  /* 1: an if arm that never falls through (it ends in return,
                   goto, break, continue or a call that does not return) */
};

/*
 * Def-use, to tell independent calls apart (SW301, SW302).  A data key
 * names a variable by USR, at most one struct field deep ("USR.field" for
 * s.field, "USR:field" for p->field, the object p points to); a key
 * without a field covers all of its fields.
 * A flow carries a value from a key read, or from the output of a call
 * (its result, or what it writes through &x or a non-const buffer), to a
 * key written, an argument of a call, or the exit test of a loop (its
 * condition, or an if that breaks out of it).  Exactly one source and one
 * destination are set.  Two kinds of keys are not variables: "=if:N" is
 * the condition of the if whose first arm is N (it decides what runs in
 * its arms), FACT_KEY_RETURN the function's early returns (what decides
 * whether the code after such an if runs at all).
 */
#define FACT_KEY_IF "=if:"
#define FACT_KEY_RETURN "=return"
struct fact_flow {
    const char *from; /* data key read, or NULL */
    int call;         /* or: the output of this call (index), else -1 */
    const char *to;   /* data key written, or NULL */
    int to_call;      /* or: argument to_arg of this call, else -1 */
    int to_arg;       /* argument index with to_call */
    int to_loop;      /* or: the exit test of this loop, else -1 */
    int loop;         /* innermost loop where the flow happens, -1: none */
    int seq;          /* order within the function */
};

struct fact_func {
    const char *usr;     /* clang USR, unique across the program */
    const char *name;    /* spelling */
    const char *file;    /* file of the definition */
    int line, col;       /* location of the name */
    int end_line;        /* last line of the body */
    int is_static;       /* internal linkage */
    int nparams;         /* number of parameters */
    const char **params; /* nparams USRs (NULL: unnamed), or NULL; arena */
    size_t ncalls;       /* calls, in source order */
    struct fact_call *calls;
    size_t nloops; /* loops, parents before children */
    struct fact_loop *loops;
    size_t nbranches; /* guarded branches, parents before children */
    struct fact_branch *branches;
    size_t naccesses; /* accesses to globals and statics */
    struct fact_access *accesses;
    size_t nassigns; /* function pointers stored */
    struct fact_assign *assigns;
    size_t narms; /* if/?: arms, parents before children */
    struct fact_arm *arms;
    size_t nflows; /* def-use flows, in walk order */
    struct fact_flow *flows;
};

struct fact_global {
    const char *usr;   /* USR */
    const char *name;  /* spelling */
    const char *file;  /* file of the definition */
    int line, col;     /* location */
    const char *owner; /* USR of the function for a static local, or NULL */
    int is_static;     /* internal linkage (or a function-static local) */
    int is_const;      /* const-qualified: never written */
    int is_atomic;     /* _Atomic-qualified */
    int is_tls;        /* _Thread_local / __thread */
    /* A table of constant strings (const char *const hosts[] = {"a", "b"}):
     * its literals, at most FACT_MAX_STRINGS; else none. */
    size_t nstrings;
    const char **strings;
};
#define FACT_MAX_STRINGS 64

struct fact_error {
    const char *file; /* where libclang reported it */
    int line, col;
    const char *message; /* libclang's text */
};

/*
 * A file the parse read: the main file or a header.  Not part of the facts
 * document (facts_to_json() leaves it out; facts_to_bin() keeps it); the
 * cache records it to tell, without parsing, whether the facts are still
 * current.
 */
struct fact_input {
    const char *path; /* as libclang opened it */
    const char *hash; /* content hash (cache/hash.h), 32 hex digits */
};

struct fact_tu {
    const char *file; /* the main file, as given in the compilation db */
    int parse_failed; /* 1 when libclang produced no AST at all */
    size_t nerrors;   /* error diagnostics libclang reported */
    struct fact_error first_error; /* the first of them, when nerrors > 0 */
    size_t nfuncs;                 /* function definitions, in source order */
    struct fact_func *funcs;
    size_t nglobals; /* file-scope and static-local variables */
    struct fact_global *globals;
    size_t nassigns; /* file-scope function pointer initialisers */
    struct fact_assign *assigns;
    size_t ninputs; /* files read, sorted by path; 0: unknown */
    struct fact_input *inputs;
    struct arena arena; /* owns every string above */
};

struct fact_tu *facts_tu_new(const char *file);

/*
 * The facts of a TU that produced no AST: parse_failed, one error at the
 * top of file with message (copied).
 */
struct fact_tu *facts_tu_failed(const char *file, const char *message);
void facts_tu_free(struct fact_tu *tu);

/* Limits that facts_tu_check() enforces. */
#define FACT_MAX_PARAMS 4096      /* parameters of a function */
#define FACT_MAX_POS 100000000    /* a line or a column */
#define FACT_MAX_ERRORS 100000000 /* error diagnostics of a TU */

/*
 * Checks the invariants that the program model relies on, which every
 * reader of facts from outside the process (a cache entry, a worker's
 * answer, a facts file) enforces through this one function: required
 * strings are set; every index (loop, parent, branch, arm, call, argument,
 * parameter) is -1 or names an element that exists, parents before
 * children; positions and counts are in range; an argument's origin has
 * the one shape it can have; a flow has exactly one source and one
 * destination.  Returns NULL, or a static message about the first
 * violation.
 */
const char *facts_tu_check(const struct fact_tu *tu);

/*
 * Serialisation as JSON (cJSON), for people and for facts files
 * (`syncwise extract`).  facts_to_json() returns a malloc'd string (caller
 * frees).  facts_from_json() returns NULL and sets *err (a static message)
 * when the text is not valid facts of this version.
 */
char *facts_to_json(const struct fact_tu *tu, int pretty);
struct fact_tu *facts_from_json(const char *text, const char **err);

/*
 * Binary serialisation, for the worker processes and the cache, where
 * reading JSON took most of a warm run (facts/facts_bin.c describes the
 * format).  It holds what facts_to_json() writes, keeps NULL and "" apart
 * everywhere (JSON cannot in params), and also holds the inputs.
 * facts_to_bin() returns a malloc'd buffer of *len bytes (caller frees).
 * facts_from_bin() reads untrusted bytes: it returns new facts (caller
 * frees), or NULL with *err set (a static message) unless buf holds
 * exactly one facts document of this version that passes
 * facts_tu_check().
 */
void *facts_to_bin(const struct fact_tu *tu, size_t *len);
struct fact_tu *facts_from_bin(const void *buf, size_t len, const char **err);

/* 1 when buf starts like facts_to_bin()'s output (its magic bytes). */
int facts_is_bin(const void *buf, size_t len);

#endif
