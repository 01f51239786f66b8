/* adaptiveavgpool3d.c — nn.AdaptiveAvgPool3d(output_size): an int, or a tuple of 3
 * whose None entries keep the input's size (vol3d_common.c). Check only. */
#include "layers/vol3d_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return cnnc_adaptive3d_build(l, a, "AdaptiveAvgPool3d", err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in; (void)train;
    return cnnc_adaptive3d_shape(L, ins[0], 0, ls, err);
}

const cnnc_layer_def cnnc_layer_adaptiveavgpool3d = {
    .kind = CNNC_ADAPTIVEAVGPOOL3D,
    .name = "AdaptiveAvgPool3d",
    .qualname = "_AdaptiveAvgPoolNd",
    .module = "pooling",
    .signature = "output_size",
    .functional = "adaptive_avg_pool3d(input, output_size)",
    .functional_in = CNNC_FN_NN_F | CNNC_FN_TORCH,
    .flags = CNNC_LAYER_ARGS_CHECKED_AT_CALL,
    .build = build,
    .shape = shape,
    .cost = cnnc_copy_cost,
    .render = cnnc_adaptive3d_render,
};
