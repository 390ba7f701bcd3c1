/*
 * Lowering a libclang AST into facts.
 *
 * The walk over a function body uses an explicit stack (no recursion), so a
 * deeply nested body cannot overflow the C stack; past SW_MAX_DEPTH levels
 * the rest of a subtree is skipped.  Each frame carries what the children
 * need to know: the innermost loop and the role of the expression (read,
 * written, address taken).
 *
 * libclang before 17 has no clang_getCursorBinaryOperatorKind, so operators
 * are read from the tokens between the operands (see binop_kind()).
 */
#include "frontend/extract.h"

#include "cache/hash.h"
#include "common/strbuf.h"
#include "common/strmap.h"
#include "common/xalloc.h"
#include "frontend/libclang.h"

#include <pthread.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define SW_MAX_DEPTH 4000    /* AST levels walked below a function */
#define SW_MAX_TEXT 160      /* bytes of source text kept for an argument */
#define SW_MAX_TEXT_SPAN 400 /* longer expressions are not tokenized */

enum role {
    ROLE_READ,  /* value used */
    ROLE_WRITE, /* assigned */
    ROLE_RW,    /* read and written: ++, --, op= */
    ROLE_ADDR,  /* address taken */
};

/* Where the value of an expression goes (def-use, struct fact_flow). */
enum sink_kind {
    SINK_NONE,  /* nowhere that matters */
    SINK_KEY,   /* into data key `key` */
    SINK_ARG,   /* into argument b of call a */
    SINK_EXIT,  /* into the exit test of loop a */
    SINK_CASES, /* not a value: the body of a switch (its cases are arms) */
};

struct sink {
    enum sink_kind kind;
    int a, b;        /* call and argument, or loop */
    const char *key; /* SINK_KEY: the key */
    int index_only;  /* below &x or a recorded s.f: only array indexes flow
                        (&a[i] and a[i].f name another object as i moves) */
};

struct frame {
    CXCursor c;        /* node to visit */
    int loop;          /* innermost loop around it, -1 for none */
    int branch;        /* innermost guarded branch, -1 for none */
    int cond;          /* conditional arms around it */
    enum role role;    /* how its value is used */
    int depth;         /* levels below the function */
    const char *store; /* USR of the variable its value is stored in */
    int test;          /* in an exit test of `loop` (see fact_call.test) */
    int arm;           /* innermost if/?: arm, -1 for none */
    struct sink sink;  /* where its value goes */
};

/*
 * The AST below one top-level declaration, read with one recursive
 * clang_visitChildren() instead of one call per node: libclang sets up a
 * visitor (and its work list) on every call, and the walk asks for the
 * children of most nodes several times (visit(), unwrap(), the operand
 * helpers).  Cursors are kept the way a clang_visitChildren() on their
 * parent returns them (see node_table_build()), so children() answers
 * exactly what libclang would; a cursor not in the table is asked of
 * libclang.
 */
struct node_table {
    CXCursor *nodes;    /* pre-order; nodes[0] is the declaration */
    int *parent;        /* index of each node's parent, -1 for nodes[0] */
    CXSourceRange *ext; /* each node's extent, once asked (have_ext) */
    unsigned char *have_ext;
    int *kid_start; /* kids of i: kid[kid_start[i] .. kid_start[i + 1]) */
    CXCursor *kid;  /* the children, grouped by parent, in source order */
    size_t n, cap, kid_cap;   /* nodes, room for nodes, for kid_start */
    int *slots;               /* open addressing: node index + 1, 0 for free */
    size_t nslots, slots_cap; /* in use (a power of 2), allocated */
    int *path;                /* while building: the nodes from the root down */
    size_t npath, path_cap;
    int valid; /* the build saw every parent it was told of */
};

struct walker {
    struct fact_tu *tu;    /* facts being built */
    CXTranslationUnit ctu; /* for tokens */
    CXFile text_file;      /* the file text_buf holds (spelled_at()) */
    const char *text_buf;
    size_t text_len;
    struct fact_func *fn; /* function being walked, NULL at file scope */
    CXCursor fn_cursor;   /* its cursor */
    CXCursor *params;     /* its parameters */
    int nparams;
    int seq; /* event counter within fn */
    struct {
        struct frame *items;
        size_t n, cap;
    } stack;
    struct {
        CXCursor *items;
        size_t n, cap;
    } kids;                /* scratch for children */
    struct node_table tab; /* the top-level declaration being walked */
    /*
     * visit()'s per-node arrays (children, roles, branches, conditions),
     * reused from node to node instead of four allocations per AST node;
     * each has room for cap entries.
     */
    struct {
        CXCursor *kids;
        enum role *roles;
        int *branches, *conds, *arms;
        const char **stores;
        int *tests;
        struct sink *sinks;
        size_t cap;
    } node;
    struct {
        struct fact_func *items;
        size_t n, cap;
    } funcs;
    struct {
        struct fact_global *items;
        size_t n, cap;
    } globals;
    struct {
        struct fact_assign *items;
        size_t n, cap;
    } tu_assigns;
    /* Vectors of the function being walked. */
    struct {
        struct fact_call *items;
        size_t n, cap;
    } calls;
    struct {
        struct fact_loop *items;
        size_t n, cap;
    } loops;
    struct {
        struct fact_branch *items;
        size_t n, cap;
    } branches;
    struct {
        struct fact_access *items;
        size_t n, cap;
    } accesses;
    struct {
        struct fact_assign *items;
        size_t n, cap;
    } assigns;
    struct {
        struct fact_arm *items;
        size_t n, cap;
    } arms;
    struct {
        struct fact_flow *items;
        size_t n, cap;
    } flows;
    struct {
        struct decl_names *items; /* open addressing, by declaration */
        size_t n, cap;            /* used slots, slots (a power of 2) */
    } decls;
    struct strmap *noreturn_cache; /* callee USR -> 1 when noreturn */
    const char *init_owner;        /* USR of the global being initialised */
    int noreturn_found;            /* scratch for find_noreturn_attr */
    int cur_test;                  /* the visited node's frame test */
    CXCursor index_ref;            /* g of a subscript g[i] being walked */
    const char *index_key;         /* its index's data key (index_of) */
    /*
     * Exit tests through a local copy ("done = flag; ... if (done)
     * break;"): reads of tracked variables stored in a local, and locals
     * read in an exit test, matched when the function ends.
     */
    struct copy_ref {
        const char *local; /* USR of the local */
        int index;         /* copies: the access; tests: -1 */
        int loop;          /* loop where it happens */
    } * copies_items;
    size_t copies_n, copies_cap;
};

/*
 * The USR and spelling of a declaration, computed once per TU: a function
 * called in a thousand places is named a thousand times, and libclang
 * builds a USR string anew on every request.
 */
struct decl_names {
    const void *decl;    /* the declaration (CXCursor data[0]); NULL: free */
    char *usr;           /* in the facts' arena, or NULL until asked */
    char *name;          /* likewise */
    signed char tracked; /* is_tracked_var(): -1 until asked, 0, 1 */
    signed char local_static; /* its is_local_static */
    int loop1; /* a local: innermost loop around its declaration + 1 (0:
                  none, or not seen yet) */
    /* A local pointer: what its assignments so far store (see origin). */
    signed char copy_state; /* 0 none seen, 1 one address, 2 anything else */
    const struct fact_arg *copy; /* copy_state 1: the address stored */
    int alias;    /* a local copy of parameter alias-1 (p = arg), 0: none */
    int set_loop; /* a local's last assignment: its loop + 2, 1: outside */
};

/* ---- small libclang helpers ------------------------------------------- */

static char *dup_cxstring(struct walker *w, CXString s)
{
    const char *c = clang_getCString(s);
    char *r = arena_strdup(&w->tu->arena, c ? c : "");
    clang_disposeString(s);
    return r;
}

/*
 * The slot of a declaration cursor in w->decls (added when new), or NULL
 * for other cursors.  A declaration cursor's data[0] is its Decl, which
 * alone determines its USR and spelling.
 */
static struct decl_names *decl_slot(struct walker *w, CXCursor c)
{
    size_t mask, i;
    uintptr_t h;
    if (!clang_isDeclaration(clang_getCursorKind(c)) || !c.data[0])
        return NULL;
    if ((w->decls.n + 1) * 2 > w->decls.cap) {
        size_t old_cap = w->decls.cap;
        struct decl_names *old = w->decls.items;
        w->decls.cap = old_cap ? old_cap * 2 : 256;
        w->decls.items = xcalloc(w->decls.cap, sizeof(*w->decls.items));
        for (size_t k = 0; k < old_cap; k++) {
            if (!old[k].decl)
                continue;
            h = (uintptr_t)old[k].decl;
            mask = w->decls.cap - 1;
            for (i = (h >> 4) * 0x9E3779B1u & mask; w->decls.items[i].decl;
                 i = (i + 1) & mask)
                ;
            w->decls.items[i] = old[k];
        }
        free(old);
    }
    mask = w->decls.cap - 1;
    h = (uintptr_t)c.data[0];
    for (i = (h >> 4) * 0x9E3779B1u & mask; w->decls.items[i].decl;
         i = (i + 1) & mask)
        if (w->decls.items[i].decl == c.data[0])
            return &w->decls.items[i];
    w->decls.items[i].decl = c.data[0];
    w->decls.items[i].tracked = -1;
    w->decls.n++;
    return &w->decls.items[i];
}

static char *cursor_usr(struct walker *w, CXCursor c)
{
    struct decl_names *d = decl_slot(w, c);
    if (!d)
        return dup_cxstring(w, clang_getCursorUSR(c));
    if (!d->usr)
        d->usr = dup_cxstring(w, clang_getCursorUSR(c));
    return d->usr;
}

static char *cursor_name(struct walker *w, CXCursor c)
{
    struct decl_names *d = decl_slot(w, c);
    if (!d)
        return dup_cxstring(w, clang_getCursorSpelling(c));
    if (!d->name)
        d->name = dup_cxstring(w, clang_getCursorSpelling(c));
    return d->name;
}

/* Expansion location: where the user wrote it, even inside a macro use. */
static void cursor_pos(CXCursor c, CXFile *file, int *line, int *col)
{
    unsigned l = 0, co = 0;
    CXFile f = NULL;
    clang_getExpansionLocation(clang_getCursorLocation(c), &f, &l, &co, NULL);
    if (file)
        *file = f;
    *line = (int)l;
    *col = (int)co;
}

static char *file_name(struct walker *w, CXFile f)
{
    CXString real;
    const char *r;
    if (!f)
        return arena_strdup(&w->tu->arena, w->tu->file);
    /* "dir/./x.h" and symlinks: report the file's real path. */
    real = clang_File_tryGetRealPathName(f);
    r = clang_getCString(real);
    if (r && *r) {
        char *out = arena_strdup(&w->tu->arena, r);
        clang_disposeString(real);
        return out;
    }
    clang_disposeString(real);
    return dup_cxstring(w, clang_getFileName(f));
}

static void children(struct walker *w, CXCursor c);

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent,
                                       CXClientData data)
{
    struct walker *w = data;
    (void)parent;
    VEC_PUSH(w->kids, c);
    return CXChildVisit_Continue;
}

static int same_cursor(CXCursor a, CXCursor b)
{
    return a.kind == b.kind && a.xdata == b.xdata && a.data[0] == b.data[0] &&
           a.data[1] == b.data[1] && a.data[2] == b.data[2];
}

/*
 * clang_isDeclaration() and clang_isStatement() || clang_isExpression() by
 * kind, asked of libclang once per process (kinds_init()): the node table
 * asks for every node.
 */
#define SW_KINDS 1024
#define KIND_DECL 1
#define KIND_STMT 2
static unsigned char kind_class[SW_KINDS];
static pthread_once_t kinds_once = PTHREAD_ONCE_INIT;

static int kind_ask(enum CXCursorKind k)
{
    return (clang_isDeclaration(k) ? KIND_DECL : 0) |
           (clang_isStatement(k) || clang_isExpression(k) ? KIND_STMT : 0);
}

static void kinds_init(void)
{
    for (int k = 0; k < SW_KINDS; k++)
        kind_class[k] = (unsigned char)kind_ask((enum CXCursorKind)k);
}

static int kind_bits(enum CXCursorKind k)
{
    return (unsigned)k < SW_KINDS ? kind_class[k] : kind_ask(k);
}

/*
 * What a cursor's children depend on: a declaration's are those of the
 * Decl (data[0]); any other cursor's, those of the Stmt, Attr or reference
 * in data[1].  The data[0] of a statement or expression (the declaration
 * around it) plays no part: clang_visitChildren() on a statement gives its
 * children no enclosing declaration.
 */
static const void *node_key(CXCursor c)
{
    return kind_bits(c.kind) & KIND_DECL ? c.data[0] : c.data[1];
}

static size_t node_hash(CXCursor c)
{
    uintptr_t h = (uintptr_t)node_key(c);
    return (size_t)(((h >> 3) ^ (unsigned)c.kind) * 0x9E3779B97F4A7C15ull >>
                    17);
}

static int node_find(const struct node_table *t, CXCursor c)
{
    size_t mask = t->nslots - 1;
    if (!t->valid || !t->nslots || !node_key(c))
        return -1;
    for (size_t i = node_hash(c) & mask; t->slots[i]; i = (i + 1) & mask) {
        CXCursor o = t->nodes[t->slots[i] - 1];
        if (o.kind == c.kind && o.xdata == c.xdata &&
            node_key(o) == node_key(c) && o.data[2] == c.data[2])
            return t->slots[i] - 1;
    }
    return -1;
}

static enum CXChildVisitResult node_collect(CXCursor c, CXCursor parent,
                                            CXClientData data)
{
    struct node_table *t = data;
    /* The parent is on the path from the root: drop what lies below it. */
    while (t->npath && !same_cursor(t->nodes[t->path[t->npath - 1]], parent))
        t->npath--;
    if (!t->npath) {
        t->valid = 0;
        return CXChildVisit_Break;
    }
    /*
     * A node libclang shows as its operand (a ConstantExpr around a case
     * label's literal) comes back as its own child: visited directly, the
     * cursor has the operand's children, so those go to the node itself.
     */
    if (same_cursor(c, parent))
        return CXChildVisit_Recurse;
    if (t->n == t->cap) {
        size_t cap = t->cap;
        xgrow((void **)&t->nodes, &cap, t->n + 1, sizeof(*t->nodes));
        cap = t->cap;
        xgrow((void **)&t->parent, &cap, t->n + 1, sizeof(*t->parent));
        cap = t->cap;
        xgrow((void **)&t->ext, &cap, t->n + 1, sizeof(*t->ext));
        cap = t->cap;
        xgrow((void **)&t->have_ext, &cap, t->n + 1, sizeof(*t->have_ext));
        t->cap = cap;
    }
    t->parent[t->n] = t->path[t->npath - 1];
    t->nodes[t->n] = c;
    if (t->npath == t->path_cap)
        xgrow((void **)&t->path, &t->path_cap, t->npath + 1, sizeof(*t->path));
    t->path[t->npath++] = (int)t->n++;
    return CXChildVisit_Recurse;
}

/*
 * Reads the AST below root into w->tab.  A recursive visit hands a
 * statement the declaration around it in data[0]; clang_visitChildren() on
 * the parent gives it the parent's declaration when the parent is one, and
 * none otherwise.  The children are stored in the latter form.
 */
