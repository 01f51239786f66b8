/* softplus.c — nn.Softplus(beta=1, threshold=20): log(1 + exp(beta * x)) / beta,
 * linear where beta * x > threshold. Both are softplus()'s Numbers, which
 * PyTorch checks at the first forward. Backward reads its input. */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_softplus_params *q = &l->p.softplus;
    cnnc_status st;
    (void)call;
    q->beta = 1.0;
    q->threshold = 20.0;
    if (a[0] && (st = cnnc_number_arg(a[0], "softplus", "beta", 2, &q->beta, err))) return st;
    if (a[1] && (st = cnnc_number_arg(a[1], "softplus", "threshold", 3, &q->threshold, err))) return st;
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const char *sep = "";
    if (L->p.softplus.beta != 1.0) { cnnc_render_number(sb, sep, "beta", L->p.softplus.beta); sep = ", "; }
    if (L->p.softplus.threshold != 20.0) cnnc_render_number(sb, sep, "threshold", L->p.softplus.threshold);
}

const cnnc_layer_def cnnc_layer_softplus = {
    .kind = CNNC_SOFTPLUS,
    .name = "Softplus",
    .qualname = "Softplus",
    .module = "activation",
    .signature = "beta=1, threshold=20",
    .functional = "softplus(input, beta=1, threshold=20)",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN | CNNC_LAYER_ARGS_CHECKED_AT_CALL,
    .build = build,
    .shape = cnnc_shape_same,
    .render = render,
};
