/* upsample_common.h — what Upsample, UpsamplingNearest2d, UpsamplingBilinear2d
 * and F.interpolate share: the constructor's conversions, F.interpolate's
 * checks and output-size rule with PyTorch 1.13's messages, and text. */
#ifndef CNNC_UPSAMPLE_COMMON_H
#define CNNC_UPSAMPLE_COMMON_H

#include "layers/layer_util.h"

/* a[] in Upsample's order: size, scale_factor, mode, align_corners,
 * recompute_scale_factor, and for F.interpolate antialias. fixed_mode >= 0:
 * UpsamplingNearest2d / UpsamplingBilinear2d (a[] holds size, scale_factor). */
cnnc_status cnnc_upsample_build(cnnc_layer *l, const cnnc_arg *const *a, int functional, int fixed_mode, cnnc_error *err);
cnnc_status cnnc_upsample_shape(const cnnc_layer *L, const cnnc_shape *in, cnnc_layer_shape *ls, cnnc_error *err);
/* Constructor text; `fixed` leaves out what UpsamplingNearest2d/Bilinear2d fix. */
void cnnc_upsample_render(const cnnc_layer *L, int fixed, cnnc_strbuf *sb);

#endif
