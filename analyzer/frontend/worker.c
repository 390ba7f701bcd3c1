#include "frontend/worker.h"

#include "common/strbuf.h"
#include "common/xalloc.h"
#include "facts/facts.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

/* Sanitizers reserve terabytes of address space: no RLIMIT_AS there. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SW_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) ||     \
    __has_feature(memory_sanitizer)
#define SW_SANITIZED 1
#endif
#endif

/* How often the memory of a parsing worker is sampled. */
#define SAMPLE_MS 20
/* A result larger than this is a protocol error (facts are far smaller). */
#define WIRE_MAX ((uint64_t)1 << 30)
#define WIRE_MAGIC 0x3253574bu /* "KWS2" */
#define NO_JOB ((size_t)-1)

/*
 * The protocol.  The parent sends the index of a database entry (a
 * uint64_t); the worker answers with a wire_head and size bytes: the facts
 * with their inputs, as facts_to_bin() writes them.  After a TU whose
 * parse failed outright the worker exits: libclang's crash recovery may
 * have left it broken, and a fresh worker costs a fork.
 *
 * The early worker may be forked before the database is read, so its one
 * job brings its entry: after the index, a uint64_t size and size bytes, the
 * address-space backstop in bytes and the number of arguments (two
 * uint64_t), then the file, the directory and the arguments, each ending
 * in a NUL.
 */
struct wire_head {
    uint32_t magic; /* WIRE_MAGIC */
    uint64_t index; /* the database entry */
    uint64_t size;  /* bytes after this header */
};

/* ---- the worker process ---------------------------------------------- */

struct child {
    /* The parent's database, inherited; NULL: each job brings its entry. */
    const struct compdb *db;
    const struct sw_unsaved *unsaved; /* editor buffers, inherited */
    size_t nunsaved;
    unsigned flags; /* for extract_tu_flags() */
    int fd;         /* the worker's end of the socket */
    int preload;    /* 1: load libclang before the first job */
};

static int write_all(int fd, const void *data, size_t n)
{
    const char *p = data;
    while (n) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* 1 when n bytes were read, 0 at the end of the stream, -1 on errors. */
static int read_all(int fd, void *data, size_t n)
{
    char *p = data;
    while (n) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return r == 0 ? 0 : -1;
        p += r;
        n -= (size_t)r;
    }
    return 1;
}

static int send_result(int fd, uint64_t index, const struct fact_tu *tu)
{
    size_t len;
    void *bin = facts_to_bin(tu, &len);
    struct wire_head h;
    int rc;
    memset(&h, 0, sizeof(h)); /* the padding too */
    h.magic = WIRE_MAGIC;
    h.index = index;
    h.size = len;
    rc = write_all(fd, &h, sizeof(h));
    if (rc == 0)
        rc = write_all(fd, bin, len);
    free(bin);
    return rc;
}

static void set_backstop(size_t limit);

/*
 * Reads the entry that follows a job's index (see the protocol) into e,
 * whose strings point into *buf (malloc'd, replacing the last one);
 * applies its backstop.  Returns 0, or -1 when the message is malformed.
 */
static int read_entry(struct child *c, char **buf, struct compdb_entry *e)
{
    uint64_t size, head[2];
    const char *p, *end;
    if (read_all(c->fd, &size, sizeof(size)) != 1 || size < sizeof(head) + 2 ||
        size > WIRE_MAX)
        return -1;
    free(*buf);
    *buf = xmalloc((size_t)size);
    if (read_all(c->fd, *buf, (size_t)size) != 1)
        return -1;
    memcpy(head, *buf, sizeof(head));
    p = *buf + sizeof(head);
    end = *buf + size;
    if (end[-1] != '\0' || head[1] > size)
        return -1;
    e->file = (char *)p;
    p += strlen(p) + 1;
    if (p >= end)
        return -1;
    e->directory = (char *)p;
    p += strlen(p) + 1;
    free(e->args);
    e->args = xcalloc(head[1] ? (size_t)head[1] : 1, sizeof(*e->args));
    for (e->nargs = 0; e->nargs < head[1]; e->nargs++) {
        if (p >= end)
            return -1;
        e->args[e->nargs] = (char *)p;
        p += strlen(p) + 1;
    }
    set_backstop((size_t)head[0]);
    return 0;
}

