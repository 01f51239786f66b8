/* mean.c — torch.mean / Tensor.mean(input, dim, keepdim=False), and the full mean
 * with no dim (a 0-d tensor). Dims, messages and geometry: reduce_common.c. */
#include "layers/reduce_common.h"

const cnnc_layer_def cnnc_layer_mean = {
    .kind = CNNC_MEAN,
    .name = "mean",
    .functional = "mean(input, dim=None, keepdim=False, *, dtype=None)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = 0,
    .build = cnnc_reduce_build,
    .shape = cnnc_reduce_shape,
    .cost = cnnc_reduce_cost,
    .render = cnnc_reduce_render,
};
