/* instancenorm2d.c — nn.InstanceNorm2d: statistics per (sample, channel) over
 * H*W; [N, C, H, W] or unbatched [C, H, W]. torch.instance_norm runs
 * batch_norm on the input viewed as [1, N*C, H, W] with the affine parameters
 * and running statistics repeated N times, then averages the N updated
 * running statistics back into [C]: its size checks and messages therefore
 * speak of N*C elements. Nothing checks num_features against C when neither
 * tensor exists (PyTorch 1.13 neither raises nor warns). */
#include "layers/norm_common.h"

#include <stdio.h>
#include <string.h>

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in;
    return cnnc_instance_norm_shape(&L->p.bn, ins[0], 2, train, ls, err);
}

static int hint(const cnnc_layer *L, const cnnc_shape *in, const cnnc_hint_env *env, cnnc_error *err) {
    if (strstr(err->message, "more than 1 spatial element")) {
        snprintf(err->hint, sizeof err->hint,
                 "InstanceNorm2d normalises each channel of each sample over H*W, which needs H*W > 1; move it before "
                 "the layer that shrinks the image to 1x1");
        return 1;
    }
    if (strncmp(err->message, "expected 3D or 4D input", 23) == 0 && in->ndim == 2) {
        snprintf(err->hint, sizeof err->hint, "InstanceNorm2d takes [N, C, H, W] or [C, H, W]; [N, C] input wants "
                                              "BatchNorm1d or LayerNorm");
        return 1;
    }
    if (in->ndim < 3 || !strstr(err->message, "should contain")) return 0;
    return cnnc_instance_norm_channels_hint(L, in->d[in->ndim - 3], env, err);
}

const cnnc_layer_def cnnc_layer_instancenorm2d = {
    .kind = CNNC_INSTANCENORM2D,
    .name = "InstanceNorm2d",
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
