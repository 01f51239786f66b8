/* leaky_relu.c — nn.LeakyReLU(negative_slope=0.01, inplace=False): the slope
 * must be a number (leaky_relu()'s own check, made at PyTorch's first
 * forward). Backward reads the input, or the output after an in-place one:
 * both have the input's sign for a slope >= 0; PyTorch's backward refuses an
 * in-place one with a negative slope, and so do the engines (at creation). */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_leaky_relu_params *q = &l->p.leaky;
    (void)call;
    q->negative_slope = 0.01;
    cnnc_status st;
    if (a[0] && (st = cnnc_number_arg(a[0], "leaky_relu", "negative_slope", 2, &q->negative_slope, err))) return st;
    q->inplace = a[1] ? cnnc_arg_truthy(a[1]) : 0;
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const char *sep = "";
    if (L->p.leaky.negative_slope != 0.01) { cnnc_render_float(sb, sep, "negative_slope", L->p.leaky.negative_slope); sep = ", "; }
    if (L->p.leaky.inplace) cnnc_sb_printf(sb, "%sinplace=True", sep);
}

const cnnc_layer_def cnnc_layer_leaky_relu = {
    .kind = CNNC_LEAKYRELU,
    .name = "LeakyReLU",
    .qualname = "LeakyReLU",
    .module = "activation",
    .signature = "negative_slope=0.01, inplace=False",
    .functional = "leaky_relu(input, negative_slope=0.01, inplace=False)",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN | CNNC_LAYER_BWD_NEEDS_OUT | CNNC_LAYER_ARGS_CHECKED_AT_CALL,
    .build = build,
    .shape = cnnc_shape_same,
    .render = render,
};
