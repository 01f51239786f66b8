/* amin.c — torch.amin / Tensor.amin(input, dim=(), keepdim=False), and what
 * torch.min / Tensor.min reduce to: min(input) over every dim, and the values of
 * min(input, dim, keepdim=False) (the indices are a shape, src/py). Dims,
 * messages, geometry and the three forms' gradients: reduce_common.c. */
#include "layers/reduce_common.h"

const cnnc_layer_def cnnc_layer_amin = {
    .kind = CNNC_AMIN,
    .name = "amin",
    .functional = "amin(input, dim=[], keepdim=False)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_BWD_NEEDS_IN | CNNC_LAYER_BWD_NEEDS_OUT,
    .build = cnnc_extremum_build,
    .shape = cnnc_extremum_shape,
    .cost = cnnc_reduce_cost,
    .render = cnnc_reduce_render,
    .expr = cnnc_extremum_expr,
};
