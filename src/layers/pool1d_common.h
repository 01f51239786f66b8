/* pool1d_common.h — what the 1-d pools share. PyTorch computes AvgPool1d and
 * the adaptive 1-d pools as their 2-d forms on the input unsqueezed to height
 * 1, and cnnc does the same: their params, geometry and kernels are the 2-d
 * kinds' at height 1, their messages the 2-d forms' but for the rank check.
 * MaxPool1d (with no gradient wanted) has checks of its own (maxpool1d.c). */
#ifndef CNNC_POOL1D_COMMON_H
#define CNNC_POOL1D_COMMON_H

#include "layers/layer_util.h"

/* The rank check of avg_pool1d and adaptive_*_pool1d (fn names the op). */
cnnc_status cnnc_pool1d_rank(const cnnc_shape *in, const char *fn, cnnc_error *err);
/* [..., L] as [..., 1, L]. */
cnnc_shape cnnc_pool1d_unsqueeze(const cnnc_shape *in);
/* After the 2-d rule ran on the unsqueezed input: the 1-d input and output. */
void cnnc_pool1d_squeeze(cnnc_layer_shape *ls, const cnnc_shape *in);

#endif
