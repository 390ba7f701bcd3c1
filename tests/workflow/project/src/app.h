#ifndef APP_H
#define APP_H
int users_lookup(const char *name);
int rpc_call(const char *method); /* the project's blocking RPC client */
int workers_start(int n);
int codec_start(void);
#endif
