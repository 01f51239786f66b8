/* selu.c — nn.SELU(inplace=False): scale * (max(0, x) + min(0, alpha * (exp(x) - 1)))
 * with PyTorch's fixed alpha and scale. Backward reads the input; PyTorch's
 * in-place SELU reads its output instead (g * (y + alpha * scale)), which
 * agrees to the float rounding of alpha * scale. */
#include "layers/layer_util.h"

const cnnc_layer_def cnnc_layer_selu = {
    .kind = CNNC_SELU,
    .name = "SELU",
    .qualname = "SELU",
    .module = "activation",
    .signature = "inplace=False",
    .functional = "selu(input, inplace=False)",
    .functional_in = CNNC_FN_NN_F | CNNC_FN_TORCH,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN,
    .build = cnnc_build_inplace_only,
    .shape = cnnc_shape_same,
    .render = cnnc_render_inplace_only,
};
