/* softmax.c — nn.Softmax(dim): backward reads its output
 * (softmax_backward_data: y * (g - sum(g * y)) over the dim). */
#include "layers/softmax_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return cnnc_softmax_build(l, a[0], "softmax", err);
}

static void cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    const double n = (double)s->out_numel;
    (void)L;
    c->fwd_flops = 4.0 * n;                      /* max, exp, sum, scale */
    c->bwd_flops = has_din ? 4.0 * n : 0.0;
    c->fwd_bytes = 4.0 * (n + n);
    c->bwd_bytes = has_din ? 4.0 * (3.0 * n) : 0.0;
}

const cnnc_layer_def cnnc_layer_softmax = {
    .kind = CNNC_SOFTMAX,
    .name = "Softmax",
    .qualname = "Softmax",
    .module = "activation",
    .signature = "dim=None",
    .functional = "softmax(input, dim=None, _stacklevel=3, dtype=None)",
    .functional_in = CNNC_FN_NN_F | CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_OUT,
    .build = build,
    .shape = cnnc_softmax_shape,
    .cost = cost,
    .render = cnnc_softmax_render,
};
