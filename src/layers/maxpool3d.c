/* maxpool3d.c — nn.MaxPool3d over [N, C, D, H, W] or [C, D, H, W]: the constructor
 * (_triple of each) and ATen's pool3d checks (vol3d_common.c). Check only. */
#include "layers/vol3d_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return cnnc_pool3d_build(l, a, 1, err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in; (void)train;
    return cnnc_pool3d_shape(L, ins[0], 1, ls, err);
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_pool3d_render(L, 1, sb); }

const cnnc_layer_def cnnc_layer_maxpool3d = {
    .kind = CNNC_MAXPOOL3D,
    .name = "MaxPool3d",
    .qualname = "_MaxPoolNd",
    .module = "pooling",
    .signature = "kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False",
    .functional = "max_pool3d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False)",
    .functional_in = CNNC_FN_NN_F | CNNC_FN_TORCH,
    .flags = CNNC_LAYER_ARGS_CHECKED_AT_CALL,
    .build = build,
    .shape = shape,
    .cost = cnnc_copy_cost,
    .render = render,
};
