/* Truth: clean. Each scanner thread gets its own element of results[] and
 * writes only there; main fills the inputs before spawning and sums the slots
 * after joining. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define NSCANNERS 8

struct scan_result {
    const char *text;
    unsigned words;
    unsigned lines;
};

static struct scan_result results[NSCANNERS];

static void *scanner(void *arg)
{
    struct scan_result *r = arg;
    int in_word = 0;
    for (const char *c = r->text; *c; c++) {
        if (*c == '\n')
            r->lines++;
        if (*c == ' ' || *c == '\n') {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            r->words++;
        }
    }
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t t[NSCANNERS];
    int n = argc - 1 < NSCANNERS ? argc - 1 : NSCANNERS;
    for (int i = 0; i < n; i++)
        results[i].text = argv[i + 1];
    for (int i = 0; i < n; i++)
        pthread_create(&t[i], NULL, scanner, &results[i]);
    unsigned words = 0, lines = 0;
    for (int i = 0; i < n; i++) {
        pthread_join(t[i], NULL);
        words += results[i].words;
        lines += results[i].lines;
    }
    printf("%u words, %u lines\n", words, lines);
    return 0;
}
