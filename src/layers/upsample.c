/* upsample.c — nn.Upsample: the rules it shares with UpsamplingNearest2d,
 * UpsamplingBilinear2d and F.interpolate live in upsample_common.c. */
#include "layers/upsample_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return cnnc_upsample_build(l, a, 0, -1, err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in; (void)train;
    return cnnc_upsample_shape(L, in[0], ls, err);
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_upsample_render(L, 0, sb); }

const cnnc_layer_def cnnc_layer_upsample = {
    .kind = CNNC_UPSAMPLE,
    .name = "Upsample",
    .qualname = "Upsample",
    .module = "upsampling",
    .signature = "size=None, scale_factor=None, mode='nearest', align_corners=None, recompute_scale_factor=None",
    .functional = NULL,   /* F.interpolate has antialias and other rules for scale_factor: its own kind (interpolate.c) */
    .flags = 0,
    .build = build,
    .shape = shape,
    .render = render,
};