static void node_table_build(struct walker *w, CXCursor root)
{
    struct node_table *t = &w->tab;
    size_t cap;
    pthread_once(&kinds_once, kinds_init);
    t->n = 0;
    t->npath = 0;
    t->valid = 1;
    if (!t->cap) {
        t->cap = 1024;
        t->nodes = xcalloc(t->cap, sizeof(*t->nodes));
        t->parent = xcalloc(t->cap, sizeof(*t->parent));
        t->ext = xcalloc(t->cap, sizeof(*t->ext));
        t->have_ext = xcalloc(t->cap, sizeof(*t->have_ext));
    }
    if (!t->path_cap) {
        t->path_cap = 64;
        t->path = xcalloc(t->path_cap, sizeof(*t->path));
    }
    t->nodes[0] = root;
    t->parent[0] = -1;
    t->n = 1;
    t->path[t->npath++] = 0;
    if (clang_visitChildren(root, node_collect, t) || !t->valid) {
        t->valid = 0;
        return;
    }
    memset(t->have_ext, 0, t->n * sizeof(*t->have_ext));
    /*
     * The children, grouped by parent; pre-order keeps them in order.
     * kid_start doubles as the fill count while they are placed.
     */
    if (t->n + 1 > t->kid_cap) {
        t->kid_cap = t->cap + 1;
        free(t->kid_start);
        free(t->kid);
        t->kid_start = xcalloc(t->kid_cap, sizeof(*t->kid_start));
        t->kid = xcalloc(t->kid_cap, sizeof(*t->kid));
    }
    memset(t->kid_start, 0, (t->n + 1) * sizeof(*t->kid_start));
    for (size_t i = 1; i < t->n; i++)
        t->kid_start[t->parent[i] + 1]++;
    for (size_t i = 0; i < t->n; i++)
        t->kid_start[i + 1] += t->kid_start[i];
    for (size_t i = 1; i < t->n; i++) {
        int p = t->parent[i];
        CXCursor k = t->nodes[i];
        if (kind_bits(k.kind) & KIND_STMT)
            k.data[0] = kind_bits(t->nodes[p].kind) & KIND_DECL
                            ? t->nodes[p].data[0]
                            : NULL;
        t->kid[t->kid_start[p]++] = k;
    }
    /* Each start moved to the next one's: shift back. */
    memmove(t->kid_start + 1, t->kid_start, t->n * sizeof(*t->kid_start));
    t->kid_start[0] = 0;
    /* The index: the first of equal keys wins (their children agree). */
    for (cap = 64; cap < t->n * 2; cap *= 2)
        ;
    if (cap > t->slots_cap) {
        free(t->slots);
        t->slots = xcalloc(cap, sizeof(*t->slots));
        t->slots_cap = cap;
    } else {
        memset(t->slots, 0, cap * sizeof(*t->slots));
    }
    t->nslots = cap;
    for (size_t i = 0; i < t->n; i++) {
        CXCursor c = t->nodes[i];
        size_t mask = t->nslots - 1, j;
        if (!node_key(c))
            continue;
        if (node_find(t, c) >= 0)
            continue;
        for (j = node_hash(c) & mask; t->slots[j]; j = (j + 1) & mask)
            ;
        t->slots[j] = (int)i + 1;
    }
}

static void node_table_free(struct node_table *t)
{
    free(t->nodes);
    free(t->parent);
    free(t->ext);
    free(t->have_ext);
    free(t->kid_start);
    free(t->kid);
    free(t->slots);
    free(t->path);
}

/* Fills w->kids with the direct children of c. */
static void children(struct walker *w, CXCursor c)
{
    int i = node_find(&w->tab, c);
    w->kids.n = 0;
    if (!w->kids.cap) /* callers copy from items, even none of them */
        xgrow((void **)&w->kids.items, &w->kids.cap, 16,
              sizeof(*w->kids.items));
    if (i < 0) {
        clang_visitChildren(c, collect, w);
        return;
    }
    {
        size_t n = (size_t)(w->tab.kid_start[i + 1] - w->tab.kid_start[i]);
        if (w->kids.cap < n)
            xgrow((void **)&w->kids.items, &w->kids.cap, n,
                  sizeof(*w->kids.items));
        if (n)
            memcpy(w->kids.items, w->tab.kid + w->tab.kid_start[i],
                   n * sizeof(*w->kids.items));
        w->kids.n = n;
    }
#ifdef SW_CHECK_EXTRACT
    {
        /* Debug and sanitizer builds: the table must agree with libclang. */
        size_t n = w->kids.n;
        CXCursor *mine = xcalloc(n ? n : 1, sizeof(*mine));
        if (n)
            memcpy(mine, w->kids.items, n * sizeof(*mine));
        w->kids.n = 0;
        clang_visitChildren(c, collect, w);
        if (w->kids.n != n) {
            fprintf(stderr,
                    "node table: %zu children of kind %d (first %d), "
                    "libclang %zu\n",
                    n, (int)c.kind, n ? (int)mine[0].kind : -1, w->kids.n);
            {
                CXFile f;
                unsigned l, co;
                clang_getExpansionLocation(clang_getCursorLocation(c), &f, &l,
                                           &co, NULL);
                CXString fn = clang_getFileName(f);
                fprintf(stderr, "at %s:%u:%u\n", clang_getCString(fn), l, co);
            }
            abort();
        }
        for (size_t k = 0; k < n; k++)
            if (!same_cursor(mine[k], w->kids.items[k])) {
                fprintf(stderr, "node table: child %zu of kind %d differs\n", k,
                        (int)mine[k].kind);
                abort();
            }
        free(mine);
    }
#endif
}

/*
 * clang_getCursorExtent(), once per statement or expression of the table:
 * the helpers that read operators and text ask for the same operands, and
 * libclang relexes the last token on every call.  A declaration's extent
 * depends on more than the Decl (its place in a declaration group), so it
 * is always asked of libclang.
 */
static CXSourceRange cursor_extent(struct walker *w, CXCursor c)
{
    int i = kind_bits(c.kind) & KIND_STMT ? node_find(&w->tab, c) : -1;
    if (i < 0)
        return clang_getCursorExtent(c);
    if (!w->tab.have_ext[i]) {
        w->tab.ext[i] = clang_getCursorExtent(c);
        w->tab.have_ext[i] = 1;
    }
#ifdef SW_CHECK_EXTRACT
    if (!clang_equalRanges(w->tab.ext[i], clang_getCursorExtent(c))) {
        fprintf(stderr, "cursor_extent: a node of kind %d moved\n",
                (int)c.kind);
        abort();
    }
#endif
    return w->tab.ext[i];
}

static CXCursor first_child(struct walker *w, CXCursor c)
{
    children(w, c);
    return w->kids.n ? w->kids.items[0] : clang_getNullCursor();
}

static CXCursor last_child(struct walker *w, CXCursor c)
{
    children(w, c);
    return w->kids.n ? w->kids.items[w->kids.n - 1] : clang_getNullCursor();
}

/* Looks through parentheses, implicit conversions and casts. */
static CXCursor unwrap(struct walker *w, CXCursor c)
{
    for (int i = 0; i < 64; i++) {
        enum CXCursorKind k = clang_getCursorKind(c);
        if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr &&
            k != CXCursor_CStyleCastExpr)
            break;
        {
            CXCursor n = last_child(w, c);
            if (clang_Cursor_isNull(n))
                break;
            c = n;
        }
    }
    return c;
}

/*
 * Source text of a range, tokens joined by single spaces where needed.  The
 * range is taken at its expansion locations: for an argument written as a
 * macro (MSG_DONTWAIT, NULL) that is the macro's name as written, not its
 * definition.
 */
/* The text of file f as libclang read it; NULL when it has none. */
static const char *file_text(struct walker *w, CXFile f, size_t *len)
{
    if (!w->text_file || !clang_File_isEqual(f, w->text_file)) {
        w->text_file = f;
        w->text_buf = clang_getFileContents(w->ctu, f, &w->text_len);
    }
    *len = w->text_len;
    return w->text_buf;
}

static int is_ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' || c == '$';
}

/* The length of C punctuation at b[i] (longest match), 0 for none. */
static size_t punct_len(const char *b, size_t len, size_t i)
{
    char c = b[i], d = i + 1 < len ? b[i + 1] : 0,
         e = i + 2 < len ? b[i + 2] : 0;
    switch (c) {
    case '.':
        return d == '.' && e == '.' ? 3 : 1;
    case '<':
    case '>':
        if (d == c)
            return e == '=' ? 3 : 2;
        return d == '=' ? 2 : 1;
    case '-':
        return d == '>' || d == '-' || d == '=' ? 2 : 1;
    case '+':
    case '&':
    case '|':
        return d == c || d == '=' ? 2 : 1;
    case '#':
        return d == '#' ? 2 : 1;
    case '*':
    case '/':
    case '%':
    case '^':
    case '!':
    case '=':
        return d == '=' ? 2 : 1;
    case '[':
    case ']':
    case '(':
    case ')':
    case '{':
    case '}':
    case '~':
    case '?':
    case ':':
    case ';':
    case ',':
        return 1;
    default:
        return 0;
    }
}

/*
 * The length of the C token at b[i] (i < len), as clang's raw lexer reads
 * it in C, with *punct set for punctuation; 0 for what only the lexer
 * itself gets right (comments, line splices, digraphs, non-ASCII, raw
 * strings), and then the caller asks libclang.
 */
static size_t lex_token(const char *b, size_t len, size_t i, int *punct)
{
    char c = b[i];
    size_t j = i;
    *punct = 0;
    if (is_ident_char(c) && !(c >= '0' && c <= '9')) {
        while (j < len && is_ident_char(b[j]))
            j++;
        if (j < len && (b[j] == '"' || b[j] == '\'')) {
            size_t n = j - i;
            if (b[j - 1] == 'R' || (n == 2 && b[j] == '\''))
                return 0; /* raw strings, u8'c': which depends on -std */
            if ((n == 1 && (c == 'L' || c == 'u' || c == 'U')) ||
                (n == 2 && c == 'u' && b[i + 1] == '8')) {
                size_t l = lex_token(b, len, j, punct);
                return l ? l + n : 0;
            }
        }
        return j - i;
    }
    if ((c >= '0' && c <= '9') ||
        (c == '.' && i + 1 < len && b[i + 1] >= '0' && b[i + 1] <= '9')) {
        for (j = i + 1; j < len; j++) {
            char d = b[j];
            if (d == '\'')
                return 0; /* a C23 digit separator, or not */
            if (is_ident_char(d) ? d == '$' : d != '.') {
                if ((d == '+' || d == '-') &&
                    (b[j - 1] == 'e' || b[j - 1] == 'E' || b[j - 1] == 'p' ||
                     b[j - 1] == 'P'))
                    continue;
                break;
            }
        }
        return j - i;
    }
    if (c == '"' || c == '\'') {
        for (j = i + 1; j < len && b[j] != c; j++) {
            if (b[j] == '\n' || b[j] == '\r')
                return 0; /* unterminated */
            if (b[j] == '\\' && ++j < len && (b[j] == '\n' || b[j] == '\r'))
                return 0; /* a line splice */
        }
        return j < len ? j + 1 - i : 0;
    }
    if ((c == '/' && i + 1 < len && (b[i + 1] == '/' || b[i + 1] == '*')) ||
        (c == '<' && i + 1 < len && (b[i + 1] == ':' || b[i + 1] == '%')) ||
        (c == '%' && i + 1 < len && (b[i + 1] == ':' || b[i + 1] == '>')) ||
        (c == ':' && i + 1 < len && (b[i + 1] == '>' || b[i + 1] == ':')))
        return 0; /* comments, digraphs, C23's :: */
    j = punct_len(b, len, i);
    *punct = j > 0;
    return j;
}

/*
 * Appends token t (n bytes) to sb the way range_text() joins tokens: a
 * space between words, and around operators other than , ( ) -> . [ ] & *.
 */
static void join_token(struct strbuf *sb, const char *t, size_t n, int punct,
                       int first)
{
    char last = sb->len ? sb->buf[sb->len - 1] : 0;
    if (!first && sb->len && !punct && last != '(' && last != '&' &&
        last != '*' && last != '.' && last != '>' && last != '[')
        strbuf_addch(sb, ' ');
    else if (!first && punct && !(n == 1 && strchr(",()[].&*", t[0]) != NULL) &&
             !(n == 2 && t[0] == '-' && t[1] == '>'))
        strbuf_addch(sb, ' ');
    strbuf_add(sb, t, n);
    if (n == 1 && t[0] == ',')
        strbuf_addch(sb, ' ');
}

static size_t skip_space(const char *b, size_t len, size_t i)
{
    while (i < len && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' ||
                       b[i] == '\r' || b[i] == '\v' || b[i] == '\f'))
        i++;
    return i;
}

/*
 * The next token at or after b[*i]: moves *i to its start and returns its
 * length; 0 at the end of the text, LEX_BAIL for what lex_token() leaves
 * to libclang.
 */
#define LEX_BAIL ((size_t)-1)
static size_t next_token(const char *b, size_t len, size_t *i, int *punct)
{
    size_t tl;
    *i = skip_space(b, len, *i);
    if (*i >= len)
        return 0;
    if (!b[*i] || (unsigned char)b[*i] >= 0x80 ||
        !(tl = lex_token(b, len, *i, punct)))
        return LEX_BAIL;
    return tl;
}

/*
 * 1 when b[from .. to] holds no trigraph and no line splice: then the
 * bytes are the tokens' spelling, as lex_token() assumes.
 */
static int plain_text(const char *b, size_t len, size_t from, size_t to)
{
    for (size_t k = from; k <= to && k + 1 < len; k++)
        if ((b[k] == '?' && b[k + 1] == '?') ||
            (b[k] == '\\' && (b[k + 1] == '\n' || b[k + 1] == '\r')))
            return 0;
    return 1;
}

/*
 * range_text() from the file's bytes, without clang_tokenize() (a lexer
 * set up per call, a string per token): 1 when done, 0 when the text holds
 * something lex_token() leaves to libclang.
 */
static int range_text_fast(struct walker *w, CXFile f, unsigned ob, unsigned oe,
                           size_t max, struct strbuf *sb)
{
    size_t len, i = ob, n = 0;
    const char *b = file_text(w, f, &len);
    if (!b || oe > len)
        return 0;
    do {
        int punct;
        size_t tl = next_token(b, len, &i, &punct);
        if (!tl)
            break;
        if (tl == LEX_BAIL)
            return 0;
        if (sb->len < max)
            join_token(sb, b + i, tl, punct, n == 0);
        n++;
        i += tl;
    } while (i < oe);
    return plain_text(b, len, ob, i);
}

