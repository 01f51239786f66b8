/* registry.c — the table of layer definitions, built from CNNC_LAYER_KINDS. */
#include "layers/layer_def.h"

#include <string.h>

static const cnnc_layer_def *const DEFS[CNNC_LAYER_KIND_COUNT] = {
#define CNNC_DEF_ENTRY_(E, stem) [CNNC_##E] = &cnnc_layer_##stem,
    CNNC_LAYER_KINDS(CNNC_DEF_ENTRY_)
#undef CNNC_DEF_ENTRY_
};

const cnnc_layer_def *cnnc_layer_def_of(cnnc_layer_kind kind) {
    return (int)kind >= 0 && kind < CNNC_LAYER_KIND_COUNT ? DEFS[kind] : NULL;
}

const cnnc_layer_def *cnnc_layer_def_find(const char *name, size_t len) {
    for (int k = 0; k < CNNC_LAYER_KIND_COUNT; k++)
        if (strlen(DEFS[k]->name) == len && memcmp(DEFS[k]->name, name, len) == 0) return DEFS[k];
    return NULL;
}

const char *cnnc_layer_kind_name(cnnc_layer_kind kind) {
    const cnnc_layer_def *d = cnnc_layer_def_of(kind);
    return d ? d->name : "Unknown";
}
