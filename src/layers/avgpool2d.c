/* avgpool2d.c — nn.AvgPool2d: the rules it shares with the other pool live in pool2d_common.c. */
#include "layers/pool2d_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return cnnc_pool2d_build(l, a, 0, err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in; (void)train;
    return cnnc_pool2d_shape(L, in[0], 0, ls, err);
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_pool2d_render(L, 0, sb); }

static void trail(const cnnc_layer *L, const char *who, const cnnc_shape *in, const cnnc_shape *out, cnnc_strbuf *sb) {
    cnnc_pool2d_trail(L, 0, who, in, out, sb);
}

static int hint(const cnnc_layer *L, const cnnc_shape *in, const cnnc_hint_env *env, cnnc_error *err) {
    (void)in; (void)env;
    return cnnc_pool2d_hint(L, 0, err);
}

const cnnc_layer_def cnnc_layer_avgpool2d = {
    .kind = CNNC_AVGPOOL2D,
    .name = "AvgPool2d",
    .qualname = "AvgPool2d",
    .module = "pooling",
    .signature = "kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None",
    .functional = "avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_ARGS_CHECKED_AT_CALL,
    .build = build,
    .shape = shape,
    .render = render,
    .kernel_shape = cnnc_pool2d_kernel_shape,
    .trail = trail,
    .hint = hint,
};
