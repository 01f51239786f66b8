/* hardshrink.c — nn.Hardshrink(lambd=0.5): x outside [-lambd, lambd], else 0.
 * lambd is hardshrink()'s Number, checked at PyTorch's first forward.
 * Backward reads its input. */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    l->p.hardshrink.lambd = 0.5;
    return a[0] ? cnnc_number_arg(a[0], "hardshrink", "lambd", 2, &l->p.hardshrink.lambd, err) : CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    if (L->p.hardshrink.lambd != 0.5) cnnc_render_number(sb, "", "lambd", L->p.hardshrink.lambd);
}

const cnnc_layer_def cnnc_layer_hardshrink = {
    .kind = CNNC_HARDSHRINK,
    .name = "Hardshrink",
    .qualname = "Hardshrink",
    .module = "activation",
    .signature = "lambd=0.5",
    .functional = "hardshrink(input, lambd=0.5)",
    .functional_in = CNNC_FN_NN_F | CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN | CNNC_LAYER_ARGS_CHECKED_AT_CALL,
    .build = build,
    .shape = cnnc_shape_same,
    .render = render,
};
