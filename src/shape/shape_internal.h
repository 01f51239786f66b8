/* shape_internal.h — helpers shared inside src/shape/. */
#ifndef CNNC_SHAPE_INTERNAL_H
#define CNNC_SHAPE_INTERNAL_H
#include "cnnc/model.h"
/* PyTorch class name of a layer kind (no dependency on the model reader). */
const char *cnnc_shape_kind_name(cnnc_layer_kind kind);
#endif
