/* libdispatch: one task in a group, then an immediate wait. */
#include <stdint.h>

typedef struct dispatch_group_s *dispatch_group_t;
typedef struct dispatch_queue_s *dispatch_queue_t;
typedef uint64_t dispatch_time_t;
#define DISPATCH_TIME_FOREVER (~0ull)
dispatch_group_t dispatch_group_create(void);
dispatch_queue_t dispatch_get_global_queue(long identifier, unsigned long flags);
void dispatch_group_async_f(dispatch_group_t group, dispatch_queue_t queue,
                            void *context, void (*work)(void *));
long dispatch_group_wait(dispatch_group_t group, dispatch_time_t timeout);

struct sum { const int *v; int n; long out; };

static void add_up(void *ctx)
{
    struct sum *s = ctx;
    for (int i = 0; i < s->n; i++)
        s->out += s->v[i];
}

long total(const int *v, int n, dispatch_group_t g)
{
    struct sum s = {v, n, 0};
    dispatch_group_async_f(g, dispatch_get_global_queue(0, 0), &s, add_up); // label: SW101
    dispatch_group_wait(g, DISPATCH_TIME_FOREVER);
    return s.out;
}