static char *range_text(struct walker *w, CXSourceRange r, size_t max)
{
    CXToken *toks = NULL;
    unsigned n = 0;
    struct strbuf sb = STRBUF_INIT;
    char *out;
    CXFile fb, fe;
    unsigned ob, oe;
#ifdef SW_CHECK_EXTRACT
    struct strbuf fast = STRBUF_INIT;
    int checked = 0;
#endif

    /* File locations: a macro argument maps to where it is written. */
    clang_getFileLocation(clang_getRangeStart(r), &fb, NULL, NULL, &ob);
    clang_getFileLocation(clang_getRangeEnd(r), &fe, NULL, NULL, &oe);
    if (!fb || !clang_File_isEqual(fb, fe) || oe < ob ||
        oe - ob > SW_MAX_TEXT_SPAN)
        return NULL;
    if (range_text_fast(w, fb, ob, oe, max, &sb)) {
#ifndef SW_CHECK_EXTRACT
        goto done;
#else
        /* Debug and sanitizer builds: the same text as from the tokens. */
        fast = sb;
        strbuf_init(&sb);
        checked = 1;
#endif
    }
    strbuf_reset(&sb);
    clang_tokenize(w->ctu,
                   clang_getRange(clang_getLocationForOffset(w->ctu, fb, ob),
                                  clang_getLocationForOffset(w->ctu, fe, oe)),
                   &toks, &n);
    if (oe == ob && n > 1)
        n = 1; /* a macro use: its name */
    for (unsigned i = 0; i < n && sb.len < max; i++) {
        CXString s = clang_getTokenSpelling(w->ctu, toks[i]);
        const char *t = clang_getCString(s);
        if (t)
            join_token(&sb, t, strlen(t),
                       clang_getTokenKind(toks[i]) == CXToken_Punctuation,
                       i == 0);
        clang_disposeString(s);
    }
    clang_disposeTokens(w->ctu, toks, n ? n : 0);
#ifdef SW_CHECK_EXTRACT
    if (checked && strcmp(fast.buf, sb.buf) != 0) {
        fprintf(stderr, "range_text: '%s', tokens '%s'\n", fast.buf, sb.buf);
        abort();
    }
    strbuf_release(&fast);
    goto done; /* (used by the fast path in other builds) */
#endif
done:
    if (!sb.len) {
        strbuf_release(&sb);
        return NULL;
    }
    if (sb.len > max)
        sb.len = max, sb.buf[max] = '\0';
    out = arena_strdup(&w->tu->arena, sb.buf);
    strbuf_release(&sb);
    return out;
}

static char *cursor_text(struct walker *w, CXCursor c)
{
    return range_text(w, cursor_extent(w, c), SW_MAX_TEXT);
}

/*
 * 1 when loc is a place in a file, not in a macro expansion: then its
 * spelling, file and expansion locations agree.  libclang hands clang's
 * raw SourceLocation over in int_data, where the top bit marks a macro.
 */
static int is_file_loc(CXSourceLocation loc)
{
    return !(loc.int_data & 0x80000000u);
}

/*
 * first_token() from the file's bytes: 1 when done, 0 when libclang must
 * lex (a macro location, a comment, anything lex_token() leaves to it).
 * Like clang_tokenize(), it reads at least one token.
 */
/*
 * Where libclang's lexer reads loc: the file and offset of the token it
 * lexes there (a macro location's spelling).  libclang 14 has no call for
 * a spelling location (clang_getSpellingLocation() gives the file
 * location), but a token's own location is one.  0 when there is none.
 */
static int spelled_offset(struct walker *w, CXSourceLocation loc, CXFile *f,
                          unsigned *off)
{
    CXToken *t = NULL;
    unsigned n = 0;
    *f = NULL;
    clang_tokenize(w->ctu, clang_getRange(loc, loc), &t, &n);
    if (n)
        clang_getFileLocation(clang_getTokenLocation(w->ctu, t[0]), f, NULL,
                              NULL, off);
    clang_disposeTokens(w->ctu, t, n);
    return *f != NULL;
}

static int first_token_fast(struct walker *w, CXSourceLocation from,
                            CXSourceLocation to, char *buf, size_t size)
{
    CXFile f1, f2;
    unsigned o1, o2;
    size_t len, i;
    const char *b;
    /*
     * Inside macros the two ends can be spelled far apart (a macro's body
     * and its argument), and clang_tokenize() of the range would lex all
     * that lies between for one token: read from where they are spelled.
     */
    if (is_file_loc(from) && is_file_loc(to)) {
        clang_getFileLocation(from, &f1, NULL, NULL, &o1);
        clang_getFileLocation(to, &f2, NULL, NULL, &o2);
    } else if (!spelled_offset(w, from, &f1, &o1) ||
               !spelled_offset(w, to, &f2, &o2) || o1 > o2) {
        return 0;
    }
    if (!f1 || !f2 || !clang_File_isEqual(f1, f2))
        return 0;
    b = file_text(w, f1, &len);
    if (!b || o1 > len)
        return 0;
    i = o1;
    do {
        int punct;
        size_t tl = next_token(b, len, &i, &punct);
        if (!tl)
            break;
        if (tl == LEX_BAIL)
            return 0;
        if (punct) {
            if (!plain_text(b, len, o1, i + tl))
                return 0;
            if (tl < size) {
                memcpy(buf, b + i, tl);
                buf[tl] = '\0';
            }
            return 1;
        }
        i += tl;
    } while (i < o2);
    return plain_text(b, len, o1, i);
}

/* First punctuation token in [from, to), into buf ("" for none). */
static void first_token_lexed(struct walker *w, CXSourceLocation from,
                              CXSourceLocation to, char *buf, size_t size)
{
    CXToken *toks = NULL;
    unsigned n = 0;
    buf[0] = '\0';
    clang_tokenize(w->ctu, clang_getRange(from, to), &toks, &n);
    for (unsigned i = 0; i < n; i++) {
        if (clang_getTokenKind(toks[i]) == CXToken_Punctuation) {
            CXString s = clang_getTokenSpelling(w->ctu, toks[i]);
            const char *t = clang_getCString(s);
            if (t && strlen(t) < size)
                strcpy(buf, t);
            clang_disposeString(s);
            break;
        }
    }
    clang_disposeTokens(w->ctu, toks, n);
}

static void first_token(struct walker *w, CXSourceLocation from,
                        CXSourceLocation to, char *buf, size_t size)
{
    buf[0] = '\0';
    if (!first_token_fast(w, from, to, buf, size)) {
        first_token_lexed(w, from, to, buf, size);
        return;
    }
#ifdef SW_CHECK_EXTRACT
    {
        /* Debug and sanitizer builds: the same token as libclang's. */
        char lexed[64];
        first_token_lexed(w, from, to, lexed,
                          size < sizeof(lexed) ? size : sizeof(lexed));
        if (strcmp(buf, lexed) != 0) {
            fprintf(stderr, "first_token: '%s', libclang '%s'\n", buf, lexed);
            abort();
        }
    }
#endif
}

#ifndef SW_HAVE_OPERATOR_KIND
/*
 * The source bytes where loc is spelled, at most size - 1 of them, into
 * buf; 0 when there are none.  Cheaper than a token: clang_tokenize() sets
 * up a lexer for each call.
 */
static size_t spelled_at(struct walker *w, CXSourceLocation loc, char *buf,
                         size_t size)
{
    CXFile f;
    unsigned off;
    size_t n = 0;
    clang_getSpellingLocation(loc, &f, NULL, NULL, &off);
    if (!f)
        return 0;
    {
        size_t len;
        const char *text = file_text(w, f, &len);
        while (text && off + n < len && n + 1 < size) {
            buf[n] = text[off + n];
            n++;
        }
    }
    buf[n] = '\0';
    return n;
}

/*
 * The binary operator between operands whose extents are l and r, into op
 * ("" for none); -1 when the extents collapsed onto a macro use: inside a
 * macro expansion libclang 14 reports every location at the macro call,
 * so the left operand does not start before the right one.
 */
static int operator_between(struct walker *w, CXSourceRange l, CXSourceRange r,
                            char *op, size_t size)
{
    unsigned a, b;
    clang_getExpansionLocation(clang_getRangeStart(l), NULL, NULL, NULL, &a);
    clang_getExpansionLocation(clang_getRangeStart(r), NULL, NULL, NULL, &b);
    if (a >= b)
        return -1;
    first_token(w, clang_getRangeEnd(l), clang_getRangeStart(r), op, size);
    return 0;
}
#endif

/* 1 when the binary operator c is a plain assignment "=". */
static int binop_is_assign(struct walker *w, CXCursor c, CXCursor lhs,
                           CXCursor rhs)
{
#ifdef SW_HAVE_OPERATOR_KIND
    (void)w;
    (void)lhs;
    (void)rhs;
    return clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign;
#else
    char op[8];
    CXSourceRange l = cursor_extent(w, lhs);
    if (operator_between(w, l, cursor_extent(w, rhs), op, sizeof(op)) < 0) {
        /*
         * Inside a macro expansion the operands' extents collapse onto the
         * macro call, so there is no token to read.  An assignment's left
         * side is an lvalue used as such: not wrapped in the implicit
         * conversion that every other operator applies to a variable.
         */
        enum CXCursorKind k = clang_getCursorKind(lhs);
        return k == CXCursor_DeclRefExpr || k == CXCursor_MemberRefExpr ||
               k == CXCursor_ArraySubscriptExpr;
    }
    if (!op[0]) /* the right side starts in a macro ("= true"): read on to
                   the end of the whole expression */
        first_token(w, clang_getRangeEnd(l),
                    clang_getRangeEnd(cursor_extent(w, c)), op, sizeof(op));
    return strcmp(op, "=") == 0;
#endif
}

/* The operator of a unary expression: '&', '*', '+' (++), '-' (--), or 0. */
static char unop_kind(struct walker *w, CXCursor c, CXCursor operand)
{
#ifdef SW_HAVE_OPERATOR_KIND
    (void)w;
    (void)operand;
    switch (clang_getCursorUnaryOperatorKind(c)) {
    case CXUnaryOperator_AddrOf:
        return '&';
    case CXUnaryOperator_Deref:
        return '*';
    case CXUnaryOperator_PostInc:
    case CXUnaryOperator_PreInc:
        return '+';
    case CXUnaryOperator_PostDec:
    case CXUnaryOperator_PreDec:
        return '-';
    default:
        return 0;
    }
#else
    char op[8];
    CXSourceRange all = cursor_extent(w, c);
    CXSourceRange sub = cursor_extent(w, operand);
    unsigned a, b;
    clang_getSpellingLocation(clang_getRangeStart(all), NULL, NULL, NULL, &a);
    clang_getSpellingLocation(clang_getRangeStart(sub), NULL, NULL, NULL, &b);
    if (b > a) { /* prefix operator: the expression's first token */
        char at[3];
        if (spelled_at(w, clang_getRangeStart(all), at, sizeof(at)) == 2 &&
            (strcmp(at, "++") == 0 || strcmp(at, "--") == 0))
            strcpy(op, at);
        else if (at[0] == '&' || at[0] == '*')
            op[0] = at[0], op[1] = '\0';
        else if (at[0] == '!' || at[0] == '~' || at[0] == '-' || at[0] == '+')
            strcpy(op, "!"); /* an operator that is none of the four */
        else
            first_token(w, clang_getRangeStart(all), clang_getRangeStart(sub),
                        op, sizeof(op));
    } else /* postfix */
        first_token(w, clang_getRangeEnd(sub), clang_getRangeEnd(all), op,
                    sizeof(op));
    if (strcmp(op, "&") == 0)
        return '&';
    if (strcmp(op, "*") == 0)
        return '*';
    if (strcmp(op, "++") == 0)
        return '+';
    if (strcmp(op, "--") == 0)
        return '-';
    if (!op[0]) {
        /* Inside a macro ("atomicIncr(g.n, 1)" expanding to "&g.n") there
         * is no token to read: '&' and '*' show in the types. */
        CXType t = clang_getCanonicalType(clang_getCursorType(c));
        CXType o = clang_getCanonicalType(clang_getCursorType(operand));
        if (t.kind == CXType_Pointer &&
            clang_equalTypes(clang_getCanonicalType(clang_getPointeeType(t)),
                             o))
            return '&';
        if (o.kind == CXType_Pointer &&
            clang_equalTypes(clang_getCanonicalType(clang_getPointeeType(o)),
                             t))
            return '*';
    }
    return 0;
#endif
}

static int param_index(struct walker *w, CXCursor decl)
{
    for (int i = 0; i < w->nparams; i++)
        if (clang_equalCursors(w->params[i], decl))
            return i;
    return -1;
}

/* A variable whose accesses are facts: file scope, or a static local. */
static int is_tracked_var_uncached(CXCursor decl, int *is_local_static)
{
    CXCursor parent;
    enum CXCursorKind pk;
    CXType t;
    *is_local_static = 0;
    if (clang_getCursorKind(decl) != CXCursor_VarDecl)
        return 0;
    if (clang_Location_isInSystemHeader(clang_getCursorLocation(decl)))
        return 0;
    t = clang_getCursorType(decl);
    if (clang_isConstQualifiedType(t))
        return 0;
    parent = clang_getCursorSemanticParent(decl);
    pk = clang_getCursorKind(parent);
    if (pk == CXCursor_TranslationUnit)
        return clang_getCursorTLSKind(decl) == CXTLS_None;
    if (clang_Cursor_getStorageClass(decl) == CX_SC_Static) {
        *is_local_static = 1;
        return clang_getCursorTLSKind(decl) == CXTLS_None;
    }
    return 0;
}

/* is_tracked_var_uncached(), once per declaration. */
static int is_tracked_var(struct walker *w, CXCursor decl, int *is_local_static)
{
    struct decl_names *d;
    int r;
    if (clang_getCursorKind(decl) != CXCursor_VarDecl) {
        *is_local_static = 0;
        return 0;
    }
    d = decl_slot(w, decl);
    if (d && d->tracked >= 0) {
        *is_local_static = d->local_static;
        return d->tracked;
    }
    r = is_tracked_var_uncached(decl, is_local_static);
    if (d) {
        d->tracked = (signed char)r;
        d->local_static = (signed char)*is_local_static;
    }
    return r;
}

/*
 * "Record::field" for a field, from the field's USR (c:@S@Name@FI@field, or
 * c:@SA@Name@FI@field for an anonymous struct with a typedef name).
 */
static char *field_target(struct walker *w, CXCursor field)
{
    CXString u = clang_getCursorUSR(field);
    const char *usr = clang_getCString(u);
    const char *fi = usr ? strstr(usr, "@FI@") : NULL;
    const char *rec = NULL, *rec_end = NULL, *p;
    char *out;

    /*
     * Components left to right: a record marker (S, SA, U, UA) is followed
     * by the record's name, so "c:@S@S@FI@f" names struct S.
     */
    if (usr && fi) {
        p = strchr(usr, '@');
        while (p && p < fi) {
            const char *comp = p + 1, *next = strchr(comp, '@');
            size_t len = next ? (size_t)(next - comp) : strlen(comp);
            if ((len == 1 && (comp[0] == 'S' || comp[0] == 'U')) ||
                (len == 2 && (comp[0] == 'S' || comp[0] == 'U') &&
                 comp[1] == 'A')) {
                if (!next || next >= fi)
                    break;
                rec = next + 1;
                rec_end = strchr(rec, '@');
                p = rec_end;
                continue;
            }
            p = next;
        }
    }
    if (rec && rec_end && rec_end <= fi)
        out = xasprintf("field:%.*s::%s", (int)(rec_end - rec), rec, fi + 4);
    else {
        CXString s = clang_getCursorSpelling(field);
        out = xasprintf("field:?::%s", clang_getCString(s));
        clang_disposeString(s);
    }
    clang_disposeString(u);
    {
        char *r = arena_strdup(&w->tu->arena, out);
        free(out);
        return r;
    }
}

/* "var:USR" for a variable, in the arena. */
static const char *var_target(struct walker *w, CXCursor var)
{
    CXString u = clang_getCursorUSR(var);
    const char *usr = clang_getCString(u);
    size_t n = usr ? strlen(usr) : 0;
    char *r = arena_alloc(&w->tu->arena, n + 5);
    memcpy(r, "var:", 4);
    memcpy(r + 4, usr ? usr : "", n + 1);
    clang_disposeString(u);
    return r;
}

/*
 * The referenced declaration of the root variable of &a.b[i].c, or null.
 * *deref is set when the path goes through a pointer (p->f, p[i], *p): the
 * object is then not the root variable's own storage.
 */
