/* logsigmoid.c — nn.LogSigmoid() and F.logsigmoid: log(1 / (1 + e^-x)), in the stable
 * form min(x, 0) - log1p(e^-|x|); backward g / (1 + e^x). */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)l; (void)a; (void)call; (void)err;
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { (void)L; (void)sb; }

const cnnc_layer_def cnnc_layer_logsigmoid = {
    .kind = CNNC_LOGSIGMOID,
    .name = "LogSigmoid",
    .qualname = "Module",   /* LogSigmoid has no __init__ of its own */
    .module = "activation",
    .signature = "",
    .functional = "logsigmoid(input)",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN,
    .build = build,
    .shape = cnnc_shape_same,
    .render = render,
};
