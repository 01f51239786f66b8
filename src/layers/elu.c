/* elu.c — nn.ELU(alpha): alpha must be a number (elu()'s own check, made at
 * PyTorch's first forward). Backward reads the input, or the output after an
 * in-place ELU, as PyTorch's elu_backward does (is_result). */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_elu_params *q = &l->p.elu;
    (void)call;
    q->alpha = 1.0;
    cnnc_status st;
    if (a[0] && (st = cnnc_number_arg(a[0], "elu", "alpha", 2, &q->alpha, err))) return st;
    q->inplace = a[1] ? cnnc_arg_truthy(a[1]) : 0;
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const char *sep = "";
    if (L->p.elu.alpha != 1.0) { cnnc_render_float(sb, sep, "alpha", L->p.elu.alpha); sep = ", "; }
    if (L->p.elu.inplace) cnnc_sb_printf(sb, "%sinplace=True", sep);
}

const cnnc_layer_def cnnc_layer_elu = {
    .kind = CNNC_ELU,
    .name = "ELU",
    .qualname = "ELU",
    .module = "activation",
    .signature = "alpha=1.0, inplace=False",
    .functional = "elu(input, alpha=1.0, inplace=False)",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN | CNNC_LAYER_BWD_NEEDS_OUT | CNNC_LAYER_ARGS_CHECKED_AT_CALL,
    .build = build,
    .shape = cnnc_shape_same,
    .render = render,
};
