/* mv.c — torch.mv / Tensor.mv: a matrix times a vector. Shape rules, messages and
 * geometry: matmul_common.c; the kernels are matmul's. */
#include "layers/matmul_common.h"

const cnnc_layer_def cnnc_layer_mv = {
    .kind = CNNC_MV,
    .name = "mv",
    .functional = "mv(input, vec)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_BWD_NEEDS_IN,
    .build = cnnc_matmul_build,
    .shape = cnnc_matmul_shape,
    .cost = cnnc_matmul_cost,
    .render = cnnc_matmul_render,
    .expr = cnnc_matmul_expr,
};
