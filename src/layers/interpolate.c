/* interpolate.c — F.interpolate, the function nn.Upsample calls, as a kind of
 * its own: it has antialias, which no constructor has, and keeps
 * scale_factor as given (Upsample turns it into a float, a falsy one into
 * None). The rules live in upsample_common.c. A kind with no module class:
 * build's a[] follows the functional's parameters after input. */
#include "layers/upsample_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return cnnc_upsample_build(l, a, 1, -1, err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in; (void)train;
    return cnnc_upsample_shape(L, in[0], ls, err);
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_upsample_render(L, 0, sb); }

const cnnc_layer_def cnnc_layer_interpolate = {
    .kind = CNNC_INTERPOLATE,
    .name = "interpolate",
    .qualname = "interpolate",
    .module = NULL,
    .signature = NULL,
    .functional = "interpolate(input, size=None, scale_factor=None, mode='nearest', align_corners=None, "
                  "recompute_scale_factor=None, antialias=False)",
    .functional_in = CNNC_FN_NN_F,
    .flags = 0,
    .build = build,
    .shape = shape,
    .render = render,
};
