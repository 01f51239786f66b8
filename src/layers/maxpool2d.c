/* maxpool2d.c — nn.MaxPool2d: the rules it shares with the other pool live in pool2d_common.c. */
#include "layers/pool2d_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return cnnc_pool2d_build(l, a, 1, err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in; (void)train;
    return cnnc_pool2d_shape(L, in[0], 1, ls, err);
}

static void cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    const double in = (double)cnnc_shape_numel(&s->in), out = (double)s->out_numel;
    (void)L;
    c->fwd_flops = out;
    c->bwd_flops = has_din ? in : 0.0;
    c->fwd_bytes = 4.0 * (in + out) + 4.0 * out;
    c->bwd_bytes = 4.0 * (out + in + (has_din ? in : 0.0)) + 4.0 * out;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_pool2d_render(L, 1, sb); }

static void trail(const cnnc_layer *L, const char *who, const cnnc_shape *in, const cnnc_shape *out, cnnc_strbuf *sb) {
    cnnc_pool2d_trail(L, 1, who, in, out, sb);
}

static int hint(const cnnc_layer *L, const cnnc_shape *in, const cnnc_hint_env *env, cnnc_error *err) {
    (void)in; (void)env;
    return cnnc_pool2d_hint(L, 1, err);
}

const cnnc_layer_def cnnc_layer_maxpool2d = {
    .kind = CNNC_MAXPOOL2D,
    .name = "MaxPool2d",
    .qualname = "_MaxPoolNd",
    .module = "pooling",
    .signature = "kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False",
    .functional = "max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False)",
    .functional_in = CNNC_FN_NN_F | CNNC_FN_TORCH,
    .flags = CNNC_LAYER_ARGS_CHECKED_AT_CALL,
    .build = build,
    .shape = shape,
    .aux_bytes = cnnc_pool_argmax_bytes,
    .cost = cost,
    .render = render,
    .kernel_shape = cnnc_pool2d_kernel_shape,
    .trail = trail,
    .hint = hint,
};
