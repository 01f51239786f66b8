/* add.c — torch.add / Tensor.add: x + y, x += y, x + 2.0, with alpha
 * (input + alpha * other). Broadcasting, scalars, geometry: binary_common.c. */
#include "layers/binary_common.h"

const cnnc_layer_def cnnc_layer_add = {
    .kind = CNNC_ADD,
    .name = "add",
    .functional = "add(input, other, *, alpha=1)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = 0,
    .build = cnnc_binary_build,
    .shape = cnnc_binary_shape,
    .cost = cnnc_binary_cost,
    .render = cnnc_binary_render,
    .expr = cnnc_binary_expr,
};
