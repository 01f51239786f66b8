/* sub.c — torch.sub / Tensor.sub: x - y, x -= y, x - 1.0, with alpha; and
 * 1 - x (torch.rsub) with the scalar on the left. Broadcasting, scalars,
 * geometry: binary_common.c. */
#include "layers/binary_common.h"

const cnnc_layer_def cnnc_layer_sub = {
    .kind = CNNC_SUB,
    .name = "sub",
    .functional = "sub(input, other, *, alpha=1)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = 0,
    .build = cnnc_binary_build,
    .shape = cnnc_binary_shape,
    .cost = cnnc_binary_cost,
    .render = cnnc_binary_render,
    .expr = cnnc_binary_expr,
};
