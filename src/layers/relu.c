/* relu.c — nn.ReLU: shape-preserving; backward reads its output. */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call; (void)err;
    l->p.relu.inplace = a[0] ? cnnc_arg_truthy(a[0]) : 0;
    return CNNC_OK;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)L; (void)n_in; (void)train; (void)err;
    ls->out = *in[0];
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    if (L->p.relu.inplace) cnnc_sb_puts(sb, "inplace=True");
}

const cnnc_layer_def cnnc_layer_relu = {
    .kind = CNNC_RELU,
    .name = "ReLU",
    .qualname = "ReLU",
    .module = "activation",
    .signature = "inplace=False",
    .functional = "relu(input, inplace=False)",
    .functional_in = CNNC_FN_NN_F | CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_OUT,
    .build = build,
    .shape = shape,
    .render = render,
};
