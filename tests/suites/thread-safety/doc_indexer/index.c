/* Truth (program): index_document runs as a task of the project's pool in
 * several workers at once; it tokenises with strtok (SW202) and counts
 * documents in a plain global (SW201). The term table is locked and clean. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define NBUCKETS 1024
#define SEPARATORS " \t\n.,;"

void index_document(void *arg);
void index_report(void);

static pthread_mutex_t terms_mu = PTHREAD_MUTEX_INITIALIZER;
static unsigned term_counts[NBUCKETS];
static unsigned docs_indexed;

static unsigned term_hash(const char *w)
{
    unsigned h = 2166136261u;
    while (*w)
        h = (h ^ (unsigned char)*w++) * 16777619u;
    return h % NBUCKETS;
}

void index_document(void *arg)
{
    char *text = arg;
    char *w = strtok(text, SEPARATORS); // label: SW202
    while (w) {
        unsigned b = term_hash(w);
        pthread_mutex_lock(&terms_mu);
        term_counts[b]++;
        pthread_mutex_unlock(&terms_mu);
        w = strtok(NULL, SEPARATORS); // label: SW202
    }
    docs_indexed++; // label: SW201
}

void index_report(void)
{
    unsigned distinct = 0;
    for (int i = 0; i < NBUCKETS; i++)
        if (term_counts[i])
            distinct++;
    printf("%u documents, %u term buckets used\n", docs_indexed, distinct);
}