static void *child_loop(void *arg)
{
    struct child *c = arg;
    void *idx = NULL;
    uint64_t index;
    char *buf = NULL;
    struct compdb_entry own = {0};
    if (c->preload) /* the early worker of a run expected to parse */
        idx = parse_index_new();
    while (read_all(c->fd, &index, sizeof(index)) == 1) {
        const struct compdb_entry *e = &own;
        struct fact_tu *tu;
        int failed;
        if (c->db) {
            if (index >= c->db->n)
                break;
            e = &c->db->items[index];
        } else if (read_entry(c, &buf, &own) < 0) {
            break;
        }
        if (!idx)
            idx = parse_index_new();
        tu = extract_tu_flags(idx, e->file, e->directory,
                              (const char *const *)e->args, e->nargs,
                              c->unsaved, c->nunsaved, c->flags);
        failed = tu->parse_failed;
        if (send_result(c->fd, index, tu) < 0)
            failed = 1;
        facts_tu_free(tu);
        if (failed)
            break;
    }
    /* The process ends with _exit(): nothing to dispose. */
    return NULL;
}

/* Field k (0: size, 1: resident) of /proc/PID/statm in bytes; 0: unknown. */
static size_t statm_bytes(pid_t pid, int k)
{
    char path[64], buf[256];
    unsigned long v[2] = {0, 0};
    ssize_t n;
    int fd;
    snprintf(path, sizeof(path), "/proc/%ld/statm", (long)pid);
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    if (sscanf(buf, "%lu %lu", &v[0], &v[1]) != 2)
        return 0;
    return (size_t)v[k] * (size_t)sysconf(_SC_PAGESIZE);
}

/*
 * The address space limit of a worker whose TUs may grow it by limit
 * bytes: a backstop for growth faster than the parent samples it.
 */
static void set_backstop(size_t limit)
{
#ifndef SW_SANITIZED
    struct rlimit rl;
    size_t size = statm_bytes(getpid(), 0);
    rlim_t want;
    if (!limit || !size || getrlimit(RLIMIT_AS, &rl) < 0)
        return;
    want = (rlim_t)size + 2 * (rlim_t)limit + ((rlim_t)1 << 30);
    if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur <= want)
        return;
    rl.rlim_cur = want;
    setrlimit(RLIMIT_AS, &rl);
#else
    (void)limit;
#endif
}

/* ---- the parent --------------------------------------------------------- */

struct worker {
    pid_t pid;        /* 0: not running */
    int fd;           /* the parent's end of the socket; -1: not running */
    int failed;       /* 1 when it could not be started */
    size_t job;       /* index into jobs of the TU it parses, or NO_JOB */
    size_t served;    /* results it returned */
    int one_shot;     /* let go after its job (the early worker) */
    size_t base;      /* its resident bytes when it started */
    double deadline;  /* monotonic seconds the job must end by; 0: none */
    size_t limit;     /* bytes the worker may grow by; 0: none */
    struct strbuf in; /* the bytes of the job's result so far */
};

struct pool {
    const struct compdb *db; /* input */
    const struct sw_unsaved *unsaved;
    size_t nunsaved;
    const struct worker_job *jobs;
    struct worker *w; /* the workers */
    int nw;
    pid_t parent;    /* this process */
    size_t backstop; /* memory limit for the workers' RLIMIT_AS; 0: none */
    unsigned flags;  /* for extract_tu_flags() */
    int preload;     /* the early worker: load libclang before its job */
    worker_done_fn done;
    void *data;
};

