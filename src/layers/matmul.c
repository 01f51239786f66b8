/* matmul.c — torch.matmul / Tensor.matmul / a @ b. Shape rules, messages and
 * geometry: matmul_common.c. */
#include "layers/matmul_common.h"

const cnnc_layer_def cnnc_layer_matmul = {
    .kind = CNNC_MATMUL,
    .name = "matmul",
    .functional = "matmul(input, other)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_BWD_NEEDS_IN,
    .build = cnnc_matmul_build,
    .shape = cnnc_matmul_shape,
    .cost = cnnc_matmul_cost,
    .render = cnnc_matmul_render,
    .expr = cnnc_matmul_expr,
};
