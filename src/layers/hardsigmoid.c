/* hardsigmoid.c — nn.Hardsigmoid (MobileNetV3's gates): relu6(x + 3) / 6, elementwise;
 * backward reads its input (in place or not: PyTorch's gradient is the same). */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call; (void)err;
    l->p.inplace_only.inplace = a[0] ? cnnc_arg_truthy(a[0]) : 0;
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    if (L->p.inplace_only.inplace) cnnc_sb_puts(sb, "inplace=True");
}

const cnnc_layer_def cnnc_layer_hardsigmoid = {
    .kind = CNNC_HARDSIGMOID,
    .name = "Hardsigmoid",
    .qualname = "Hardsigmoid",
    .module = "activation",
    .signature = "inplace=False",
    .functional = "hardsigmoid(input, inplace=False)",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN,
    .build = build,
    .shape = cnnc_shape_same,
    .render = render,
};