static _Noreturn void child_main(struct pool *p, int fd)
{
    struct child c = {p->db, p->unsaved, p->nunsaved, p->flags, fd, p->preload};
    /*
     * Only this worker's end of its socket stays open: another worker
     * holding a parent's end would keep that worker from ever seeing the
     * end of its requests.
     */
    for (int i = 0; i < p->nw; i++)
        if (p->w[i].fd >= 0)
            close(p->w[i].fd);
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    if (getppid() != p->parent)
        _exit(0);
    set_backstop(p->backstop);
    parse_run_threads(1, child_loop, &c);
    _exit(0);
}

static int spawn(struct pool *p, struct worker *w)
{
    int sv[2];
    pid_t pid;
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
        return -1;
    /* Buffered output must not be written twice. */
    fflush(NULL);
    pid = fork();
    if (pid < 0) {
        close(sv[0]);
        close(sv[1]);
        return -1;
    }
    if (pid == 0) {
        close(sv[0]);
        child_main(p, sv[1]);
    }
    close(sv[1]);
    fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
    w->pid = pid;
    w->fd = sv[0];
    w->served = 0;
    w->job = NO_JOB;
    /* Page tables are copied by fork(): this is the child's start size. */
    w->base = statm_bytes(pid, 1);
    return 0;
}

/*
 * Ends the worker (killing it first when kill_it) and reaps it; returns
 * its wait status (0 when it was not running).
 */
static int retire(struct worker *w, int kill_it, struct rusage *ru)
{
    int status = 0;
    memset(ru, 0, sizeof(*ru));
    if (!w->pid)
        return 0;
    if (kill_it)
        kill(w->pid, SIGKILL);
    close(w->fd);
    while (wait4(w->pid, &status, 0, ru) < 0 && errno == EINTR)
        ;
    w->pid = 0;
    w->fd = -1;
    return status;
}

/*
 * Idle workers told to exit but not waited for: tearing down a process
 * that mapped libclang takes milliseconds, and nothing needs its status
 * before the end.  They are reaped at the next worker_parse(), and at
 * exit (so that the time(1) of a run counts their CPU time).
 */
static pthread_mutex_t lingering_mu = PTHREAD_MUTEX_INITIALIZER;
static struct {
    pid_t *items;
    size_t n, cap;
} lingering;

static void reap_at_exit(void);

static void register_reaper(void)
{
    atexit(reap_at_exit);
}

static void reap_at_exit(void)
{
    pid_t *pids;
    size_t n;
    pthread_mutex_lock(&lingering_mu);
    pids = lingering.items, n = lingering.n;
    lingering.items = NULL, lingering.n = lingering.cap = 0;
    pthread_mutex_unlock(&lingering_mu);
    for (size_t i = 0; i < n; i++)
        while (waitpid(pids[i], NULL, 0) < 0 && errno == EINTR)
            ;
    free(pids);
}

static void let_go(struct worker *w)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    if (!w->pid)
        return;
    pthread_once(&once, register_reaper);
    close(w->fd);
    pthread_mutex_lock(&lingering_mu);
    VEC_PUSH(lingering, w->pid);
    pthread_mutex_unlock(&lingering_mu);
    w->pid = 0;
    w->fd = -1;
    w->one_shot = 0; /* the slot's next worker is an ordinary one */
}

static void reap_lingering(void)
{
    size_t k = 0;
    pthread_mutex_lock(&lingering_mu);
    for (size_t i = 0; i < lingering.n; i++) {
        pid_t r = waitpid(lingering.items[i], NULL, WNOHANG);
        if (r == 0 || (r < 0 && errno == EINTR))
            lingering.items[k++] = lingering.items[i]; /* still exiting */
    }
    lingering.n = k;
    pthread_mutex_unlock(&lingering_mu);
}

/* 1 when the worker's peak memory (from its rusage) passed its limit. */
static int peak_over(const struct worker *w, const struct rusage *ru)
{
    size_t peak = (size_t)ru->ru_maxrss * 1024;
    return w->limit && peak > w->base && peak - w->base > w->limit;
}

