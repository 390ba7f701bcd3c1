#include "common/embedded.h"

#include <string.h>

const struct sw_embedded_file *sw_embedded_find(const char *path)
{
    for (size_t i = 0; i < sw_embedded_count; i++)
        if (strcmp(sw_embedded_files[i].path, path) == 0)
            return &sw_embedded_files[i];
    return NULL;
}
