/* softmax2d.c — nn.Softmax2d(): softmax over the channels of [N, C, H, W] or [C, H, W]
 * (dim -3), after its forward's assertion on the rank. Softmax's rule and kernels. */
#include "layers/softmax_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)a; (void)call; (void)err;
    l->p.softmax.dim_kind = CNNC_DIM_INT;
    l->p.softmax.dim = -3;
    l->p.softmax.name[0] = '\0';
    return CNNC_OK;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    if (ins[0]->ndim != 3 && ins[0]->ndim != 4)
        return cnnc_shape_fail(err, "AssertionError", "Softmax2d requires a 3D or 4D tensor as input");
    return cnnc_softmax_shape(L, ins, n_in, train, ls, err);
}

static void cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    cnnc_layer_softmax.cost(L, s, has_din, c);
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { (void)L; (void)sb; }

const cnnc_layer_def cnnc_layer_softmax2d = {
    .kind = CNNC_SOFTMAX2D,
    .name = "Softmax2d",
    .qualname = "Module",   /* Softmax2d has no __init__ of its own */
    .module = "activation",
    .signature = "",
    .functional = NULL,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_OUT,
    .build = build,
    .shape = shape,
    .cost = cost,
    .render = render,
};
