/* hardsigmoid.c — nn.Hardsigmoid (MobileNetV3's gates): relu6(x + 3) / 6, elementwise;
 * backward reads its input (in place or not: PyTorch's gradient is the same). */
#include "layers/layer_util.h"

const cnnc_layer_def cnnc_layer_hardsigmoid = {
    .kind = CNNC_HARDSIGMOID,
    .name = "Hardsigmoid",
    .qualname = "Hardsigmoid",
    .module = "activation",
    .signature = "inplace=False",
    .functional = "hardsigmoid(input, inplace=False)",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN,
    .build = cnnc_build_inplace_only,
    .shape = cnnc_shape_same,
    .render = cnnc_render_inplace_only,
};