static CXCursor root_decl(struct walker *w, CXCursor e, int *deref)
{
    *deref = 0;
    for (int i = 0; i < 64; i++) {
        enum CXCursorKind k;
        e = unwrap(w, e);
        k = clang_getCursorKind(e);
        if (k == CXCursor_DeclRefExpr)
            return clang_getCursorReferenced(e);
        if (k == CXCursor_MemberRefExpr || k == CXCursor_ArraySubscriptExpr) {
            CXCursor c = first_child(w, e);
            CXType bt;
            if (clang_Cursor_isNull(c))
                break;
            bt = clang_getCanonicalType(clang_getCursorType(unwrap(w, c)));
            if (bt.kind == CXType_Pointer)
                *deref = 1;
            e = c;
            continue;
        }
        if (k == CXCursor_UnaryOperator) {
            CXCursor c = first_child(w, e);
            if (clang_Cursor_isNull(c))
                break;
            *deref = 1; /* &*p */
            e = c;
            continue;
        }
        break;
    }
    return clang_getNullCursor();
}

/* ---- facts ------------------------------------------------------------ */

static int is_integral(CXType t)
{
    t = clang_getCanonicalType(t);
    return (t.kind >= CXType_Bool && t.kind <= CXType_Int128) ||
           t.kind == CXType_Enum;
}

static int is_array_type(CXType t)
{
    t = clang_getCanonicalType(t);
    return t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
           t.kind == CXType_VariableArray ||
           t.kind == CXType_DependentSizedArray;
}

/* A local variable argument: its declaring loop, and the address it holds. */
static void local_facts(struct walker *w, CXCursor d, struct fact_arg *a)
{
    struct decl_names *s;
    if (!a->local || !(s = decl_slot(w, d)))
        return;
    a->decl_loop = s->loop1 - 1;
    if (s->copy_state == 1 && !a->array)
        a->origin = s->copy;
}

static void classify_arg(struct walker *w, CXCursor arg, struct fact_arg *a,
                         int loop);

/* 1 for "*p". */
static int is_deref(struct walker *w, CXCursor u)
{
    CXCursor operand = first_child(w, u);
    return !clang_Cursor_isNull(operand) && unop_kind(w, u, operand) == '*';
}

/*
 * "p = value" (or an initialiser) for a local pointer variable d: keeps
 * the one address all its assignments store, if there is one.
 */
static void note_copy(struct walker *w, CXCursor d, CXCursor value)
{
    struct decl_names *s;
    struct fact_arg v;
    const struct fact_arg *addr = NULL;
    CXType t = clang_getCanonicalType(clang_getCursorType(d));
    int ls;
    if (clang_getCursorKind(d) != CXCursor_VarDecl ||
        t.kind != CXType_Pointer || is_tracked_var(w, d, &ls) ||
        clang_getCursorKind(clang_getCursorSemanticParent(d)) ==
            CXCursor_TranslationUnit ||
        !(s = decl_slot(w, d)) || s->copy_state == 2)
        return;
    memset(&v, 0, sizeof(v));
    classify_arg(w, value, &v, -1);
    if ((v.kind == FACT_ARG_ADDR || (v.kind == FACT_ARG_VAR && v.array)) &&
        v.ref) {
        struct fact_arg *c = arena_alloc(&w->tu->arena, sizeof(*c));
        *c = v;
        c->origin = NULL;
        addr = c;
    } else if (v.kind == FACT_ARG_VAR && v.origin) {
        addr = v.origin; /* q = p, where p holds an address */
    }
    if (addr && (s->copy_state == 0 ||
                 (s->copy && strcmp(s->copy->ref, addr->ref) == 0))) {
        s->copy_state = 1;
        s->copy = addr;
    } else {
        s->copy_state = 2;
        s->copy = NULL;
    }
}

/* 1 when loop l is `outer` or nested inside it (in the function walked). */
static int loop_inside(const struct walker *w, int l, int outer)
{
    for (int guard = 0; l >= 0 && outer >= 0 && guard < 100000; guard++) {
        if (l == outer)
            return 1;
        l = w->loops.items[l].parent;
    }
    return 0;
}

static void classify_arg(struct walker *w, CXCursor arg, struct fact_arg *a,
                         int loop)
{
    CXCursor u = unwrap(w, arg), ref = clang_getNullCursor();
    enum CXCursorKind k = clang_getCursorKind(u);
    CXType t = clang_getCursorType(arg);

    a->kind = FACT_ARG_OTHER;
    a->param = -1;
    a->decl_loop = -1;
    a->base_param = -1;

    /* A string's text is its contents, a function's its name. */
    if (k == CXCursor_StringLiteral) {
        char *s = cursor_name(w, u);
        size_t n = strlen(s);
        a->kind = FACT_ARG_STRING;
        if (n >= 2 && s[n - 1] == '"') {
            char *q = strchr(s, '"');
            if (q && q < s + n - 1) {
                a->text = arena_strndup(&w->tu->arena, q + 1,
                                        (size_t)(s + n - 1 - q - 1));
                return;
            }
        }
        a->text = cursor_text(w, arg);
        return;
    }
    if (k == CXCursor_DeclRefExpr) {
        ref = clang_getCursorReferenced(u);
        if (clang_getCursorKind(ref) == CXCursor_FunctionDecl) {
            a->kind = FACT_ARG_FUNC;
            a->ref = cursor_usr(w, ref);
            a->text = cursor_name(w, ref);
            return;
        }
    }
    a->text = cursor_text(w, arg);
    if (k == CXCursor_DeclRefExpr) {
        CXCursor d = ref;
        enum CXCursorKind dk = clang_getCursorKind(d);
        if (dk == CXCursor_ParmDecl) {
            a->param = param_index(w, d);
            if (a->param >= 0) {
                a->kind = FACT_ARG_PARAM;
                a->ref = cursor_usr(w, d);
                return;
            }
        }
        if (dk == CXCursor_VarDecl || dk == CXCursor_ParmDecl) {
            int ls;
            a->kind = FACT_ARG_VAR;
            a->ref = cursor_usr(w, d);
            a->local = !is_tracked_var(w, d, &ls) &&
                       clang_getCursorKind(clang_getCursorSemanticParent(d)) !=
                           CXCursor_TranslationUnit;
            a->array = is_array_type(clang_getCursorType(d));
            local_facts(w, d, a);
            if (a->local) {
                struct decl_names *dn = decl_slot(w, d);
                a->fresh = dn && dn->set_loop >= 2 &&
                           loop_inside(w, dn->set_loop - 2, loop);
            }
            return;
        }
        if (dk == CXCursor_EnumConstantDecl) {
            a->kind = FACT_ARG_INT;
            a->ival = clang_getEnumConstantDeclValue(d);
            return;
        }
    }
    if (k == CXCursor_UnaryOperator) {
        CXCursor operand = first_child(w, u);
        if (!clang_Cursor_isNull(operand) && unop_kind(w, u, operand) == '&') {
            int deref;
            CXCursor d = root_decl(w, operand, &deref);
            enum CXCursorKind dk = clang_getCursorKind(d);
            if (dk == CXCursor_FunctionDecl) {
                a->kind = FACT_ARG_FUNC;
                a->ref = cursor_usr(w, d);
                a->text = cursor_name(w, d);
                return;
            }
            if (dk == CXCursor_VarDecl || dk == CXCursor_ParmDecl) {
                int ls;
                a->kind = FACT_ARG_ADDR;
                a->ref = cursor_usr(w, d);
                /* Own storage: an automatic variable not reached through a
                 * pointer (&args[i] of a pointer parameter is the
                 * caller's memory). */
                a->local =
                    !deref && !is_tracked_var(w, d, &ls) &&
                    clang_getCursorKind(clang_getCursorSemanticParent(d)) !=
                        CXCursor_TranslationUnit;
                if (a->local) {
                    struct decl_names *s = decl_slot(w, d);
                    if (s) {
                        a->decl_loop = s->loop1 - 1;
                        s->copy_state = 2; /* &ptr: a callee may set it */
                    }
                } else if (deref && dk == CXCursor_ParmDecl) {
                    a->base_param = param_index(w, d);
                }
                return;
            }
            return;
        }
    }
    if (k == CXCursor_ArraySubscriptExpr || k == CXCursor_MemberRefExpr ||
        (k == CXCursor_UnaryOperator && is_deref(w, u))) {
        /* t[i], s.h, p->h, *p: keep the root variable, so that a handle
         * such as pthread_join(t[i]) matches pthread_create(&t[i]). */
        int deref;
        CXCursor d = root_decl(w, u, &deref);
        enum CXCursorKind dk = clang_getCursorKind(d);
        if (dk == CXCursor_VarDecl || dk == CXCursor_ParmDecl)
            a->ref = cursor_usr(w, d);
        if (deref && dk == CXCursor_ParmDecl)
            a->base_param = param_index(w, d);
        if (k != CXCursor_UnaryOperator)
            return;
    }
    if (k == CXCursor_IntegerLiteral || k == CXCursor_BinaryOperator ||
        k == CXCursor_UnaryOperator || k == CXCursor_CharacterLiteral ||
        k == CXCursor_GNUNullExpr) {
        CXType ct = clang_getCanonicalType(t);
        if (is_integral(t) || ct.kind == CXType_Pointer) {
            /* A pointer-typed constant does not evaluate; its literal does. */
            CXEvalResult r =
                clang_Cursor_Evaluate(ct.kind == CXType_Pointer ? u : arg);
            if (r) {
                if (clang_EvalResult_getKind(r) == CXEval_Int) {
                    long long v = clang_EvalResult_getAsLongLong(r);
                    a->kind = (ct.kind == CXType_Pointer && v == 0)
                                  ? FACT_ARG_NULL
                                  : FACT_ARG_INT;
                    a->ival = v;
                }
                clang_EvalResult_dispose(r);
            }
        }
    }
}

static enum CXChildVisitResult find_noreturn_attr(CXCursor c, CXCursor parent,
                                                  CXClientData data)
{
    struct walker *w = data;
    (void)parent;
    if (clang_isAttribute(clang_getCursorKind(c))) {
        char *t = range_text(w, cursor_extent(w, c), 64);
        if (t && strstr(t, "oreturn"))
            w->noreturn_found = 1;
    }
    return CXChildVisit_Continue;
}

/*
 * 1 when a function never returns: __attribute__((noreturn)) shows in its
 * type, _Noreturn as an attribute of the declaration.  Cached by USR.
 */
static int callee_noreturn(struct walker *w, CXCursor decl, const char *usr)
{
    long cached = strmap_get(w->noreturn_cache, usr);
    CXString t;
    const char *ts;
    if (cached >= 0)
        return (int)cached;
    t = clang_getTypeSpelling(clang_getCursorType(decl));
    ts = clang_getCString(t);
    w->noreturn_found = ts && strstr(ts, "noreturn") != NULL;
    clang_disposeString(t);
    if (!w->noreturn_found)
        clang_visitChildren(decl, find_noreturn_attr, w);
    strmap_put(w->noreturn_cache, usr, w->noreturn_found);
    return w->noreturn_found;
}

static void add_call(struct walker *w, CXCursor call, int loop, int branch,
                     int cond, const char *store, int arm)
{
    struct fact_call *c = VEC_ADD(w->calls);
    CXCursor callee = clang_getCursorReferenced(call);
    enum CXCursorKind ck = clang_getCursorKind(callee);
    int nargs = clang_Cursor_getNumArguments(call);

    cursor_pos(call, NULL, &c->line, &c->col);
    c->loop = loop;
    c->branch = branch;
    c->cond = cond;
    c->arm = arm;
    c->seq = w->seq++;
    c->via_param = -1;
    c->result = store;
    c->test = w->cur_test;
    if (ck == CXCursor_FunctionDecl) {
        c->callee = cursor_usr(w, callee);
        c->name = cursor_name(w, callee);
        c->noreturn = callee_noreturn(w, callee, c->callee);
    } else {
        CXCursor expr = first_child(w, call);
        c->name = clang_Cursor_isNull(expr) ? NULL : cursor_text(w, expr);
        if (!c->name)
            c->name = arena_strdup(&w->tu->arena, "(function pointer)");
        if (ck == CXCursor_FieldDecl) {
            c->via = field_target(w, callee);
        } else if (ck == CXCursor_VarDecl || ck == CXCursor_ParmDecl) {
            c->via = var_target(w, callee);
            if (ck == CXCursor_ParmDecl)
                c->via_param = param_index(w, callee);
        }
    }
    if (nargs > 0) {
        struct fact_arg *args = xcalloc((size_t)nargs, sizeof(*args));
        for (int i = 0; i < nargs; i++) {
            classify_arg(w, clang_Cursor_getArgument(call, (unsigned)i),
                         &args[i], loop);
        }
        /* classify_arg may have grown w->calls: re-find c. */
        c = &w->calls.items[w->calls.n - 1];
        c->args = args;
        c->nargs = (size_t)nargs;
    }
}

static const char *data_key(struct walker *w, CXCursor e);

/* 1 when e is an integer constant expression. */
static int is_int_const(CXCursor e)
{
    CXEvalResult r = clang_Cursor_Evaluate(e);
    int ok = r && clang_EvalResult_getKind(r) == CXEval_Int;
    if (r)
        clang_EvalResult_dispose(r);
    return ok;
}

/*
 * The data key an array index names: a variable or member (i, t->row), or
 * one combined with a constant by +, -, * or % (part % N, i + 1).  NULL
 * for any other index.
 */
static const char *index_of(struct walker *w, CXCursor e)
{
    e = unwrap(w, e);
    if (clang_getCursorKind(e) == CXCursor_BinaryOperator) {
        CXCursor kids[2];
        char op[8];
        kids[0] = first_child(w, e);
        kids[1] = last_child(w, e);
        if (clang_Cursor_isNull(kids[0]) ||
            clang_equalCursors(kids[0], kids[1]) || is_int_const(e))
            return NULL;
#ifdef SW_HAVE_OPERATOR_KIND
        switch (clang_getCursorBinaryOperatorKind(e)) {
        case CXBinaryOperator_Add:
            strcpy(op, "+");
            break;
        case CXBinaryOperator_Sub:
            strcpy(op, "-");
            break;
        case CXBinaryOperator_Mul:
            strcpy(op, "*");
            break;
        case CXBinaryOperator_Rem:
            strcpy(op, "%");
            break;
        default:
            op[0] = '\0';
        }
#else
        if (operator_between(w, cursor_extent(w, kids[0]),
                             cursor_extent(w, kids[1]), op, sizeof(op)) < 0)
            return NULL;
#endif
        if (strcmp(op, "+") && strcmp(op, "-") && strcmp(op, "*") &&
            strcmp(op, "%"))
            return NULL;
        if (is_int_const(kids[1]))
            e = kids[0];
        else if (is_int_const(kids[0]) && strcmp(op, "%") && strcmp(op, "-"))
            e = kids[1];
        else
            return NULL;
        e = unwrap(w, e);
    }
    {
        enum CXCursorKind k = clang_getCursorKind(e);
        if (k != CXCursor_DeclRefExpr && k != CXCursor_MemberRefExpr)
            return NULL;
    }
    return data_key(w, e);
}

