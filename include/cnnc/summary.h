/* cnnc/summary.h — the model table torchsummary.summary() prints. */
#ifndef CNNC_SUMMARY_H
#define CNNC_SUMMARY_H

#include "cnnc/shape.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Line for line what `torchsummary.summary(model, input_size)` prints for the
 * equivalent nn.Sequential, with input_size = `sample` (per-sample shape, e.g.
 * [1, 28, 28]). With `details`, a second table follows: per layer the kernel
 * (weight) shape and the multiply-accumulates for one sample. Returns a
 * malloc'd string (free() it), or NULL with err filled (shape error, nomem). */
char *cnnc_summary(const cnnc_model *model, const cnnc_shape *sample, int details, cnnc_error *err);

/* Trainable parameter count of one layer as torchsummary counts it (weight +
 * bias; BatchNorm running statistics are buffers and not counted). */
int64_t cnnc_layer_param_count(const cnnc_layer *layer);

#ifdef __cplusplus
}
#endif
#endif