enum stop_reason {
    STOP_DIED,   /* the worker's socket closed: it died or is exiting */
    STOP_BROKEN, /* the worker answered nonsense */
    STOP_TIME,   /* the job passed its deadline */
    STOP_MEMORY, /* the worker passed its memory limit */
};

static void deliver_failed(struct pool *p, size_t job, const char *msg,
                           int skipped)
{
    const struct compdb_entry *e = &p->db->items[p->jobs[job].index];
    p->done(p->data, p->jobs[job].index, facts_tu_failed(e->file, msg), NULL, 0,
            skipped);
}

/*
 * The description of a signal ("Killed").  strsignal() may write a buffer
 * shared between threads, and parse_all() runs on the LSP's analysis
 * thread too; sigdescr_np() returns a constant (glibc 2.32).
 */
static const char *signal_name(int sig)
{
#if defined(__GLIBC__) && defined(_GNU_SOURCE) &&                              \
    (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 32))
    const char *d = sigdescr_np(sig);
    return d ? d : "unknown signal";
#else
    (void)sig;
    return "signal";
#endif
}

/*
 * Stops a worker in the middle of its job and reports the job's TU.  A
 * worker that died by itself was ended by a signal (a crash libclang did
 * not recover from, the kernel's OOM killer) or exited (out of memory in
 * syncwise's own code); the others are killed.
 */
static void stop(struct pool *p, struct worker *w, enum stop_reason why)
{
    const struct parse_limits *lim = &p->jobs[w->job].limits;
    size_t job = w->job;
    struct rusage ru;
    char msg[160];
    int status = retire(w, why != STOP_DIED, &ru);
    w->job = NO_JOB;
    if (why == STOP_DIED && peak_over(w, &ru))
        why = STOP_MEMORY;
    if (why == STOP_TIME)
        snprintf(msg, sizeof(msg), "skipped: exceeded %u s (tu-timeout)",
                 lim->timeout_s);
    else if (why == STOP_MEMORY)
        snprintf(msg, sizeof(msg), "skipped: exceeded %u MiB (tu-memory)",
                 lim->memory_mib);
    else if (why == STOP_DIED && WIFSIGNALED(status))
        snprintf(msg, sizeof(msg),
                 "the parse worker was killed by signal %d (%s)",
                 WTERMSIG(status), signal_name(WTERMSIG(status)));
    else if (why == STOP_DIED && WIFEXITED(status) && WEXITSTATUS(status))
        snprintf(msg, sizeof(msg), "the parse worker exited with status %d",
                 WEXITSTATUS(status));
    else
        snprintf(msg, sizeof(msg), "%s", EXTRACT_CRASHED);
    deliver_failed(p, job, msg, why == STOP_TIME || why == STOP_MEMORY);
}

/*
 * A complete result is in w->in: decode it and hand it over.  Returns -1
 * when it is malformed.
 */
static int finish(struct pool *p, struct worker *w)
{
    struct wire_head h;
    const char *bin = w->in.buf + sizeof(h), *err = NULL;
    size_t len = w->in.len - sizeof(h), job = w->job;
    struct fact_tu *tu;
    struct rusage ru;

    memcpy(&h, w->in.buf, sizeof(h));
    tu = facts_from_bin(bin, len, &err);
    if (!tu)
        return -1;
    if (strcmp(tu->file, p->db->items[h.index].file) != 0) {
        facts_tu_free(tu);
        return -1;
    }
    w->job = NO_JOB;
    w->served++;
    if (tu->parse_failed) {
        /* The worker exits after such a TU; memory may be why it failed. */
        retire(w, 0, &ru);
        if (peak_over(w, &ru)) {
            facts_tu_free(tu);
            w->job = job;
            stop(p, w, STOP_MEMORY);
            return 0;
        }
    }
    p->done(p->data, h.index, tu, bin, len, 0);
    strbuf_reset(&w->in);
    if (w->one_shot && w->pid)
        let_go(w); /* the next job goes to a worker with the pool's limits */
    return 0;
}

