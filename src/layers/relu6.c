/* relu6.c — nn.ReLU6: PyTorch's Hardtanh(0., 6., inplace) under its own
 * class name; backward reads its input (hardtanh_backward). */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call; (void)err;
    l->p.hardtanh.min_val = 0.0;
    l->p.hardtanh.max_val = 6.0;
    l->p.hardtanh.inplace = a[0] ? cnnc_arg_truthy(a[0]) : 0;
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    if (L->p.hardtanh.inplace) cnnc_sb_puts(sb, "inplace=True");
}

const cnnc_layer_def cnnc_layer_relu6 = {
    .kind = CNNC_RELU6,
    .name = "ReLU6",
    .qualname = "ReLU6",
    .module = "activation",
    .signature = "inplace=False",
    .functional = "relu6(input, inplace=False)",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN,
    .build = build,
    .shape = cnnc_shape_same,
    .render = render,
};
