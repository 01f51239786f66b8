/* sigmoid.c — nn.Sigmoid: elementwise, no arguments (its __init__ is
 * Module's, so TypeErrors name Module.__init__); backward reads its output. */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)l; (void)a; (void)call; (void)err;
    return CNNC_OK;
}

const cnnc_layer_def cnnc_layer_sigmoid = {
    .kind = CNNC_SIGMOID,
    .name = "Sigmoid",
    .qualname = "Module",
    .module = "activation",
    .signature = "",
    .functional = "sigmoid(input)",
    .functional_in = CNNC_FN_NN_F | CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_OUT,
    .build = build,
    .shape = cnnc_shape_same,
};
