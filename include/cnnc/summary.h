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

/* torchsummary's row for one module call. */
typedef struct cnnc_summary_row {
    char class_name[64];
    int32_t n_out;            /* outputs: a tuple gives several */
    cnnc_shape out[4];
    int64_t params;           /* weight + bias elements */
    int trainable;            /* the module has a weight tensor (requires_grad) */
    char hook_error[96];      /* non-empty: torchsummary's hook fails on this output (a None in a
                               * returned tuple has no .size()): the summary raises it */
} cnnc_summary_row;

/* torchsummary's text for rows recorded in forward order, with input_size =
 * the per-sample shapes (several for a forward with several inputs). */
char *cnnc_summary_table(const cnnc_summary_row *rows, int32_t n_rows, const cnnc_shape *samples, int32_t n_samples,
                         cnnc_error *err);
/* cnnc's --details table (kernel shapes, multiply-accumulates per sample) at `inputs` (batched). */
char *cnnc_summary_details(const cnnc_model *model, const cnnc_shape *inputs, int32_t n_inputs, cnnc_error *err);

/* Trainable parameter count of one layer as torchsummary counts it (weight +
 * bias; BatchNorm running statistics are buffers and not counted). */
int64_t cnnc_layer_param_count(const cnnc_layer *layer);

#ifdef __cplusplus
}
#endif
#endif
