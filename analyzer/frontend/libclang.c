/* libclang, loaded on first use (see libclang.h). */
#define SW_LIBCLANG_IMPL 1
#include "frontend/libclang.h"

#include "common/strbuf.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef SW_LIBCLANG_PATH
#error                                                                         \
    "SW_LIBCLANG_PATH (the libclang library found at configure time) is not set"
#endif
/* The library's real file, should the symlink above be gone (no -dev). */
#ifndef SW_LIBCLANG_REALPATH
#define SW_LIBCLANG_REALPATH SW_LIBCLANG_PATH
#endif

struct sw_libclang sw_libclang;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_err; /* NULL: loaded */
static char load_msg[512];

static const char *const candidates[] = {SW_LIBCLANG_PATH,
                                         SW_LIBCLANG_REALPATH};

/* SYNCWISE_LIBCLANG, when set, names the only library to try. */
static const char * override(void)
{
    const char *env = getenv("SYNCWISE_LIBCLANG");
    return env && *env ? env : NULL;
}

static void load(void)
{
    void *h = NULL;
    const char *why = "", *env = override();
    for (size_t i = 0; !h && i < sizeof(candidates) / sizeof(*candidates);
         i++) {
        h = dlopen(env ? env : candidates[i], RTLD_NOW | RTLD_LOCAL);
        if (!h)
            why = dlerror();
        if (env)
            break;
    }
    if (!h) {
        snprintf(load_msg, sizeof(load_msg), "cannot load libclang: %s", why);
        load_err = load_msg;
        return;
    }
#define X(name)                                                                \
    if (!load_err) {                                                           \
        *(void **)&sw_libclang.name = dlsym(h, "clang_" #name);                \
        if (!sw_libclang.name) {                                               \
            snprintf(load_msg, sizeof(load_msg),                               \
                     "cannot load libclang: %s has no clang_" #name,           \
                     env ? env : SW_LIBCLANG_PATH);                            \
            load_err = load_msg;                                               \
        }                                                                      \
    }
    SW_LIBCLANG_FUNCTIONS(X)
#undef X
    /* The handle stays open for the life of the process. */
}

int libclang_load(const char **err)
{
    pthread_once(&load_once, load);
    if (load_err && err)
        *err = load_err;
    return load_err ? -1 : 0;
}

char *libclang_identity(void)
{
    struct strbuf sb = STRBUF_INIT;
    struct stat st;
    const char *path = override() ? override() : SW_LIBCLANG_PATH;
    if (stat(path, &st) != 0 &&
        (override() || stat(path = SW_LIBCLANG_REALPATH, &st) != 0))
        memset(&st, 0, sizeof(st));
    strbuf_addf(&sb, "%s %lld %lld.%09ld", path, (long long)st.st_size,
                (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
    return strbuf_detach(&sb);
}