/* Reads what the worker sent; handles a complete result or its death. */
static void on_readable(struct pool *p, struct worker *w)
{
    char buf[1 << 16];
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof(buf));
        struct wire_head h;
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n <= 0) {
            stop(p, w, n == 0 ? STOP_DIED : STOP_BROKEN);
            return;
        }
        strbuf_add(&w->in, buf, (size_t)n);
        if (w->in.len < sizeof(h))
            continue;
        memcpy(&h, w->in.buf, sizeof(h));
        if (h.magic != WIRE_MAGIC || h.size > WIRE_MAX ||
            h.index != p->jobs[w->job].index ||
            w->in.len > sizeof(h) + h.size) {
            stop(p, w, STOP_BROKEN);
            return;
        }
        if (w->in.len == sizeof(h) + h.size) {
            if (finish(p, w) < 0)
                stop(p, w, STOP_BROKEN);
            return;
        }
    }
}

/*
 * Gives job j to w, starting it when needed.  Returns 0, -1 when the
 * worker cannot be started, -2 when it died before taking the job.
 */
static int start_job(struct pool *p, struct worker *w, size_t j)
{
    uint64_t index = p->jobs[j].index;
    const struct parse_limits *lim = &p->jobs[j].limits;
    struct rusage ru;
    if (!w->pid && spawn(p, w) < 0)
        return -1;
    if (write_all(w->fd, &index, sizeof(index)) < 0) {
        retire(w, 1, &ru);
        return -2;
    }
    w->job = j;
    strbuf_reset(&w->in);
    w->deadline = lim->timeout_s ? sw_now() + lim->timeout_s : 0;
    w->limit = (size_t)lim->memory_mib << 20;
    return 0;
}

/* Hands out jobs to idle workers; returns the number of busy workers. */
static int dispatch(struct pool *p, size_t *next, size_t njobs)
{
    int busy = 0;
    for (int k = 0; k < p->nw; k++) {
        struct worker *w = &p->w[k];
        while (w->job == NO_JOB && !w->failed && *next < njobs) {
            int fresh = !w->pid;
            int r = start_job(p, w, *next);
            if (r == 0) {
                (*next)++;
            } else if (r == -1) {
                w->failed = 1;
            } else if (fresh) {
                /* A new worker that dies at once: the TU cannot be done. */
                deliver_failed(p, (*next)++, EXTRACT_CRASHED, 0);
            }
        }
        busy += w->job != NO_JOB;
    }
    return busy;
}

/* Milliseconds until the next deadline or memory sample; -1: none. */
static int poll_timeout(const struct pool *p, double t)
{
    int ms = -1;
    for (int k = 0; k < p->nw; k++) {
        const struct worker *w = &p->w[k];
        int m = -1;
        if (w->job == NO_JOB)
            continue;
        if (w->deadline) {
            double left = (w->deadline - t) * 1000.0; /* rounded up */
            m = left <= 0 ? 0 : left > 1e6 ? 1000000 : (int)left + 1;
        }
        if (w->limit && (m < 0 || m > SAMPLE_MS))
            m = SAMPLE_MS;
        if (m >= 0 && (ms < 0 || m < ms))
            ms = m;
    }
    return ms;
}

/* Stops the workers past their deadline or memory limit. */
static void enforce_limits(struct pool *p)
{
    double t = sw_now();
    for (int k = 0; k < p->nw; k++) {
        struct worker *w = &p->w[k];
        size_t rss;
        if (w->job == NO_JOB)
            continue;
        if (w->deadline && t >= w->deadline) {
            stop(p, w, STOP_TIME);
            continue;
        }
        if (w->limit && (rss = statm_bytes(w->pid, 1)) > w->base &&
            rss - w->base > w->limit)
            stop(p, w, STOP_MEMORY);
    }
}

/* ---- the early worker ---------------------------------------------------- */

