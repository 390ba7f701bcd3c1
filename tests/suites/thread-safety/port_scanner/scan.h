#ifndef PORT_SCANNER_H
#define PORT_SCANNER_H

int probe_port(void *arg);

#endif
