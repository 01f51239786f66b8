/* mul.c — torch.mul / Tensor.mul: x * y, x *= y, x * 0.5; backward reads
 * both operands. Broadcasting, scalars, geometry: binary_common.c. */
#include "layers/binary_common.h"

const cnnc_layer_def cnnc_layer_mul = {
    .kind = CNNC_MUL,
    .name = "mul",
    .functional = "mul(input, other)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_BWD_NEEDS_IN,
    .build = cnnc_binary_build,
    .shape = cnnc_binary_shape,
    .cost = cnnc_binary_cost,
    .render = cnnc_binary_render,
    .expr = cnnc_binary_expr,
};
