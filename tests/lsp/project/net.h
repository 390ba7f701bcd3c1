/* Fixture for the LSP tests: net.c's API. */
#ifndef NET_H
#define NET_H

int net_lookup(const char *host);

#endif
