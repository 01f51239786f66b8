/* hardswish.c — nn.Hardswish (MobileNetV3): x * relu6(x + 3) / 6, elementwise;
 * backward reads its input (in place or not: PyTorch's gradient is the same). */
#include "layers/layer_util.h"

const cnnc_layer_def cnnc_layer_hardswish = {
    .kind = CNNC_HARDSWISH,
    .name = "Hardswish",
    .qualname = "Hardswish",
    .module = "activation",
    .signature = "inplace=False",
    .functional = "hardswish(input, inplace=False)",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN,
    .build = cnnc_build_inplace_only,
    .shape = cnnc_shape_same,
    .render = cnnc_render_inplace_only,
};
