/* cdist.c — torch.cdist(x1, x2, p=2.0, compute_mode=...): the p-norm distance of every
 * row of x1 [*, P, M] to every row of x2 [*, R, M], [*, P, R] with the batch dims
 * broadcast. at::cdist's checks in its order (ranks, columns, p, then the batch);
 * compute_mode is checked first, in Python, as torch/functional.py does. Check only:
 * the engines refuse it. */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    l->p.cdist.p = 2.0;
    const cnnc_arg *mode = a[2];   /* a[0] is x2 */
    if (mode && mode->kind != CNNC_ARG_NONE && !cnnc_arg_str_is(mode, "use_mm_for_euclid_dist_if_necessary") &&
        !cnnc_arg_str_is(mode, "use_mm_for_euclid_dist") && !cnnc_arg_str_is(mode, "donot_use_mm_for_euclid_dist")) {
        if (mode->kind != CNNC_ARG_STR) return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, mode, "NotImplementedError", "cnnc follows a str compute_mode");
        return cnnc_arg_fail(err, CNNC_ERR_SHAPE, mode, "ValueError", "%.*s is not a valid value for compute_mode",
                             (int)(mode->slen > 200 ? 200 : mode->slen), mode->s);
    }
    if (a[1] && a[1]->kind != CNNC_ARG_NONE) {
        if (!cnnc_arg_is_num(a[1]))
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, a[1], "TypeError", "cdist(): argument 'p' (position 3) must be float, not %s",
                                 cnnc_arg_type_name(a[1]));
        l->p.cdist.p = cnnc_arg_num(a[1]);
    }
    return CNNC_OK;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)train;
    if (n_in != 2) return cnnc_shape_fail(err, "RuntimeError", "cdist() takes two tensors, but the node has %d inputs", (int)n_in);
    const cnnc_shape *a = in[0], *b = in[1];
    if (a->ndim < 2) return cnnc_shape_fail(err, "RuntimeError", "cdist only supports at least 2D tensors, X1 got: %dD", (int)a->ndim);
    if (b->ndim < 2) return cnnc_shape_fail(err, "RuntimeError", "cdist only supports at least 2D tensors, X2 got: %dD", (int)b->ndim);
    if (a->d[a->ndim - 1] != b->d[b->ndim - 1])
        return cnnc_shape_fail(err, "RuntimeError", "X1 and X2 must have the same number of columns. X1: %lld X2: %lld",
                               (long long)a->d[a->ndim - 1], (long long)b->d[b->ndim - 1]);
    if (!(L->p.cdist.p >= 0)) return cnnc_shape_fail(err, "RuntimeError", "cdist only supports non-negative p values");
    const int32_t na = a->ndim - 2, nb = b->ndim - 2, nbat = na > nb ? na : nb;
    cnnc_shape *o = &ls->out;
    o->ndim = nbat + 2;
    for (int32_t i = nbat - 1; i >= 0; i--) {   /* infer_size of the batch dims */
        const int32_t off = nbat - 1 - i, ia = na - 1 - off, ib = nb - 1 - off;
        const int64_t sa = ia >= 0 ? a->d[ia] : 1, sb = ib >= 0 ? b->d[ib] : 1;
        if (sa != sb && sa != 1 && sb != 1)
            return cnnc_shape_fail(err, "RuntimeError",
                                   "The size of tensor a (%lld) must match the size of tensor b (%lld) at non-singleton dimension %d",
                                   (long long)sa, (long long)sb, (int)i);
        o->d[i] = sa == 1 ? sb : sa;
    }
    o->d[nbat] = a->d[a->ndim - 2];
    o->d[nbat + 1] = b->d[b->ndim - 2];
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_sb_printf(sb, "p=%g", L->p.cdist.p); }

static void expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb) {
    (void)n_in;
    cnnc_sb_printf(sb, "torch.cdist(%s, %s, p=%g)", in[0], in[1], L->p.cdist.p);
}

const cnnc_layer_def cnnc_layer_cdist = {
    .kind = CNNC_CDIST,
    .name = "cdist",
    .functional = "cdist(x1, x2, p=2.0, compute_mode='use_mm_for_euclid_dist_if_necessary')",
    .functional_in = CNNC_FN_TORCH,
    .flags = CNNC_LAYER_BWD_NEEDS_IN,
    .build = build,
    .shape = shape,
    .render = render,
    .expr = expr,
};
