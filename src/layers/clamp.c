/* clamp.c — torch.clamp / Tensor.clamp(input, min=None, max=None) with numbers
 * for the bounds: NaN passes; the gradient flows where min <= x <= max (not at
 * NaN), as PyTorch's clamp_backward. Tensor bounds are refused. */
#include "layers/layer_util.h"

static cnnc_status bound(const cnnc_arg *a, const char *name, double *v, int *has, cnnc_error *err) {
    *has = 0;
    if (!a || a->kind == CNNC_ARG_NONE) return CNNC_OK;
    if (!cnnc_arg_is_num(a))
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, a, "NotImplementedError", "cnnc cannot follow clamp() with a %s of type %s",
                             name, cnnc_arg_type_name(a));
    *v = cnnc_arg_num(a);
    *has = 1;
    return CNNC_OK;
}

static cnnc_status build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_clamp_params *p = &L->p.clamp;
    cnnc_status st;
    if ((st = bound(a[0], "min", &p->min, &p->has_min, err)) || (st = bound(a[1], "max", &p->max, &p->has_max, err))) return st;
    if (!p->has_min && !p->has_max)
        return cnnc_arg_fail(err, CNNC_ERR_SHAPE, call, "RuntimeError", "torch.clamp: At least one of 'min' or 'max' must not be None");
    return CNNC_OK;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    if (n_in != 1) return cnnc_shape_unsupported(err, "cnnc cannot follow clamp() with a tensor for a bound");
    return cnnc_shape_same(L, in, n_in, train, ls, err);
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_clamp_params *p = &L->p.clamp;
    if (p->has_min) cnnc_render_float(sb, "", "min", p->min);
    if (p->has_max) cnnc_render_float(sb, p->has_min ? ", " : "", "max", p->max);
}

const cnnc_layer_def cnnc_layer_clamp = {
    .kind = CNNC_CLAMP,
    .name = "clamp",
    .functional = "clamp(input, min=None, max=None)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN,
    .build = build,
    .shape = shape,
    .render = render,
};
