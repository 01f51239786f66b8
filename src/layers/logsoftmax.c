/* logsoftmax.c — nn.LogSoftmax(dim): backward reads its output
 * (log_softmax_backward_data: g - exp(y) * sum(g) over the dim). A model whose
 * output node is a LogSoftmax trains with NLLLoss (the engine's loss choice). */
#include "layers/softmax_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return cnnc_softmax_build(l, a[0], "log_softmax", err);
}

static void cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    const double n = (double)s->out_numel;
    (void)L;
    c->fwd_flops = 4.0 * n;                      /* max, exp, sum, subtract */
    c->bwd_flops = has_din ? 4.0 * n : 0.0;
    c->fwd_bytes = 4.0 * (n + n);
    c->bwd_bytes = has_din ? 4.0 * (3.0 * n) : 0.0;
}

const cnnc_layer_def cnnc_layer_logsoftmax = {
    .kind = CNNC_LOGSOFTMAX,
    .name = "LogSoftmax",
    .qualname = "LogSoftmax",
    .module = "activation",
    .signature = "dim=None",
    .functional = "log_softmax(input, dim=None, _stacklevel=3, dtype=None)",
    .functional_in = CNNC_FN_NN_F | CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_OUT,
    .build = build,
    .shape = cnnc_softmax_shape,
    .cost = cost,
    .render = cnnc_softmax_render,
};
