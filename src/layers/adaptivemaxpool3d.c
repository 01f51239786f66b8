/* adaptivemaxpool3d.c — nn.AdaptiveMaxPool3d(output_size): an int, or a tuple of 3
 * whose None entries keep the input's size (vol3d_common.c). Check only. */
#include "layers/vol3d_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    if (a[1] && cnnc_arg_truthy(a[1]))
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, a[1], "NotImplementedError",
                             "cnnc does not follow AdaptiveMaxPool3d(return_indices=True)");
    return cnnc_adaptive3d_build(l, a, "AdaptiveMaxPool3d", err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in; (void)train;
    return cnnc_adaptive3d_shape(L, ins[0], 1, ls, err);
}

const cnnc_layer_def cnnc_layer_adaptivemaxpool3d = {
    .kind = CNNC_ADAPTIVEMAXPOOL3D,
    .name = "AdaptiveMaxPool3d",
    .qualname = "_AdaptiveMaxPoolNd",
    .module = "pooling",
    .signature = "output_size, return_indices=False",
    .functional = NULL,
    .flags = CNNC_LAYER_ARGS_CHECKED_AT_CALL,
    .build = build,
    .shape = shape,
    .cost = cnnc_copy_cost,
    .render = cnnc_adaptive3d_render,
};
