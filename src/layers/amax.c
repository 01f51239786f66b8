/* amax.c — torch.amax / Tensor.amax(input, dim=(), keepdim=False), and what
 * torch.max / Tensor.max reduce to: max(input) over every dim, and the values of
 * max(input, dim, keepdim=False) (the indices are a shape, src/py). Dims,
 * messages, geometry and the three forms' gradients: reduce_common.c. */
#include "layers/reduce_common.h"

const cnnc_layer_def cnnc_layer_amax = {
    .kind = CNNC_AMAX,
    .name = "amax",
    .functional = "amax(input, dim=[], keepdim=False)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_BWD_NEEDS_IN | CNNC_LAYER_BWD_NEEDS_OUT,
    .build = cnnc_extremum_build,
    .shape = cnnc_extremum_shape,
    .cost = cnnc_reduce_cost,
    .render = cnnc_reduce_render,
    .expr = cnnc_extremum_expr,
};