static void add_access(struct walker *w, CXCursor ref, CXCursor decl,
                       enum role role, int loop, const char *field)
{
    struct fact_access *a = VEC_ADD(w->accesses);
    CXType t = clang_getCursorType(decl);
    a->var = cursor_usr(w, decl);
    a->name = cursor_name(w, decl);
    a->field = field;
    switch (role) {
    case ROLE_READ:
        a->flags = FACT_ACC_READ;
        break;
    case ROLE_WRITE:
        a->flags = FACT_ACC_WRITE;
        break;
    case ROLE_RW:
        a->flags = FACT_ACC_READ | FACT_ACC_WRITE;
        break;
    case ROLE_ADDR:
        a->flags = FACT_ACC_ADDR;
        break;
    }
    if (clang_getCanonicalType(t).kind == CXType_Atomic)
        a->flags |= FACT_ACC_ATOMIC; /* also through typedefs (atomic_int) */
    cursor_pos(ref, NULL, &a->line, &a->col);
    a->loop = loop;
    a->test = w->cur_test;
    a->seq = w->seq++;
}

/*
 * An access through a parameter (p->f, *p, p[i]): recorded as variable
 * "param:N" so that later stages can follow the object a caller passed,
 * such as a thread's context argument.
 */
static void add_pointee_access(struct walker *w, CXCursor expr, CXCursor base,
                               enum role role, int loop, const char *field)
{
    CXCursor u = unwrap(w, base), d;
    struct fact_access *a;
    struct decl_names *dn;
    int pi;
    char idx[24];
    if (clang_getCursorKind(u) != CXCursor_DeclRefExpr)
        return;
    d = clang_getCursorReferenced(u);
    if (clang_getCursorKind(d) == CXCursor_ParmDecl)
        pi = param_index(w, d);
    else if (clang_getCursorKind(d) == CXCursor_VarDecl &&
             (dn = decl_slot(w, d)) && dn->alias > 0)
        pi = dn->alias - 1; /* struct ctx *c = arg; c->n++ */
    else
        return;
    if (pi < 0)
        return;
    a = VEC_ADD(w->accesses);
    a->field = field;
    snprintf(idx, sizeof(idx), "param:%d", pi);
    a->var = arena_strdup(&w->tu->arena, idx);
    a->name = cursor_text(w, expr);
    if (!a->name)
        a->name = cursor_name(w, d);
    a->flags = role == ROLE_WRITE  ? FACT_ACC_WRITE
               : role == ROLE_RW   ? FACT_ACC_READ | FACT_ACC_WRITE
               : role == ROLE_ADDR ? FACT_ACC_ADDR
                                   : FACT_ACC_READ;
    cursor_pos(expr, NULL, &a->line, &a->col);
    a->loop = loop;
    a->test = w->cur_test;
    a->seq = w->seq++;
}

/* 1 when an expression is the integer constant 0 ("while (0)"). */
static int is_zero_expr(CXCursor e)
{
    CXEvalResult r;
    int zero;
    if (clang_Cursor_isNull(e) || !clang_isExpression(clang_getCursorKind(e)))
        return 0;
    r = clang_Cursor_Evaluate(e);
    if (!r)
        return 0;
    zero = clang_EvalResult_getKind(r) == CXEval_Int &&
           clang_EvalResult_getAsLongLong(r) == 0;
    clang_EvalResult_dispose(r);
    return zero;
}

/* A local variable is assigned in loop `loop` (-1: outside loops). */
static void note_local_set(struct walker *w, CXCursor decl, int loop)
{
    struct decl_names *dn = decl_slot(w, decl);
    if (dn)
        dn->set_loop = loop + 2;
    for (int l = loop, guard = 0; l >= 0 && guard < 100000; guard++) {
        w->loops.items[l].local_writes = 1;
        l = w->loops.items[l].parent;
    }
}

/*
 * A local's declaration: where an initialiser assigns it, and whether it
 * copies a pointer parameter ("struct ctx *c = arg;", through casts), so
 * that accesses through it count as accesses through the parameter.
 */
static void note_local_decl(struct walker *w, CXCursor decl, int loop)
{
    CXCursor init = last_child(w, decl), u, d;
    struct decl_names *dn;
    if (clang_Cursor_isNull(init) ||
        !clang_isExpression(clang_getCursorKind(init)))
        return;
    note_local_set(w, decl, loop);
    dn = decl_slot(w, decl);
    if (!dn)
        return;
    u = unwrap(w, init);
    if (clang_getCursorKind(u) != CXCursor_DeclRefExpr ||
        clang_getCanonicalType(clang_getCursorType(decl)).kind !=
            CXType_Pointer)
        return;
    d = clang_getCursorReferenced(u);
    if (clang_getCursorKind(d) == CXCursor_ParmDecl && param_index(w, d) >= 0)
        dn->alias = param_index(w, d) + 1;
}

/* Records "target = function" when rhs names a function or a parameter. */
static void add_assign(struct walker *w, const char *target, CXCursor rhs,
                       CXCursor at, int file_scope)
{
    CXCursor u = unwrap(w, rhs), d;
    struct fact_assign as = {0};
    if (clang_getCursorKind(u) == CXCursor_UnaryOperator) {
        CXCursor o = first_child(w, u);
        if (!clang_Cursor_isNull(o))
            u = unwrap(w, o);
    }
    if (clang_getCursorKind(u) != CXCursor_DeclRefExpr)
        return;
    d = clang_getCursorReferenced(u);
    as.param = -1;
    if (clang_getCursorKind(d) == CXCursor_FunctionDecl) {
        as.func = cursor_usr(w, d);
        as.func_name = cursor_name(w, d);
    } else if (clang_getCursorKind(d) == CXCursor_ParmDecl && !file_scope) {
        as.param = param_index(w, d);
        if (as.param < 0)
            return;
        as.func_name = cursor_name(w, d);
    } else {
        return;
    }
    as.target = target;
    as.owner = file_scope ? w->init_owner : NULL;
    cursor_pos(at, NULL, &as.line, &as.col);
    if (file_scope)
        VEC_PUSH(w->tu_assigns, as);
    else
        VEC_PUSH(w->assigns, as);
}

/* The assignment target named by an lvalue: a field or a variable. */
static const char *lvalue_target(struct walker *w, CXCursor lhs)
{
    CXCursor u = unwrap(w, lhs), d;
    enum CXCursorKind k = clang_getCursorKind(u);
    if (k != CXCursor_MemberRefExpr && k != CXCursor_DeclRefExpr)
        return NULL;
    d = clang_getCursorReferenced(u);
    if (clang_getCursorKind(d) == CXCursor_FieldDecl)
        return field_target(w, d);
    if (clang_getCursorKind(d) == CXCursor_VarDecl)
        return var_target(w, d);
    return NULL;
}

struct field_list {
    CXCursor *items; /* fields of a record, in order */
    size_t n, cap;
};

static enum CXVisitorResult collect_field(CXCursor c, CXClientData data)
{
    struct field_list *l = data;
    VEC_PUSH(*l, c);
    return CXVisit_Continue;
}

/*
 * Function pointers in an initializer list of a record type, designated
 * (.read = f) or positional ({f, g}).  Nested lists are left to the walk.
 */
static void scan_init_list_at(struct walker *w, CXCursor list, int file_scope,
                              int depth)
{
    CXType t = clang_getCanonicalType(clang_getCursorType(list));
    struct field_list fields = {0};
    CXCursor *kids;
    size_t nkids;

    if (t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray) {
        /* A table of records: scan each element's list. */
        if (depth > 8)
            return;
        children(w, list);
        nkids = w->kids.n;
        kids = xmalloc((nkids ? nkids : 1) * sizeof(*kids));
        memcpy(kids, w->kids.items, nkids * sizeof(*kids));
        for (size_t i = 0; i < nkids; i++)
            if (clang_getCursorKind(kids[i]) == CXCursor_InitListExpr)
                scan_init_list_at(w, kids[i], file_scope, depth + 1);
        free(kids);
        return;
    }
    if (t.kind != CXType_Record)
        return;
    clang_Type_visitFields(t, collect_field, &fields);
    children(w, list);
    nkids = w->kids.n;
    kids = xmalloc((nkids ? nkids : 1) * sizeof(*kids));
    memcpy(kids, w->kids.items, nkids * sizeof(*kids));
    for (size_t i = 0; i < nkids; i++) {
        CXCursor k = kids[i], field = clang_getNullCursor(), value = k;
        if (clang_getCursorKind(k) == CXCursor_UnexposedExpr) {
            /* A designated initializer: MemberRef designators, then value. */
            children(w, k);
            if (w->kids.n >= 2 &&
                clang_getCursorKind(w->kids.items[0]) == CXCursor_MemberRef) {
                field = clang_getCursorReferenced(w->kids.items[0]);
                value = w->kids.items[w->kids.n - 1];
                if (w->kids.n > 2) /* .a.b = f: nested designator */
                    field =
                        clang_getCursorReferenced(w->kids.items[w->kids.n - 2]);
            }
        }
        if (clang_Cursor_isNull(field) && i < fields.n)
            field = fields.items[i];
        if (!clang_Cursor_isNull(field) &&
            clang_getCursorKind(field) == CXCursor_FieldDecl)
            add_assign(w, field_target(w, field), value, k, file_scope);
        /* A nested record, at file scope only: the body walk sees the rest. */
        if (file_scope && depth <= 8 &&
            clang_getCursorKind(value) == CXCursor_InitListExpr)
            scan_init_list_at(w, value, file_scope, depth + 1);
    }
    free(kids);
    free(fields.items);
}

static void scan_init_list(struct walker *w, CXCursor list, int file_scope)
{
    scan_init_list_at(w, list, file_scope, 0);
}

/* ---- def-use (struct fact_flow) ---------------------------------------- */

static const struct sink no_sink = {SINK_NONE, -1, -1, NULL, 0};

/*
 * The data key of an lvalue: the root variable's USR, with the field next
 * to the root for s.f and a[i].f ("USR.f") or p->f ("USR:f"); NULL when
 * the root is not a variable (f()->x).
 */
static const char *data_key(struct walker *w, CXCursor e)
{
    const char *field = NULL;
    char sep = '.';
    for (int i = 0; i < 64; i++) {
        enum CXCursorKind k;
        e = unwrap(w, e);
        k = clang_getCursorKind(e);
        if (k == CXCursor_DeclRefExpr) {
            CXCursor d = clang_getCursorReferenced(e);
            enum CXCursorKind dk = clang_getCursorKind(d);
            const char *usr;
            if (dk != CXCursor_VarDecl && dk != CXCursor_ParmDecl)
                return NULL;
            usr = cursor_usr(w, d);
            if (!field || !usr)
                return usr;
            {
                size_t a = strlen(usr), b = strlen(field);
                char *key = arena_alloc(&w->tu->arena, a + b + 2);
                memcpy(key, usr, a);
                key[a] = sep;
                memcpy(key + a + 1, field, b + 1);
                return key;
            }
        }
        if (k == CXCursor_MemberRefExpr) {
            CXCursor base = first_child(w, e);
            field = cursor_name(w, clang_getCursorReferenced(e));
            sep = !clang_Cursor_isNull(base) &&
                          clang_getCanonicalType(clang_getCursorType(base))
                                  .kind == CXType_Pointer
                      ? ':'
                      : '.';
        } else if (k != CXCursor_ArraySubscriptExpr &&
                   !(k == CXCursor_UnaryOperator &&
                     unop_kind(w, e, first_child(w, e)) == '*')) {
            return NULL;
        }
        e = first_child(w, e);
        if (clang_Cursor_isNull(e))
            return NULL;
    }
    return NULL;
}

/* Records a flow from key `from` (or call `call`'s output) into sink s. */
static void add_flow(struct walker *w, const char *from, int call,
                     const struct sink *s, int loop)
{
    struct fact_flow *fl;
    if (s->kind == SINK_NONE || s->kind == SINK_CASES || s->index_only ||
        (!from && call < 0) || (s->kind == SINK_KEY && !s->key))
        return;
    fl = VEC_ADD(w->flows);
    fl->from = from;
    fl->call = from ? -1 : call;
    fl->to = s->kind == SINK_KEY ? s->key : NULL;
    fl->to_call = s->kind == SINK_ARG ? s->a : -1;
    fl->to_arg = s->kind == SINK_ARG ? s->b : -1;
    fl->to_loop = s->kind == SINK_EXIT ? s->a : -1;
    fl->loop = loop;
    fl->seq = w->seq;
}

/*
 * What a callee does with storage an argument points to: ARG_READ, or
 * ARG_OUT for &p of a pointer p (an out-parameter), or ARG_INOUT for &x
 * and other pointers to non-const storage.  Pointers to const are read;
 * so are the variadic arguments other than &x (printf's, or a URL given
 * to curl_easy_setopt), and a pointer to a record or void given first (a
 * handle: a connection, a context), which the handle rules of SW301 and
 * SW302 look after.
 */
enum arg_use { ARG_READ, ARG_OUT, ARG_INOUT };

static enum arg_use arg_use(struct walker *w, CXCursor arg, int variadic,
                            int index)
{
    CXCursor u = unwrap(w, arg);
    CXType t = clang_getCanonicalType(clang_getCursorType(arg)), pt;
    if (t.kind != CXType_Pointer)
        return ARG_READ;
    pt = clang_getPointeeType(t);
    if (clang_isConstQualifiedType(pt))
        return ARG_READ;
    pt = clang_getCanonicalType(pt);
    if (pt.kind == CXType_FunctionProto || pt.kind == CXType_FunctionNoProto)
        return ARG_READ;
    if (clang_getCursorKind(u) == CXCursor_UnaryOperator &&
        unop_kind(w, u, first_child(w, u)) == '&')
        return pt.kind == CXType_Pointer || variadic ? ARG_OUT : ARG_INOUT;
    if (variadic)
        return ARG_READ; /* printf's arguments: only &x is written */
    if (index == 0 && (pt.kind == CXType_Record || pt.kind == CXType_Void ||
                       pt.kind == CXType_Elaborated))
        return ARG_READ;
    return ARG_INOUT;
}

/*
 * 1 when statement s is a `what` (break, return) or a block with one of
 * its own.
 */
static int stmt_leaves(struct walker *w, CXCursor s, enum CXCursorKind what)
{
    enum CXCursorKind k = clang_getCursorKind(s);
    if (k == what)
        return 1;
    if (k != CXCursor_CompoundStmt)
        return 0;
    children(w, s);
    for (size_t i = 0; i < w->kids.n; i++)
        if (clang_getCursorKind(w->kids.items[i]) == what)
            return 1;
    return 0;
}

/*
 * 1 when arm s returns, and not with an error value (a negative constant
 * or a null pointer): whether the code after the if runs then depends on
 * the condition (a fallback tried only when the first attempt failed).
 * Error exits do not make later calls depend on earlier results.
 */
static int arm_returns_normally(struct walker *w, CXCursor s)
{
    CXCursor ret = s, e;
    CXEvalResult r;
    int error = 0, ptr;
    if (clang_getCursorKind(s) == CXCursor_CompoundStmt) {
        children(w, s);
        ret = clang_getNullCursor();
        for (size_t i = 0; i < w->kids.n; i++)
            if (clang_getCursorKind(w->kids.items[i]) == CXCursor_ReturnStmt)
                ret = w->kids.items[i];
    }
    if (clang_getCursorKind(ret) != CXCursor_ReturnStmt)
        return 0;
    e = first_child(w, ret);
    if (clang_Cursor_isNull(e))
        return 1;
    ptr = clang_getCanonicalType(clang_getCursorType(e)).kind == CXType_Pointer;
    /* A pointer-typed constant does not evaluate; its literal does. */
    r = clang_Cursor_Evaluate(ptr ? unwrap(w, e) : e);
    if (r) {
        if (clang_EvalResult_getKind(r) == CXEval_Int) {
            long long v = clang_EvalResult_getAsLongLong(r);
            error = v < 0 || (v == 0 && ptr);
        }
        clang_EvalResult_dispose(r);
    }
    return !error;
}

