/* Shared by every file of the cache test project. */
#ifndef SHARED_H
#define SHARED_H

void *worker(void *arg);
const char *first_word(char *line);
int start_workers(int n);

#endif
