/* dropout3d.c — nn.Dropout3d: zeroes whole channels of [N, C, D, H, W], one keep draw
 * per (sample, channel), as Dropout2d does over [N, C, H, W]: Dropout2d's constructor,
 * rule and kernels with the plane being D*H*W. */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    return cnnc_layer_dropout2d.build(l, a, call, err);
}
static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    return cnnc_layer_dropout2d.shape(L, ins, n_in, train, ls, err);
}
static size_t aux_bytes(const cnnc_layer *L, const cnnc_layer_shape *s) { return cnnc_layer_dropout2d.aux_bytes(L, s); }
static void cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    cnnc_layer_dropout2d.cost(L, s, has_din, c);
}
static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_layer_dropout2d.render(L, sb); }

const cnnc_layer_def cnnc_layer_dropout3d = {
    .kind = CNNC_DROPOUT3D,
    .name = "Dropout3d",
    .qualname = "_DropoutNd",
    .module = "dropout",
    .signature = "p=0.5, inplace=False",
    .functional = NULL,
    .flags = CNNC_LAYER_KEEPS_SHAPE,
    .build = build,
    .shape = shape,
    .aux_bytes = aux_bytes,
    .cost = cost,
    .render = render,
};