/*
 * 1 when statement s never falls through to what follows it: a return,
 * goto, break or continue, or a block that ends in one or in a call that
 * does not return (exit, abort).
 */
static int stmt_exits(struct walker *w, CXCursor s)
{
    enum CXCursorKind k = clang_getCursorKind(s);
    if (k == CXCursor_CompoundStmt) {
        CXCursor last = last_child(w, s);
        if (clang_Cursor_isNull(last))
            return 0;
        s = last;
        k = clang_getCursorKind(s);
    }
    if (k == CXCursor_ReturnStmt || k == CXCursor_GotoStmt ||
        k == CXCursor_BreakStmt || k == CXCursor_ContinueStmt)
        return 1;
    if (k == CXCursor_CallExpr) {
        CXCursor d = clang_getCursorReferenced(s);
        return clang_getCursorKind(d) == CXCursor_FunctionDecl &&
               callee_noreturn(w, d, cursor_usr(w, d));
    }
    return 0;
}

static int add_arm(struct walker *w, int parent, int stmt)
{
    struct fact_arm *a = VEC_ADD(w->arms);
    a->parent = parent;
    a->stmt = stmt < 0 ? (int)w->arms.n - 1 : stmt;
    return (int)w->arms.n - 1;
}

static void push(struct walker *w, CXCursor c, int loop, int branch, int cond,
                 enum role role, int depth, const char *store, int test)
{
    struct frame f = {c,     loop,  branch, cond, role,
                      depth, store, test,   -1,   no_sink};
    VEC_PUSH(w->stack, f);
}

/* Pushes the children of c (kids) so that they pop in source order. */
static void push_kids(struct walker *w, const CXCursor *kids, size_t n,
                      int loop, const int *branches, const int *conds,
                      const enum role *roles, const char *const *stores,
                      const int *tests, int depth)
{
    /* The per-node arrays run parallel to kids (see visit()). */
    size_t off = (size_t)(kids - w->node.kids);
    for (size_t i = n; i-- > 0;) {
        push(w, kids[i], loop, branches[i], conds[i],
             roles ? roles[i] : ROLE_READ, depth, stores ? stores[i] : NULL,
             tests[i]);
        w->stack.items[w->stack.n - 1].arm = w->node.arms[off + i];
        w->stack.items[w->stack.n - 1].sink = w->node.sinks[off + i];
    }
}

/*
 * For "if (CALL(...) == 0)" and "if ((v = CALL(...)) == 0)": the called
 * function, else a null cursor.
 */
static CXCursor zero_guard(struct walker *w, CXCursor cond)
{
    CXCursor u = unwrap(w, cond), lhs, rhs, call;
    int zero = 0;
    if (clang_getCursorKind(u) != CXCursor_BinaryOperator)
        return clang_getNullCursor();
    children(w, u);
    if (w->kids.n != 2)
        return clang_getNullCursor();
    lhs = w->kids.items[0];
    rhs = w->kids.items[1];
    {
        char op[8];
        first_token(w, clang_getRangeEnd(cursor_extent(w, lhs)),
                    clang_getRangeStart(cursor_extent(w, rhs)), op, sizeof(op));
        if (strcmp(op, "==") != 0)
            return clang_getNullCursor();
    }
    zero = is_zero_expr(rhs);
    if (!zero)
        return clang_getNullCursor();
    call = unwrap(w, lhs);
    if (clang_getCursorKind(call) == CXCursor_BinaryOperator) {
        /* (v = CALL(...)) */
        children(w, call);
        if (w->kids.n != 2)
            return clang_getNullCursor();
        call = unwrap(w, w->kids.items[1]);
    }
    if (clang_getCursorKind(call) != CXCursor_CallExpr)
        return clang_getNullCursor();
    call = clang_getCursorReferenced(call);
    return clang_getCursorKind(call) == CXCursor_FunctionDecl
               ? call
               : clang_getNullCursor();
}

/*
 * 1 when child is the init clause of the for statement c whose body is
 * body: it ends before the first ';' of the header.  (libclang leaves out
 * absent clauses, so the first child may be the condition.)  Only the
 * header is tokenized.
 */
static int for_init(struct walker *w, CXCursor c, CXCursor child, CXCursor body)
{
    CXToken *toks = NULL;
    unsigned n = 0, semi = 0, end;
    int found = 0;
    if (clang_getCursorKind(child) == CXCursor_DeclStmt)
        return 1;
    clang_getExpansionLocation(clang_getRangeEnd(cursor_extent(w, child)), NULL,
                               NULL, NULL, &end);
    clang_tokenize(w->ctu,
                   clang_getRange(clang_getRangeStart(cursor_extent(w, c)),
                                  clang_getRangeStart(cursor_extent(w, body))),
                   &toks, &n);
    for (unsigned i = 0; i < n && !found; i++) {
        CXString sp;
        const char *t;
        if (clang_getTokenKind(toks[i]) != CXToken_Punctuation)
            continue;
        sp = clang_getTokenSpelling(w->ctu, toks[i]);
        t = clang_getCString(sp);
        if (t && strcmp(t, ";") == 0) {
            clang_getExpansionLocation(clang_getTokenLocation(w->ctu, toks[i]),
                                       NULL, NULL, NULL, &semi);
            found = 1;
        }
        clang_disposeString(sp);
    }
    clang_disposeTokens(w->ctu, toks, n);
    return found && end <= semi;
}

/*
 * 1 when child is the condition of the for statement c whose body is body:
 * it starts after the first ';' of the header and ends before the second.
 */
static int for_test(struct walker *w, CXCursor c, CXCursor child, CXCursor body)
{
    CXToken *toks = NULL;
    unsigned n = 0, semi[2] = {0, 0}, start, end;
    int found = 0;
    clang_getExpansionLocation(clang_getRangeStart(cursor_extent(w, child)),
                               NULL, NULL, NULL, &start);
    clang_getExpansionLocation(clang_getRangeEnd(cursor_extent(w, child)), NULL,
                               NULL, NULL, &end);
    clang_tokenize(w->ctu,
                   clang_getRange(clang_getRangeStart(cursor_extent(w, c)),
                                  clang_getRangeStart(cursor_extent(w, body))),
                   &toks, &n);
    for (unsigned i = 0; i < n && found < 2; i++) {
        CXString sp;
        const char *t;
        if (clang_getTokenKind(toks[i]) != CXToken_Punctuation)
            continue;
        sp = clang_getTokenSpelling(w->ctu, toks[i]);
        t = clang_getCString(sp);
        if (t && strcmp(t, ";") == 0)
            clang_getExpansionLocation(clang_getTokenLocation(w->ctu, toks[i]),
                                       NULL, NULL, NULL, &semi[found++]);
        clang_disposeString(sp);
    }
    clang_disposeTokens(w->ctu, toks, n);
    return found == 2 && start > semi[0] && end <= semi[1];
}

/* 1 for a statement that leaves the loop: break, return, goto, or a block
 * that ends in one. */
static int leaves_loop(struct walker *w, CXCursor s)
{
    enum CXCursorKind k = clang_getCursorKind(s);
    if (k == CXCursor_CompoundStmt) {
        s = last_child(w, s);
        k = clang_isInvalid(clang_getCursorKind(s)) ? CXCursor_NullStmt
                                                    : clang_getCursorKind(s);
    }
    return k == CXCursor_BreakStmt || k == CXCursor_ReturnStmt ||
           k == CXCursor_GotoStmt;
}

/* Records a copy into a local (index >= 0) or a local's exit test. */
static void note_test_copy(struct walker *w, const char *local, int index,
                           int loop)
{
    struct copy_ref r = {local, index, loop};
    if (w->copies_n == w->copies_cap) {
        w->copies_cap = w->copies_cap ? w->copies_cap * 2 : 16;
        w->copies_items =
            xrealloc(w->copies_items, w->copies_cap * sizeof(*w->copies_items));
    }
    w->copies_items[w->copies_n++] = r;
}

/* A read copied into a local that an exit test of the same loop reads is
 * part of that test. */
static void resolve_copies(struct walker *w)
{
    for (size_t i = 0; i < w->copies_n; i++) {
        const struct copy_ref *c = &w->copies_items[i];
        if (c->index < 0)
            continue;
        for (size_t k = 0; k < w->copies_n; k++) {
            const struct copy_ref *t = &w->copies_items[k];
            if (t->index < 0 && t->loop == c->loop &&
                strcmp(t->local, c->local) == 0) {
                w->accesses.items[c->index].test = 1;
                break;
            }
        }
    }
    w->copies_n = 0;
}

/*
 * Def-use and arms for node c's children (w->node.sinks and w->node.arms,
 * already defaulted by visit()): arguments go into their call, what a
 * call writes through &x or a buffer goes out of it, loop conditions and
 * ifs that break feed the loop's exit test, if and ?: open arms.
 */
static void visit_flows(struct walker *w, const struct frame *fr, CXCursor c,
                        enum CXCursorKind k, const CXCursor *kids, size_t n,
                        int loop)
{
    struct sink *sk = w->node.sinks;
    struct sink exit_sink = {SINK_EXIT, loop, -1, NULL, 0};
    switch (k) {
    case CXCursor_CallExpr: {
        int ci = (int)w->calls.n - 1;
        int nargs = clang_Cursor_getNumArguments(c);
        CXCursor fn = clang_getCursorReferenced(c);
        CXType ft = clang_getCursorType(fn);
        int fixed = clang_getNumArgTypes(ft);
        int variadic = clang_isFunctionTypeVariadic(ft);
        sk[0] = no_sink;
        for (size_t i = 1; i < n; i++) {
            struct sink in = {SINK_ARG, ci, (int)i - 1, NULL, 0};
            enum arg_use use;
            sk[i] = no_sink;
            if (nargs != (int)n - 1)
                continue;
            use = arg_use(w, kids[i], variadic && (int)i - 1 >= fixed,
                          (int)i - 1);
            if (use != ARG_READ) {
                CXCursor u = unwrap(w, kids[i]);
                struct sink to = {SINK_KEY, -1, -1, NULL, 0};
                int addr = clang_getCursorKind(u) == CXCursor_UnaryOperator;
                if (addr)
                    u = first_child(w, u);
                to.key = data_key(w, u);
                add_flow(w, NULL, ci, &to, loop);
                if (use == ARG_INOUT && addr) /* &x: not read below */
                    add_flow(w, to.key, -1, &in, loop);
                if (use == ARG_INOUT && !addr)
                    sk[i] = in;
            } else {
                CXCursor u = unwrap(w, kids[i]);
                sk[i] = in;
                if (clang_getCursorKind(u) == CXCursor_UnaryOperator &&
                    unop_kind(w, u, first_child(w, u)) == '&')
                    add_flow(w, data_key(w, first_child(w, u)), -1, &in, loop);
            }
        }
        break;
    }
    case CXCursor_CompoundAssignOperator:
        if (n == 2) {
            const char *key = data_key(w, kids[0]);
            struct sink to = {SINK_KEY, -1, -1, key, 0};
            sk[0] = no_sink;
            sk[1] = key ? to : no_sink;
            add_flow(w, key, -1, &to, loop); /* x += ...: x stays */
            add_flow(w, key, -1, &fr->sink, loop);
        }
        break;
    case CXCursor_VarDecl:
        if (clang_isExpression(clang_getCursorKind(kids[n - 1])))
            sk[n - 1] = (struct sink){SINK_KEY, -1, -1, cursor_usr(w, c), 0};
        break;
    case CXCursor_WhileStmt:
        if (n == 2)
            sk[0] = exit_sink;
        break;
    case CXCursor_DoStmt:
        if (n == 2)
            sk[1] = exit_sink;
        break;
    case CXCursor_IfStmt:
        if (n >= 2) {
            int a0 = add_arm(w, fr->arm, -1);
            w->node.arms[1] = a0;
            w->arms.items[a0].exits = stmt_exits(w, kids[1]);
            if (n > 2) {
                w->node.arms[2] = add_arm(w, fr->arm, a0);
                w->arms.items[w->node.arms[2]].exits = stmt_exits(w, kids[2]);
            }
            /* The condition decides the arms, and what leaves them. */
            char buf[32];
            struct sink ret = {SINK_KEY, -1, -1, FACT_KEY_RETURN, 0};
            snprintf(buf, sizeof(buf), FACT_KEY_IF "%d", a0);
            sk[0] = (struct sink){SINK_KEY, -1, -1,
                                  arena_strdup(&w->tu->arena, buf), 0};
            if (loop >= 0 &&
                (stmt_leaves(w, kids[1], CXCursor_BreakStmt) ||
                 (n > 2 && stmt_leaves(w, kids[2], CXCursor_BreakStmt))))
                add_flow(w, sk[0].key, -1, &exit_sink, loop);
            else if (arm_returns_normally(w, kids[1]) ||
                     (n > 2 && arm_returns_normally(w, kids[2])))
                add_flow(w, sk[0].key, -1, &ret, loop);
        }
        break;
    case CXCursor_SwitchStmt:
        if (n >= 2)
            sk[n - 1] = (struct sink){SINK_CASES, -1, -1, NULL, 0};
        break;
    case CXCursor_CompoundStmt:
        if (fr->sink.kind == SINK_CASES) {
            /* Each case label opens an arm up to the next label. */
            int first = -1, cur = fr->arm;
            for (size_t i = 0; i < n; i++) {
                enum CXCursorKind kk = clang_getCursorKind(kids[i]);
                if (kk == CXCursor_CaseStmt || kk == CXCursor_DefaultStmt) {
                    cur = add_arm(w, fr->arm, first);
                    if (first < 0)
                        first = cur;
                }
                w->node.arms[i] = cur;
            }
        }
        break;
    case CXCursor_ConditionalOperator:
        if (n == 3) {
            int a0 = add_arm(w, fr->arm, -1);
            w->node.arms[1] = a0;
            w->node.arms[2] = add_arm(w, fr->arm, a0);
        }
        break;
    default:
        break;
    }
}

