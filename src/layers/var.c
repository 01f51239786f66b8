/* var.c — torch.var / Tensor.var(input, dim, unbiased / correction, keepdim):
 * the variance over dims with N - correction as the divisor (PyTorch's; N <= correction gives
 * inf or NaN, no error). Dims and messages are the reductions' (reduce_common.c); the
 * reader binds the overloads (src/py/torch_norm.c). */
#include "layers/reduce_common.h"

const cnnc_layer_def cnnc_layer_var = {
    .kind = CNNC_VAR,
    .name = "var",
    .functional = NULL,   /* torch.var and Tensor.var: src/py/torch_norm.c */
    .flags = CNNC_LAYER_BWD_NEEDS_IN | CNNC_LAYER_BWD_NEEDS_OUT,
    .shape = cnnc_reduce_shape,
    .cost = cnnc_reduce_cost,
    .render = cnnc_reduce_render,
    .expr = cnnc_moment_expr,
};
