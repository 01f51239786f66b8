/* div.c — torch.div / Tensor.div (true division): x / y, x /= y, x / 2.0,
 * and 2 / x with the scalar on the left; backward reads both operands.
 * Broadcasting, scalars, geometry: binary_common.c. */
#include "layers/binary_common.h"

const cnnc_layer_def cnnc_layer_div = {
    .kind = CNNC_DIV,
    .name = "div",
    .functional = "div(input, other, *, rounding_mode=None)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_BWD_NEEDS_IN,
    .build = cnnc_binary_build,
    .shape = cnnc_binary_shape,
    .cost = cnnc_binary_cost,
    .render = cnnc_binary_render,
    .expr = cnnc_binary_expr,
};
