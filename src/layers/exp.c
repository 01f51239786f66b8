/* exp.c — torch.exp / Tensor.exp: shape-preserving; backward reads its output (d exp = exp). */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)L; (void)a; (void)call; (void)err;
    return CNNC_OK;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)L; (void)n_in; (void)train; (void)err;
    ls->out = *in[0];
    return CNNC_OK;
}

const cnnc_layer_def cnnc_layer_exp = {
    .kind = CNNC_EXP,
    .name = "exp",
    .functional = "exp(input)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_OUT,
    .build = build,
    .shape = shape,
};
