/* Truth: submit_request passes the address of its local 'req' to a detached
 * thread and returns at once: the thread can read the request after the frame
 * is gone (SW203). submit_request_heap is the clean version. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct http_request {
    char method[8];
    char path[128];
    int timeout_ms;
};

static void *perform_request(void *arg)
{
    const struct http_request *req = arg;
    printf("%s %s (timeout %d ms)\n", req->method, req->path, req->timeout_ms);
    return NULL;
}

static void *perform_and_free(void *arg)
{
    perform_request(arg);
    free(arg);
    return NULL;
}

int submit_request(const char *method, const char *path)
{
    struct http_request req;
    pthread_t t;
    snprintf(req.method, sizeof req.method, "%s", method);
    snprintf(req.path, sizeof req.path, "%s", path);
    req.timeout_ms = 5000;
    if (pthread_create(&t, NULL, perform_request, &req) != 0) // label: SW203
        return -1;
    pthread_detach(t);
    return 0;
}

int submit_request_heap(const char *method, const char *path)
{
    struct http_request *req = calloc(1, sizeof(*req));
    pthread_t t;
    if (!req)
        return -1;
    snprintf(req->method, sizeof req->method, "%s", method);
    snprintf(req->path, sizeof req->path, "%s", path);
    req->timeout_ms = 5000;
    if (pthread_create(&t, NULL, perform_and_free, req) != 0) {
        free(req);
        return -1;
    }
    pthread_detach(t);
    return 0;
}

int main(void)
{
    submit_request("GET", "/status");
    submit_request_heap("POST", "/events");
    pthread_exit(NULL);
}
