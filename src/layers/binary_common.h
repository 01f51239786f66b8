/* binary_common.h — what add, sub, mul and div share: building from the
 * functional's arguments, PyTorch's broadcasting (the shape rule and its
 * message), the kernels' broadcast geometry, cost and rendering. */
#ifndef CNNC_BINARY_COMMON_H
#define CNNC_BINARY_COMMON_H

#include "layers/layer_util.h"

#ifdef __cplusplus
extern "C" {
#endif

/* args bind to the functional's parameters after the tensors: `other` (given
 * only when it is a Python number: the node then has one input and the scalar
 * goes on the right; a reader sets scalar = CNNC_SCALAR_LEFT for the reflected
 * forms 1 - x, 2 / x), then alpha (add, sub) or rounding_mode (div). */
cnnc_status cnnc_binary_build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err);
cnnc_status cnnc_binary_shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train,
                              cnnc_layer_shape *ls, cnnc_error *err);
void cnnc_binary_cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c);
void cnnc_binary_render(const cnnc_layer *L, cnnc_strbuf *sb);
/* The node as Python for a model file's forward(): "a + b", "1.0 - x" ... */
void cnnc_binary_expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb);

#ifdef __cplusplus
}
#endif
#endif
