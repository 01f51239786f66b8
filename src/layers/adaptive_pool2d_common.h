/* adaptive_pool2d_common.h — what AdaptiveAvgPool2d and AdaptiveMaxPool2d
 * share: output_size as F.adaptive_*_pool2d reads it (an int, or a tuple whose
 * None entries keep the input's size), the ops' checks and messages, text. */
#ifndef CNNC_ADAPTIVE_POOL2D_COMMON_H
#define CNNC_ADAPTIVE_POOL2D_COMMON_H

#include "layers/layer_util.h"

cnnc_status cnnc_adaptive_build(cnnc_layer *l, const cnnc_arg *const *a, int is_max, cnnc_error *err);
cnnc_status cnnc_adaptive_shape(const cnnc_layer *L, const cnnc_shape *in, int is_max, cnnc_layer_shape *ls,
                                cnnc_error *err);
void cnnc_adaptive_render(const cnnc_layer *L, int is_max, cnnc_strbuf *sb);
/* The 1-d forms (adaptiveavgpool1d.c): the 2-d rule to (1, size) at height 1. */
cnnc_status cnnc_adaptive1d_build(cnnc_layer *l, const cnnc_arg *const *a, const char *kind, cnnc_error *err);
cnnc_status cnnc_adaptive1d_shape(const cnnc_layer *L, const cnnc_shape *in, int is_max, cnnc_layer_shape *ls,
                                  cnnc_error *err);
void cnnc_adaptive1d_render(const cnnc_layer *L, cnnc_strbuf *sb);

#endif