static void visit(struct walker *w, const struct frame *fr)
{
    CXCursor c = fr->c;
    enum CXCursorKind k = clang_getCursorKind(c);
    int loop = fr->loop;
    size_t n;
    CXCursor *kids;
    enum role *roles;
    int *branches, *conds;
    const char **stores;
    int *tests;
    int outer_loop = -2; /* for a for statement: the loop around it */
    int sink_done = 0;   /* the node's own flow is recorded */

    if (fr->depth > SW_MAX_DEPTH)
        return;
    w->cur_test = fr->test;

    switch (k) {
    case CXCursor_ForStmt:
    case CXCursor_WhileStmt:
    case CXCursor_DoStmt: {
        struct fact_loop *l = VEC_ADD(w->loops);
        l->parent = loop;
        if (k == CXCursor_DoStmt)
            l->once = is_zero_expr(last_child(w, c));
        cursor_pos(c, NULL, &l->line, &l->col);
        outer_loop = loop;
        loop = (int)w->loops.n - 1;
        break;
    }
    case CXCursor_CallExpr:
        add_call(w, c, loop, fr->branch, fr->cond, fr->store, fr->arm);
        add_flow(w, NULL, (int)w->calls.n - 1, &fr->sink, loop);
        break;
    case CXCursor_DeclRefExpr: {
        CXCursor d = clang_getCursorReferenced(c);
        int ls;
        if (is_tracked_var(w, d, &ls)) {
            add_access(w, c, d, fr->role, loop, NULL);
            if (w->index_key && clang_equalCursors(c, w->index_ref))
                w->accesses.items[w->accesses.n - 1].index = w->index_key;
            if (fr->store && fr->role == ROLE_READ && loop >= 0)
                note_test_copy(w, fr->store, (int)w->accesses.n - 1, loop);
        } else if (clang_getCursorKind(d) == CXCursor_VarDecl) {
            if (fr->role == ROLE_WRITE || fr->role == ROLE_RW)
                note_local_set(w, d, loop);
            else if (fr->test && fr->role == ROLE_READ)
                note_test_copy(w, cursor_usr(w, d), -1, loop);
        }
        if (fr->sink.kind != SINK_NONE && fr->role != ROLE_ADDR &&
            (clang_getCursorKind(d) == CXCursor_VarDecl ||
             clang_getCursorKind(d) == CXCursor_ParmDecl))
            add_flow(w, cursor_usr(w, d), -1, &fr->sink, loop);
        return;
    }
    case CXCursor_MemberRefExpr:
        if (fr->sink.kind != SINK_NONE) {
            const char *key = data_key(w, c);
            if (key) {
                /* One flow for s.f; its parts are not read on their own. */
                add_flow(w, key, -1, &fr->sink, loop);
                sink_done = 1;
            }
        }
        break;
    case CXCursor_VarDecl: {
        int ls;
        if (!is_tracked_var(w, c, &ls) && w->fn)
            note_local_decl(w, c, loop);
        if (is_tracked_var(w, c, &ls) && ls) {
            /* A function-static local: a global with an owner. */
            struct fact_global *g = VEC_ADD(w->globals);
            CXFile f;
            g->usr = cursor_usr(w, c);
            g->name = cursor_name(w, c);
            cursor_pos(c, &f, &g->line, &g->col);
            g->file = file_name(w, f);
            g->owner = w->fn ? w->fn->usr : NULL;
            g->is_static = 1;
            g->is_atomic =
                clang_getCanonicalType(clang_getCursorType(c)).kind ==
                CXType_Atomic;
        }
        if (!is_tracked_var(w, c, &ls)) {
            /* A local: the loop it belongs to, the address it holds. */
            struct decl_names *d = decl_slot(w, c);
            CXCursor init = last_child(w, c);
            if (d)
                d->loop1 = loop + 1;
            if (!clang_Cursor_isNull(init) &&
                clang_isExpression(clang_getCursorKind(init)))
                note_copy(w, c, init);
        }
        {
            /* void (*cb)(int) = handler; */
            CXCursor init = last_child(w, c);
            CXType t = clang_getCanonicalType(clang_getCursorType(c));
            if (!clang_Cursor_isNull(init) && t.kind == CXType_Pointer &&
                clang_getCanonicalType(clang_getPointeeType(t)).kind ==
                    CXType_FunctionProto) {
                add_assign(w, var_target(w, c), init, c, 0);
            }
        }
        break;
    }
    case CXCursor_InitListExpr:
        scan_init_list(w, c, 0);
        break;
    case CXCursor_UnaryExpr:
        return; /* sizeof and _Alignof do not evaluate their operand */
    default:
        break;
    }

    children(w, c);
    n = w->kids.n;
    if (!n)
        return;
    if (n > w->node.cap) {
        size_t cap = n * 2;
        w->node.kids = xrealloc(w->node.kids, cap * sizeof(*w->node.kids));
        w->node.roles = xrealloc(w->node.roles, cap * sizeof(*w->node.roles));
        w->node.branches =
            xrealloc(w->node.branches, cap * sizeof(*w->node.branches));
        w->node.conds = xrealloc(w->node.conds, cap * sizeof(*w->node.conds));
        w->node.stores =
            xrealloc(w->node.stores, cap * sizeof(*w->node.stores));
        w->node.tests = xrealloc(w->node.tests, cap * sizeof(*w->node.tests));
        w->node.arms = xrealloc(w->node.arms, cap * sizeof(*w->node.arms));
        w->node.sinks = xrealloc(w->node.sinks, cap * sizeof(*w->node.sinks));
        w->node.cap = cap;
    }
    kids = w->node.kids;
    roles = w->node.roles;
    branches = w->node.branches;
    conds = w->node.conds;
    stores = w->node.stores;
    tests = w->node.tests;
    memcpy(kids, w->kids.items, n * sizeof(*kids));
    for (size_t i = 0; i < n; i++) {
        roles[i] = ROLE_READ;
        stores[i] = NULL;
        /* a loop statement starts its own tests (set below) */
        tests[i] = (k == CXCursor_ForStmt || k == CXCursor_WhileStmt ||
                    k == CXCursor_DoStmt)
                       ? 0
                       : fr->test;
        branches[i] = fr->branch;
        /* The arms of if, switch and ?: are conditional; the test is not. */
        conds[i] =
            fr->cond + ((k == CXCursor_IfStmt || k == CXCursor_SwitchStmt ||
                         k == CXCursor_ConditionalOperator) &&
                        i > 0);
        w->node.arms[i] = fr->arm;
        /* Values flow up through expressions, not out of statements. */
        w->node.sinks[i] = clang_isExpression(k) && i < n ? fr->sink : no_sink;
        w->node.sinks[i].index_only |= sink_done;
    }
    visit_flows(w, fr, c, k, kids, n, loop);

    switch (k) {
    case CXCursor_BinaryOperator:
        if (n == 2 && binop_is_assign(w, c, kids[0], kids[1])) {
            const char *target, *key = data_key(w, kids[0]);
            CXCursor lhs = unwrap(w, kids[0]);
            struct sink to = {SINK_KEY, -1, -1, key, 0};
            w->node.sinks[0] = no_sink;
            w->node.sinks[1] = key ? to : no_sink;
            add_flow(w, key, -1, &fr->sink, loop); /* (v = f()) > 0 */
            roles[0] = ROLE_WRITE;
            if (clang_getCursorKind(unwrap(w, kids[0])) == CXCursor_DeclRefExpr)
                note_copy(w, clang_getCursorReferenced(unwrap(w, kids[0])),
                          kids[1]);
            target = lvalue_target(w, kids[0]);
            if (target)
                add_assign(w, target, kids[1], c, 0);
            /* v = CALL(...): the call's value goes to v */
            if (clang_getCursorKind(lhs) == CXCursor_DeclRefExpr) {
                CXCursor d = clang_getCursorReferenced(lhs);
                if (clang_getCursorKind(d) == CXCursor_VarDecl)
                    stores[1] = cursor_usr(w, d);
            }
        }
        break;
    case CXCursor_VarDecl:
        /* T v = CALL(...); */
        if (clang_isExpression(clang_getCursorKind(kids[n - 1])))
            stores[n - 1] = cursor_usr(w, c);
        break;
    case CXCursor_CStyleCastExpr:
        stores[n - 1] = fr->store;
        break;
    case CXCursor_CompoundAssignOperator:
        roles[0] = ROLE_RW;
        break;
    case CXCursor_WhileStmt:
        if (n >= 2)
            tests[0] = 1; /* while (TEST) body */
        break;
    case CXCursor_DoStmt:
        if (n >= 2)
            tests[n - 1] = 1; /* do body while (TEST) */
        break;
    case CXCursor_ForStmt:
        for (size_t i = 0; i + 1 < n; i++)
            tests[i] = for_test(w, c, kids[i], kids[n - 1]);
        break;
    case CXCursor_IfStmt:
        /* if (TEST) break; if (TEST) { ...; return; } */
        if (n >= 2 && loop >= 0 && leaves_loop(w, kids[1]))
            tests[0] = 1;
        if (n >= 2) {
            CXCursor g = zero_guard(w, kids[0]);
            if (!clang_Cursor_isNull(g)) {
                struct fact_branch *b = VEC_ADD(w->branches);
                b->parent = fr->branch;
                b->guard = cursor_name(w, g);
                b->guard_usr = cursor_usr(w, g);
                int col;
                cursor_pos(c, NULL, &b->line, &col);
                branches[1] = (int)w->branches.n - 1;
            }
        }
        break;
    case CXCursor_UnaryOperator:
        if (n == 1) {
            char op = unop_kind(w, c, kids[0]);
            roles[0] = op == '&'                ? ROLE_ADDR
                       : op == '+' || op == '-' ? ROLE_RW
                                                : ROLE_READ;
            if (op == '&') {
                /* The address, not the value (its indexes pick it). */
                w->node.sinks[0].index_only = 1;
            } else if (op == '+' || op == '-') {
                const char *key = data_key(w, kids[0]);
                struct sink to = {SINK_KEY, -1, -1, key, 0};
                add_flow(w, key, -1, &to, loop); /* i++: i changes */
            }
            if (op == '*')
                add_pointee_access(w, c, kids[0], fr->role, loop, NULL);
        }
        break;
    case CXCursor_ParenExpr:
        roles[n - 1] = fr->role;
        stores[n - 1] = fr->store;
        break;
    case CXCursor_UnexposedExpr:
        /* Implicit casts: an lvalue-to-rvalue conversion reads. */
        roles[n - 1] = fr->role == ROLE_ADDR ? ROLE_ADDR : fr->role;
        stores[n - 1] = fr->store;
        break;
    case CXCursor_MemberRefExpr: {
        /* a.f = x writes a; p->f = x only reads p (and writes *p). */
        CXType bt = clang_getCanonicalType(clang_getCursorType(kids[0]));
        CXCursor fd = clang_getCursorReferenced(c);
        const char *field = clang_getCursorKind(fd) == CXCursor_FieldDecl
                                ? cursor_name(w, fd)
                                : NULL;
        if (bt.kind != CXType_Pointer) {
            CXCursor u = unwrap(w, kids[0]), d;
            int ls;
            roles[0] = fr->role;
            if (clang_getCursorKind(u) == CXCursor_DeclRefExpr &&
                is_tracked_var(w, d = clang_getCursorReferenced(u), &ls)) {
                /* g.f: an access to field f of g. */
                add_access(w, u, d, fr->role, loop, field);
                return;
            }
        } else {
            add_pointee_access(w, c, kids[0], fr->role, loop, field);
        }
        break;
    }
    case CXCursor_ArraySubscriptExpr: {
        CXCursor base = unwrap(w, kids[0]);
        CXType bt = clang_getCanonicalType(clang_getCursorType(base));
        if (n == 2)
            w->node.sinks[1].index_only = 0; /* the index picks the element */
        if (bt.kind == CXType_ConstantArray ||
            bt.kind == CXType_IncompleteArray) {
            roles[0] = fr->role;
            if (n == 2 && clang_getCursorKind(base) == CXCursor_DeclRefExpr) {
                w->index_ref = base; /* g[i]: its access reads i */
                w->index_key = index_of(w, kids[1]);
            }
        } else
            add_pointee_access(w, c, kids[0], fr->role, loop, NULL);
        break;
    }
    default:
        break;
    }
    if (k == CXCursor_DoStmt && n == 2) {
        /* do { ... } while (0): a statement macro's wrapper, not a loop. */
        CXEvalResult r = clang_Cursor_Evaluate(kids[1]);
        if (r) {
            w->loops.items[loop].once =
                clang_EvalResult_getKind(r) == CXEval_Int &&
                clang_EvalResult_getAsLongLong(r) == 0;
            clang_EvalResult_dispose(r);
        }
    }
    if (k == CXCursor_ForStmt && n > 1) {
        /* Condition and increment feed the exit test (init: see below). */
        struct sink exit_sink = {SINK_EXIT, loop, -1, NULL, 0};
        for (size_t i = 0; i + 1 < n; i++)
            w->node.sinks[i] = exit_sink;
    }
    if (k == CXCursor_ForStmt && n > 1 &&
        for_init(w, c, kids[0], kids[n - 1])) {
        w->node.sinks[0] = no_sink;
        /* The counter: "int i = 0" or "i = 0" in the init clause. */
        CXCursor init = kids[0], d = clang_getNullCursor();
        if (clang_getCursorKind(init) == CXCursor_DeclStmt) {
            d = first_child(w, init);
        } else if (clang_getCursorKind(init) == CXCursor_BinaryOperator) {
            CXCursor lhs = unwrap(w, first_child(w, init));
            if (clang_getCursorKind(lhs) == CXCursor_DeclRefExpr)
                d = clang_getCursorReferenced(lhs);
        }
        if (clang_getCursorKind(d) == CXCursor_VarDecl)
            w->loops.items[loop].counter = cursor_usr(w, d);
        /* The init clause runs once, outside the loop. */
        push_kids(w, kids + 1, n - 1, loop, branches + 1, conds + 1, roles + 1,
                  stores + 1, tests + 1, fr->depth + 1);
        push(w, kids[0], outer_loop, branches[0], conds[0], roles[0],
             fr->depth + 1, stores[0], 0);
        w->stack.items[w->stack.n - 1].arm = w->node.arms[0];
    } else {
        push_kids(w, kids, n, loop, branches, conds, roles, stores, tests,
                  fr->depth + 1);
    }
}

static void walk_function(struct walker *w, CXCursor fn)
{
    struct fact_func *f = VEC_ADD(w->funcs);
    CXFile file;
    CXSourceRange ext = cursor_extent(w, fn);
    unsigned end_line;
    int np = clang_Cursor_getNumArguments(fn);
    size_t fi = w->funcs.n - 1;

    f->usr = cursor_usr(w, fn);
    f->name = cursor_name(w, fn);
    cursor_pos(fn, &file, &f->line, &f->col);
    f->file = file_name(w, file);
    clang_getExpansionLocation(clang_getRangeEnd(ext), NULL, &end_line, NULL,
                               NULL);
    f->end_line = (int)end_line;
    f->is_static = clang_getCursorLinkage(fn) == CXLinkage_Internal;
    f->nparams = np > 0 ? np : 0;

    w->fn = f;
    w->fn_cursor = fn;
    w->nparams = f->nparams;
    w->params =
        xcalloc((size_t)(w->nparams ? w->nparams : 1), sizeof(CXCursor));
    if (w->nparams > 0)
        f->params =
            arena_alloc(&w->tu->arena, (size_t)w->nparams * sizeof(*f->params));
    for (int i = 0; i < w->nparams; i++) {
        w->params[i] = clang_Cursor_getArgument(fn, (unsigned)i);
        f->params[i] = cursor_usr(w, w->params[i]);
    }
    w->seq = 0;
    w->calls.n = w->loops.n = w->accesses.n = w->assigns.n = 0;
    w->branches.n = 0, w->branches.items = NULL, w->branches.cap = 0;
    w->calls.items = NULL, w->calls.cap = 0;
    w->loops.items = NULL, w->loops.cap = 0;
    w->accesses.items = NULL, w->accesses.cap = 0;
    w->assigns.items = NULL, w->assigns.cap = 0;
    w->arms.n = w->flows.n = 0;
    w->arms.items = NULL, w->arms.cap = 0;
    w->flows.items = NULL, w->flows.cap = 0;

    /* Only the body: parameters and the return type hold no events. */
    children(w, fn);
    for (size_t i = w->kids.n; i-- > 0;)
        if (clang_getCursorKind(w->kids.items[i]) == CXCursor_CompoundStmt)
            push(w, w->kids.items[i], -1, -1, 0, ROLE_READ, 0, NULL, 0);
    while (w->stack.n) {
        struct frame fr = w->stack.items[--w->stack.n];
        visit(w, &fr);
    }

    resolve_copies(w);
    f = &w->funcs.items[fi]; /* walk_function's VEC_ADD may have moved */
    f->calls = w->calls.items, f->ncalls = w->calls.n;
    f->loops = w->loops.items, f->nloops = w->loops.n;
    f->branches = w->branches.items, f->nbranches = w->branches.n;
    f->accesses = w->accesses.items, f->naccesses = w->accesses.n;
    f->assigns = w->assigns.items, f->nassigns = w->assigns.n;
    f->arms = w->arms.items, f->narms = w->arms.n;
    f->flows = w->flows.items, f->nflows = w->flows.n;
    free(w->params);
    w->params = NULL;
    w->fn = NULL;
}