struct early_worker {
    struct pool p; /* what the child needs: db, buffers, flags */
    struct worker w;
    pthread_mutex_t mu;
    size_t index; /* the entry handed over, NO_JOB until then */
    double since; /* when */
    int paused;   /* stopped (SIGSTOP) until it takes a job */
};

struct early_worker *worker_early_start(unsigned extract_flags, int preload)
{
    struct early_worker *ew = xcalloc(1, sizeof(*ew));
    /* No database: its job brings its entry. */
    ew->p.parent = getpid();
    ew->p.flags = extract_flags;
    ew->p.preload = preload;
    ew->w.fd = -1;
    ew->w.job = NO_JOB;
    ew->w.one_shot = 1;
    ew->index = NO_JOB;
    strbuf_init(&ew->w.in);
    pthread_mutex_init(&ew->mu, NULL);
    if (spawn(&ew->p, &ew->w) < 0) {
        pthread_mutex_destroy(&ew->mu);
        free(ew);
        return NULL;
    }
    return ew;
}

/* The early worker's job message for entry e (see the protocol). */
static void early_job(struct strbuf *sb, uint64_t index,
                      const struct compdb_entry *e, unsigned memory_mib)
{
    uint64_t size = 0, head[2];
    head[0] = (uint64_t)memory_mib << 20;
    head[1] = e->nargs;
    strbuf_add(sb, (const char *)&index, sizeof(index));
    strbuf_add(sb, (const char *)&size, sizeof(size));
    strbuf_add(sb, (const char *)head, sizeof(head));
    strbuf_add(sb, e->file, strlen(e->file) + 1);
    strbuf_add(sb, e->directory, strlen(e->directory) + 1);
    for (size_t i = 0; i < e->nargs; i++)
        strbuf_add(sb, e->args[i], strlen(e->args[i]) + 1);
    size = sb->len - 2 * sizeof(uint64_t);
    memcpy(sb->buf + sizeof(index), &size, sizeof(size));
}

int worker_early_take(struct early_worker *ew, size_t index,
                      const struct compdb_entry *e, unsigned memory_mib)
{
    int taken = 0;
    pthread_mutex_lock(&ew->mu);
    if (ew->index == NO_JOB && ew->w.pid) {
        struct strbuf sb = STRBUF_INIT;
        ssize_t n;
        early_job(&sb, index, e, memory_mib);
        /*
         * Into an empty socket buffer, far larger than an entry: the
         * write does not wait.  One that falls short leaves the worker
         * with half a message: it is ended.
         */
        n = send(ew->w.fd, sb.buf, sb.len, MSG_NOSIGNAL);
        taken = n == (ssize_t)sb.len;
        if (ew->paused) {
            kill(ew->w.pid, SIGCONT);
            ew->paused = 0;
        }
        if (taken) {
            ew->index = index;
            ew->since = sw_now();
        } else if (n > 0) {
            kill(ew->w.pid, SIGKILL);
        }
        strbuf_release(&sb);
    }
    pthread_mutex_unlock(&ew->mu);
    return taken;
}

size_t worker_early_index(const struct early_worker *ew)
{
    return ew ? ew->index : (size_t)-1;
}

/* Ends an early worker that is not adopted by worker_parse(). */
static void early_free(struct early_worker *ew, int kill_it)
{
    if (ew->w.pid && kill_it)
        kill(ew->w.pid, SIGKILL);
    let_go(&ew->w);
    strbuf_release(&ew->w.in);
    pthread_mutex_destroy(&ew->mu);
    free(ew);
}

void worker_early_pause(struct early_worker *ew)
{
    if (ew && ew->w.pid && kill(ew->w.pid, SIGSTOP) == 0)
        ew->paused = 1;
}

void worker_early_end(struct early_worker *ew)
{
    if (ew)
        early_free(ew, 1);
}

/*
 * Worker k of p becomes the early worker; its job, if it took one, is
 * jobs[0] (the caller puts it first).
 */
