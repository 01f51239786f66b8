/* dropout1d.c — nn.Dropout1d (PyTorch 1.12+): zeroes whole channels of [N, C, L] or of an
 * unbatched [C, L], one keep draw per (sample, channel), with F.dropout1d's rank check in
 * its words. Dropout2d's constructor and kernels, with the plane being L. */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    return cnnc_layer_dropout2d.build(l, a, call, err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_shape *in = ins[0];
    if (in->ndim != 2 && in->ndim != 3)   /* F.dropout1d's own check, in eval mode too */
        return cnnc_shape_fail(err, "RuntimeError",
                               "dropout1d: Expected 2D or 3D input, but received a %dD input. Note that dropout1d exists to "
                               "provide channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, and an "
                               "optional batch dimension (i.e. 2D or 3D inputs).", (int)in->ndim);
    /* then feature dropout's: p's NaN check and the planes of [N, C, L]; an unbatched [C, L] is
     * unsqueezed to [1, C, L] first */
    cnnc_status st = cnnc_layer_dropout2d.shape(L, ins, n_in, train, ls, err);
    if (st || in->ndim == 3) return st;
    cnnc_axis_geom *g = &ls->g.axis;
    g->outer = 1;
    g->size = in->d[0];
    g->inner = in->d[1];
    return CNNC_OK;
}

static size_t aux_bytes(const cnnc_layer *L, const cnnc_layer_shape *s) { return cnnc_layer_dropout2d.aux_bytes(L, s); }
static void cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    cnnc_layer_dropout2d.cost(L, s, has_din, c);
}
static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_layer_dropout2d.render(L, sb); }

const cnnc_layer_def cnnc_layer_dropout1d = {
    .kind = CNNC_DROPOUT1D,
    .name = "Dropout1d",
    .qualname = "_DropoutNd",
    .module = "dropout",
    .signature = "p=0.5, inplace=False",
    .functional = "dropout1d(input, p=0.5, training=True, inplace=False)",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_KEEPS_SHAPE,
    .build = build,
    .shape = shape,
    .aux_bytes = aux_bytes,
    .cost = cost,
    .render = render,
};
