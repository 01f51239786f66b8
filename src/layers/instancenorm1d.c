/* instancenorm1d.c — nn.InstanceNorm1d: statistics per (sample, channel) over
 * L; [N, C, L] or unbatched [C, L]. The rule is InstanceNorm2d's with one
 * spatial dim (norm_common.c), so the backends run it with InstanceNorm2d's
 * kernels (cnnc_norm_geom's HW is L). */
#include "layers/norm_common.h"

#include <stdio.h>
#include <string.h>

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in;
    return cnnc_instance_norm_shape(&L->p.bn, ins[0], 1, train, ls, err);
}

static int hint(const cnnc_layer *L, const cnnc_shape *in, const cnnc_hint_env *env, cnnc_error *err) {
    if (strstr(err->message, "more than 1 spatial element")) {
        snprintf(err->hint, sizeof err->hint,
                 "InstanceNorm1d normalises each channel of each sample over L, which needs L > 1; move it before the "
                 "layer that shrinks the length to 1");
        return 1;
    }
    if (strncmp(err->message, "expected 2D or 3D input", 23) == 0 && in->ndim == 4) {
        snprintf(err->hint, sizeof err->hint, "InstanceNorm1d takes [N, C, L] or [C, L]; [N, C, H, W] input wants "
                                              "InstanceNorm2d");
        return 1;
    }
    if (in->ndim < 2 || !strstr(err->message, "should contain")) return 0;
    return cnnc_instance_norm_channels_hint(L, in->d[in->ndim - 2], env, err);
}

const cnnc_layer_def cnnc_layer_instancenorm1d = {
    .kind = CNNC_INSTANCENORM1D,
    .name = "InstanceNorm1d",
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
    .hint = hint,
    .apply_fix = cnnc_instance_norm_apply_fix,
};
