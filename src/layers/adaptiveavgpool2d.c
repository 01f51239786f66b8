/* adaptiveavgpool2d.c — nn.AdaptiveAvgPool2d: the rules it shares with the max
 * pool live in adaptive_pool2d_common.c. */
#include "layers/adaptive_pool2d_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return cnnc_adaptive_build(l, a, 0, err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in; (void)train;
    return cnnc_adaptive_shape(L, in[0], 0, ls, err);
}

static void cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    const double in = (double)cnnc_shape_numel(&s->in), out = (double)s->out_numel;
    (void)L;
    c->fwd_flops = in + out;   /* windows overlap by at most one row/column: ~one add per input */
    c->bwd_flops = has_din ? in + out : 0.0;
    c->fwd_bytes = 4.0 * (in + out);
    c->bwd_bytes = has_din ? 4.0 * (out + in) : 0.0;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_adaptive_render(L, 0, sb); }

const cnnc_layer_def cnnc_layer_adaptiveavgpool2d = {
    .kind = CNNC_ADAPTIVEAVGPOOL2D,
    .name = "AdaptiveAvgPool2d",
    .qualname = "_AdaptiveAvgPoolNd",
    .module = "pooling",
    .signature = "output_size",
    .functional = "adaptive_avg_pool2d(input, output_size)",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_ARGS_CHECKED_AT_CALL,
    .build = build,
    .shape = shape,
    .cost = cost,
    .render = render,
};
