#ifndef CHAT_H
#define CHAT_H

#include <netinet/in.h>
#include <uv.h>

struct client {
    uv_tcp_t tcp;
    char nick[32];
    struct sockaddr_storage bridge;
};

int resolve_bridge(const char *host, struct sockaddr_storage *out);
void broadcast(struct client *from, const char *text, size_t len);
void client_add(struct client *c);
void client_remove(struct client *c);

#endif