/* The text of a string literal without its quotes, or NULL. */
static const char *literal_text(struct walker *w, CXCursor lit)
{
    char *s = cursor_name(w, lit);
    size_t n = s ? strlen(s) : 0;
    char *q = s ? strchr(s, '"') : NULL;
    if (n < 2 || s[n - 1] != '"' || !q || q >= s + n - 1)
        return NULL;
    return arena_strndup(&w->tu->arena, q + 1, (size_t)(s + n - 1 - q - 1));
}

/* g->strings for a constant array of string literals (a host table). */
static void string_table(struct walker *w, CXCursor c, CXType t,
                         struct fact_global *g)
{
    CXType ct = clang_getCanonicalType(t);
    CXCursor init = last_child(w, c);
    size_t n = 0;
    g->nstrings = 0;
    g->strings = NULL;
    /* The declared element type keeps its const (the canonical one of a
     * "T *const a[]" may not). */
    if (ct.kind != CXType_ConstantArray ||
        !clang_isConstQualifiedType(clang_getArrayElementType(t)) ||
        clang_Cursor_isNull(init) ||
        clang_getCursorKind(init) != CXCursor_InitListExpr)
        return;
    children(w, init);
    n = w->kids.n;
    if (n == 0 || n > FACT_MAX_STRINGS)
        return;
    {
        const char **out = arena_alloc(&w->tu->arena, n * sizeof(*out));
        CXCursor *kids = xmalloc(n * sizeof(*kids));
        size_t i;
        memcpy(kids, w->kids.items, n * sizeof(*kids));
        for (i = 0; i < n; i++) {
            CXCursor u = unwrap(w, kids[i]);
            if (clang_getCursorKind(u) != CXCursor_StringLiteral ||
                !(out[i] = literal_text(w, u)))
                break;
        }
        free(kids);
        if (i == n) {
            g->strings = out;
            g->nstrings = n;
        }
    }
}

static void walk_global(struct walker *w, CXCursor c)
{
    CXFile f;
    struct fact_global *g;
    CXType t = clang_getCursorType(c);

    /* Tentative definitions (int counter;) count; extern declarations do
     * not. */
    if (clang_getCursorKind(c) != CXCursor_VarDecl ||
        (!clang_isCursorDefinition(c) &&
         clang_Cursor_getStorageClass(c) == CX_SC_Extern))
        return;
    /* File-scope function pointer tables: static struct ops o = {...}. */
    w->init_owner = cursor_usr(w, c);
    {
        CXCursor init = last_child(w, c);
        if (!clang_Cursor_isNull(init)) {
            enum CXCursorKind ik = clang_getCursorKind(init);
            if (ik == CXCursor_InitListExpr) {
                scan_init_list(w, init, 1);
            } else {
                CXType ct = clang_getCanonicalType(t);
                if (ct.kind == CXType_Pointer &&
                    clang_getCanonicalType(clang_getPointeeType(ct)).kind ==
                        CXType_FunctionProto) {
                    add_assign(w, var_target(w, c), init, c, 1);
                }
            }
        }
    }
    g = VEC_ADD(w->globals);
    string_table(w, c, t, g);
    g->usr = cursor_usr(w, c);
    g->name = cursor_name(w, c);
    cursor_pos(c, &f, &g->line, &g->col);
    g->file = file_name(w, f);
    g->is_static = clang_getCursorLinkage(c) == CXLinkage_Internal;
    g->is_const = clang_isConstQualifiedType(t);
    g->is_atomic = clang_getCanonicalType(t).kind == CXType_Atomic;
    g->is_tls = clang_getCursorTLSKind(c) != CXTLS_None;
}

struct top_collect {
    CXCursor *items; /* top-level declarations outside system headers */
    size_t n, cap;
};

static enum CXChildVisitResult collect_top(CXCursor c, CXCursor parent,
                                           CXClientData data)
{
    struct top_collect *t = data;
    enum CXCursorKind k = clang_getCursorKind(c);
    (void)parent;
    if (clang_Location_isInSystemHeader(clang_getCursorLocation(c)))
        return CXChildVisit_Continue;
    if (k == CXCursor_LinkageSpec || k == CXCursor_UnexposedDecl)
        return CXChildVisit_Recurse;
    if ((k == CXCursor_FunctionDecl && clang_isCursorDefinition(c)) ||
        k == CXCursor_VarDecl)
        VEC_PUSH(*t, c);
    return CXChildVisit_Continue;
}

static void record_errors(struct fact_tu *tu, CXTranslationUnit ctu)
{
    unsigned n = clang_getNumDiagnostics(ctu);
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(ctu, i);
        enum CXDiagnosticSeverity s = clang_getDiagnosticSeverity(d);
        if (s >= CXDiagnostic_Error) {
            if (!tu->nerrors) {
                CXFile f = NULL;
                unsigned line = 0, col = 0;
                CXString msg = clang_getDiagnosticSpelling(d);
                clang_getExpansionLocation(clang_getDiagnosticLocation(d), &f,
                                           &line, &col, NULL);
                if (f) {
                    CXString fn = clang_getFileName(f);
                    tu->first_error.file =
                        arena_strdup(&tu->arena, clang_getCString(fn));
                    clang_disposeString(fn);
                } else {
                    tu->first_error.file = tu->file;
                }
                tu->first_error.line = (int)line;
                tu->first_error.col = (int)col;
                tu->first_error.message =
                    arena_strdup(&tu->arena, clang_getCString(msg));
                clang_disposeString(msg);
            }
            tu->nerrors++;
        }
        clang_disposeDiagnostic(d);
    }
}

struct input_list {
    struct fact_tu *tu; /* owns the strings */
    CXTranslationUnit ctu;
    int unsaved;              /* the parse had editor buffers */
    struct fact_input *items; /* files read */
    size_t n, cap;
};

/*
 * Hashes of the headers this process has seen, by path, size and
 * modification time: a project's TUs include the same headers over and
 * over, and hashing them is a good part of recording the inputs.  A header
 * changed during the run within the same second to the same size keeps its
 * first hash; the cache then finds that hash stale on the next run and
 * parses again, which is safe.
 */
static pthread_mutex_t hashes_mu = PTHREAD_MUTEX_INITIALIZER;
static struct strmap *hashes_index; /* key -> index into hashes */
static struct {
    char (*items)[SW_HASH_HEX];
    size_t n, cap;
} hashes;

/* The remembered hash of path at size and mtime: 1 when there is one. */
static int input_hash_known(const char *path, size_t size, time_t mtime,
                            char hex[SW_HASH_HEX])
{
    char *key = xasprintf("%s|%zu|%lld", path, size, (long long)mtime);
    long at;
    pthread_mutex_lock(&hashes_mu);
    at = hashes_index ? strmap_get(hashes_index, key) : -1;
    if (at >= 0)
        memcpy(hex, hashes.items[at], SW_HASH_HEX);
    pthread_mutex_unlock(&hashes_mu);
    free(key);
    return at >= 0;
}

static void input_hash(const char *path, const char *contents, size_t size,
                       time_t mtime, char hex[SW_HASH_HEX])
{
    char *key;
    if (input_hash_known(path, size, mtime, hex))
        return;
    sw_hash_hex(contents, size, hex);
    key = xasprintf("%s|%zu|%lld", path, size, (long long)mtime);
    pthread_mutex_lock(&hashes_mu);
    if (!hashes_index)
        hashes_index = strmap_new();
    if (strmap_get(hashes_index, key) < 0) {
        if (hashes.n == hashes.cap)
            xgrow((void **)&hashes.items, &hashes.cap, hashes.n + 1,
                  sizeof(*hashes.items));
        memcpy(hashes.items[hashes.n], hex, SW_HASH_HEX);
        strmap_put(hashes_index, key, (long)hashes.n++);
    }
    pthread_mutex_unlock(&hashes_mu);
    free(key);
}

static void collect_input(CXFile f, CXSourceLocation *stack, unsigned len,
                          CXClientData data)
{
    struct input_list *l = data;
    struct fact_input in;
    CXString name = clang_getFileName(f);
    const char *s = clang_getCString(name);
    size_t size = 0;
    const char *contents = NULL;
    char hex[SW_HASH_HEX];
    struct stat st;
    int header = stack && len; /* the main file is hashed every time */
    if (!s || !*s) {
        clang_disposeString(name);
        return;
    }
    /*
     * A header hashed before, at the size it has on disk: its contents
     * are not needed (clang_getFileContents() looks the file up with a
     * linear search).  Not with editor buffers, which the disk does not
     * show.
     */
    if (header && !l->unsaved && stat(s, &st) == 0 &&
        input_hash_known(s, (size_t)st.st_size, clang_getFileTime(f), hex))
        goto known;
    contents = clang_getFileContents(l->ctu, f, &size);
    if (!contents) {
        clang_disposeString(name);
        return;
    }
    if (header)
        input_hash(s, contents, size, clang_getFileTime(f), hex);
    else
        sw_hash_hex(contents, size, hex);
known:
    in.path = arena_strdup(&l->tu->arena, s);
    in.hash = arena_strdup(&l->tu->arena, hex);
    clang_disposeString(name);
    VEC_PUSH(*l, in);
}

static int input_cmp(const void *a, const void *b)
{
    const struct fact_input *x = a, *y = b;
    int c = strcmp(x->path, y->path);
    return c ? c : strcmp(x->hash, y->hash);
}

/*
 * Records the files the parse read (main file and every header) with the
 * hash of the contents libclang saw, sorted by path and unique: the cache
 * compares them with the files on disk to reuse facts without parsing.
 */
static void record_inputs(struct fact_tu *tu, CXTranslationUnit ctu,
                          int unsaved)
{
    struct input_list l = {tu, ctu, unsaved, NULL, 0, 0};
    size_t out = 0;
    clang_getInclusions(ctu, collect_input, &l);
    if (!l.n)
        return;
    qsort(l.items, l.n, sizeof(*l.items), input_cmp);
    for (size_t i = 0; i < l.n; i++)
        if (!out || strcmp(l.items[out - 1].path, l.items[i].path) != 0)
            l.items[out++] = l.items[i];
    tu->inputs = l.items;
    tu->ninputs = out;
}

static const char *error_code_text(enum CXErrorCode e)
{
    switch (e) {
    case CXError_Crashed:
        return EXTRACT_CRASHED;
    case CXError_InvalidArguments:
        return "libclang rejected the compiler arguments";
    case CXError_ASTReadError:
        return "libclang could not read the AST";
    default:
        return "libclang could not parse this file";
    }
}

struct fact_tu *extract_tu(void *idx, const char *file, const char *directory,
                           const char *const *args, size_t nargs,
                           const struct sw_unsaved *unsaved, size_t nunsaved)
{
    return extract_tu_flags(idx, file, directory, args, nargs, unsaved,
                            nunsaved, EXTRACT_INPUTS);
}

struct fact_tu *extract_tu_flags(void *idx, const char *file,
                                 const char *directory, const char *const *args,
                                 size_t nargs, const struct sw_unsaved *unsaved,
                                 size_t nunsaved, unsigned flags)
{
    struct fact_tu *tu;
    struct walker w;
    CXTranslationUnit ctu = NULL;
    const char **argv;
    size_t argc = 0;
    struct CXUnsavedFile *uf = NULL;
    enum CXErrorCode ec;
    struct top_collect top = {0};
    unsigned opts = CXTranslationUnit_KeepGoing |
                    CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;

    /*
     * No -working-directory: libclang applies it to the whole process.  The
     * compilation database made path arguments absolute instead.
     */
    (void)directory;
    if (!idx) { /* extract_index_new() could not load libclang */
        const char *err = "cannot load libclang";
        libclang_load(&err);
        return facts_tu_failed(file, err);
    }
    tu = facts_tu_new(file);
    argv = xcalloc(nargs + 4, sizeof(*argv));
    argv[argc++] = "-Wno-unknown-warning-option";
    for (size_t i = 0; i < nargs; i++)
        argv[argc++] = args[i];
    /*
     * No compiler warnings: syncwise reports none, and checking them is
     * about a tenth of a parse with -Wall -W.  It also keeps a -Werror
     * build's warnings from counting as errors in the file.
     */
    argv[argc++] = "-w";
    if (nunsaved) {
        uf = xcalloc(nunsaved, sizeof(*uf));
        for (size_t i = 0; i < nunsaved; i++) {
            uf[i].Filename = unsaved[i].path;
            uf[i].Contents = unsaved[i].contents;
            uf[i].Length = (unsigned long)unsaved[i].length;
        }
    }
    ec = clang_parseTranslationUnit2((CXIndex)idx, file, argv, (int)argc, uf,
                                     (unsigned)nunsaved, opts, &ctu);
    free(argv);
    free(uf);
    if (ec != CXError_Success || !ctu) {
        facts_tu_free(tu);
        return facts_tu_failed(file, error_code_text(ec));
    }
    record_errors(tu, ctu);
    if (flags & EXTRACT_INPUTS)
        record_inputs(tu, ctu, nunsaved > 0);

    memset(&w, 0, sizeof(w));
    w.tu = tu;
    w.ctu = ctu;
    w.noreturn_cache = strmap_new();
    clang_visitChildren(clang_getTranslationUnitCursor(ctu), collect_top, &top);
    for (size_t i = 0; i < top.n; i++) {
        node_table_build(&w, top.items[i]);
        if (clang_getCursorKind(top.items[i]) == CXCursor_FunctionDecl)
            walk_function(&w, top.items[i]);
        else
            walk_global(&w, top.items[i]);
    }
    free(top.items);
    free(w.stack.items);
    free(w.kids.items);
    node_table_free(&w.tab);
    free(w.node.kids);
    free(w.node.roles);
    free(w.node.branches);
    free(w.node.conds);
    free(w.node.stores);
    free(w.node.tests);
    free(w.copies_items);
    free(w.node.arms);
    free(w.node.sinks);
    free(w.decls.items);
    strmap_free(w.noreturn_cache);
    tu->funcs = w.funcs.items, tu->nfuncs = w.funcs.n;
    tu->globals = w.globals.items, tu->nglobals = w.globals.n;
    tu->assigns = w.tu_assigns.items, tu->nassigns = w.tu_assigns.n;
    clang_disposeTranslationUnit(ctu);
    return tu;
}

void *extract_index_new(void)
{
    return libclang_load(NULL) == 0 ? clang_createIndex(0, 0) : NULL;
}

void extract_index_free(void *idx)
{
    if (idx)
        clang_disposeIndex((CXIndex)idx);
}

char *extract_clang_version(void)
{
    CXString s;
    const char *err;
    if (libclang_load(&err) != 0)
        return xstrdup(err);
    s = clang_getClangVersion();
    char *r = xstrdup(clang_getCString(s) ? clang_getCString(s) : "unknown");
    clang_disposeString(s);
    return r;
}

void extract_preload(void)
{
    libclang_load(NULL);
}

char *extract_clang_identity(void)
{
    return libclang_identity();
}
