/* selu.c — nn.SELU(inplace=False): scale * (max(0, x) + min(0, alpha * (exp(x) - 1)))
 * with PyTorch's fixed alpha and scale. Backward reads the input; PyTorch's
 * in-place SELU reads its output instead (g * (y + alpha * scale)), which
 * agrees to the float rounding of alpha * scale. */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call; (void)err;
    l->p.inplace_only.inplace = a[0] ? cnnc_arg_truthy(a[0]) : 0;
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    if (L->p.inplace_only.inplace) cnnc_sb_puts(sb, "inplace=True");
}

const cnnc_layer_def cnnc_layer_selu = {
    .kind = CNNC_SELU,
    .name = "SELU",
    .qualname = "SELU",
    .module = "activation",
    .signature = "inplace=False",
    .functional = "selu(input, inplace=False)",
    .functional_in = CNNC_FN_NN_F | CNNC_FN_TORCH,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN,
    .build = build,
    .shape = cnnc_shape_same,
    .render = render,
};