static void adopt(struct pool *p, int k, struct early_worker *ew)
{
    struct worker *w = &p->w[k];
    const struct parse_limits *lim = &p->jobs[0].limits;
    strbuf_release(&w->in);
    *w = ew->w;
    if (ew->index != NO_JOB) {
        w->job = 0;
        w->deadline = lim->timeout_s ? ew->since + lim->timeout_s : 0;
        w->limit = (size_t)lim->memory_mib << 20;
        /* From now on: its loading of libclang does not count. */
        w->base = statm_bytes(w->pid, 1);
    }
    pthread_mutex_destroy(&ew->mu);
    free(ew);
}

int worker_parse(const struct compdb *db, const struct worker_job *jobs,
                 size_t njobs, int nworkers, const struct sw_unsaved *unsaved,
                 size_t nunsaved, unsigned extract_flags, worker_done_fn done,
                 void *data, struct early_worker *early)
{
    struct pool p;
    struct pollfd *fds;
    int *who;
    size_t next = 0;
    int rc = 0;

    if (early &&
        (early->index == NO_JOB || !njobs || jobs[0].index != early->index)) {
        early_free(early, 1); /* (the second case is the caller's bug) */
        early = NULL;
    }
    if (!njobs)
        return 0;
    reap_lingering();
    memset(&p, 0, sizeof(p));
    p.db = db;
    p.unsaved = unsaved;
    p.nunsaved = nunsaved;
    p.jobs = jobs;
    p.nw = nworkers < 1 ? 1 : nworkers;
    if ((size_t)p.nw > njobs)
        p.nw = (int)njobs;
    p.parent = getpid();
    p.flags = extract_flags;
    p.done = done;
    p.data = data;
    /* The backstop fits the largest limit; none when a TU has none. */
    for (size_t j = 0; j < njobs; j++) {
        size_t m = (size_t)jobs[j].limits.memory_mib << 20;
        if (!m) {
            p.backstop = 0;
            break;
        }
        if (m > p.backstop)
            p.backstop = m;
    }
    p.w = xcalloc((size_t)p.nw, sizeof(*p.w));
    for (int k = 0; k < p.nw; k++) {
        p.w[k].fd = -1;
        p.w[k].job = NO_JOB;
        strbuf_init(&p.w[k].in);
    }
    if (early) {
        adopt(&p, 0, early);
        next = 1;
    }
    fds = xcalloc((size_t)p.nw, sizeof(*fds));
    who = xcalloc((size_t)p.nw, sizeof(*who));

    /*
     * The handlers below reap workers with a blocking wait4(), but only
     * workers that were just killed or whose socket closed (they exited):
     * the wait is for the kernel to finish tearing down a dead process,
     * and it gives the exit status and peak memory that the message needs.
     */
    for (;;) {
        // syncwise: ignore[SW303] reaps only killed or exited workers
        int busy = dispatch(&p, &next, njobs), n = 0;
        if (!busy) {
            if (next < njobs)
                rc = -1; /* no worker could be started */
            break;
        }
        for (int k = 0; k < p.nw; k++) {
            if (p.w[k].job == NO_JOB)
                continue;
            fds[n].fd = p.w[k].fd;
            fds[n].events = POLLIN;
            fds[n].revents = 0;
            who[n++] = k;
        }
        if (poll(fds, (nfds_t)n, poll_timeout(&p, sw_now())) < 0 &&
            errno != EINTR)
            BUG("poll() on parse workers failed");
        for (int i = 0; i < n; i++)
            if (fds[i].revents && p.w[who[i]].job != NO_JOB)
                // syncwise: ignore[SW303] reaps only killed or exited workers
                on_readable(&p, &p.w[who[i]]);
        // syncwise: ignore[SW303] reaps only killed or exited workers
        enforce_limits(&p);
    }

    /* Idle workers see the end of their requests and exit. */
    for (int k = 0; k < p.nw; k++) {
        let_go(&p.w[k]);
        strbuf_release(&p.w[k].in);
    }
    free(fds);
    free(who);
    free(p.w);
    return rc;
}
