#include "log.h"

#include <stddef.h>

void *uploader(void *arg);

static int put_object(const char *key, int part)
{
    return key[0] == '\0' ? -1 : part;
}

void *uploader(void *arg)
{
    const char *key = arg;
    for (int part = 1; part <= 8; part++) {
        if (put_object(key, part) < 0) {
            log_info("upload of %s failed at part %d", key, part);
            return NULL;
        }
        log_info("uploaded %s part %d", key, part);
    }
    return NULL;
}
