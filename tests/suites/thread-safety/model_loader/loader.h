#ifndef MODEL_LOADER_H
#define MODEL_LOADER_H

#include <stdatomic.h>
#include <stdbool.h>

struct model {
    float weights[256];
    int layers;
};

extern struct model g_model;
extern atomic_bool g_model_loaded;

void *load_model(void *arg);

#endif
