/* avgpool3d.c — nn.AvgPool3d over [N, C, D, H, W] or [C, D, H, W]: the constructor
 * (_triple of each) and ATen's pool3d checks (vol3d_common.c). Check only. */
#include "layers/vol3d_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return cnnc_pool3d_build(l, a, 0, err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in; (void)train;
    return cnnc_pool3d_shape(L, ins[0], 0, ls, err);
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_pool3d_render(L, 0, sb); }

const cnnc_layer_def cnnc_layer_avgpool3d = {
    .kind = CNNC_AVGPOOL3D,
    .name = "AvgPool3d",
    .qualname = "AvgPool3d",
    .module = "pooling",
    .signature = "kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None",
    .functional = "avg_pool3d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, "
                  "divisor_override=None)",
    .functional_in = CNNC_FN_NN_F | CNNC_FN_TORCH,
    .flags = CNNC_LAYER_ARGS_CHECKED_AT_CALL,
    .build = build,
    .shape = shape,
    .cost = cnnc_copy_cost,
    .render = render,
};
