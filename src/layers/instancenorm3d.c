/* instancenorm3d.c — nn.InstanceNorm3d: statistics per (sample, channel) over D*H*W;
 * [N, C, D, H, W] or unbatched [C, D, H, W]. The rule is InstanceNorm2d's with three
 * spatial dims (norm_common.c); the backends run InstanceNorm2d's kernels. */
#include "layers/norm_common.h"

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in;
    return cnnc_instance_norm_shape(&L->p.bn, ins[0], 3, train, ls, err);
}

const cnnc_layer_def cnnc_layer_instancenorm3d = {
    .kind = CNNC_INSTANCENORM3D,
    .name = "InstanceNorm3d",
    .qualname = "_InstanceNorm",
    .module = "instancenorm",
    .signature = "num_features, eps=1e-05, momentum=0.1, affine=False, track_running_stats=False, device=None, dtype=None",
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN,
    .build = cnnc_instance_norm_build,
    .params = cnnc_instance_norm_params,
    .shape = shape,
    .aux_bytes = cnnc_instance_norm_aux_bytes,
    .render = cnnc_instance_norm_render,
    .kernel_shape = cnnc_instance_norm_kernel_shape,
    .apply_fix = cnnc_instance_norm_apply_fix,
};
