/* cat.c — torch.cat / torch.concat(tensors, dim=0) over any number of node
 * inputs, with PyTorch 1.13's checks in its order (cat_meta): zero-dim
 * inputs, the legacy skip of 1-D empty tensors, dim wrapped by the first
 * tensor that is not skipped, then ranks and sizes against that tensor. */
#include "layers/layer_util.h"

/* 1-D tensors of size 0 take no part (kept for backward compatibility by PyTorch). */
static int skipped(const cnnc_shape *s) { return s->ndim == 1 && s->d[0] == 0; }

static cnnc_status build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    L->p.cat.dim = 0;
    return a[0] ? cnnc_int_arg(a[0], "cat", "dim", 2, &L->p.cat.dim, err) : CNNC_OK;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)train;
    for (int32_t k = 0; k < n_in; k++)
        if (in[k]->ndim == 0)
            return cnnc_shape_fail(err, "RuntimeError", "zero-dimensional tensor (at position %d) cannot be concatenated", (int)k);
    int32_t valid = -1;
    for (int32_t k = 0; k < n_in && valid < 0; k++)
        if (!skipped(in[k])) valid = k;
    int64_t dim = L->p.cat.dim;
    cnnc_status st;
    if (valid >= 0 && (st = cnnc_wrap_dim_or_fail(dim, in[valid]->ndim, &dim, err))) return st;
    if (n_in == 0) return cnnc_shape_fail(err, "RuntimeError", "torch.cat(): expected a non-empty list of Tensors");
    cnnc_slice_geom *g = &ls->g.slice;
    if (valid < 0) {   /* every input skipped: PyTorch returns a size-[0] tensor */
        ls->out.ndim = 1;
        ls->out.d[0] = 0;
        g->outer = g->inner = 1;
        g->whole = g->start = g->part = 0;
        return CNNC_OK;
    }
    const cnnc_shape *ref = in[valid];
    int64_t total = 0;
    for (int32_t k = 0; k < n_in; k++) {
        const cnnc_shape *t = in[k];
        if (skipped(t)) continue;
        if (t->ndim != ref->ndim)
            return cnnc_shape_fail(err, "RuntimeError", "Tensors must have same number of dimensions: got %d and %d",
                                   (int)ref->ndim, (int)t->ndim);
        for (int32_t d = 0; d < ref->ndim; d++)
            if (d != dim && t->d[d] != ref->d[d])
                return cnnc_shape_fail(err, "RuntimeError",
                                       "Sizes of tensors must match except in dimension %lld. Expected size %lld but got size "
                                       "%lld for tensor number %d in the list.",
                                       (long long)dim, (long long)ref->d[d], (long long)t->d[d], (int)k);
        if (__builtin_add_overflow(total, t->d[dim], &total))
            return cnnc_shape_fail(err, "RuntimeError", "cat: the sizes along dim %lld overflow", (long long)dim);
    }
    ls->out = *ref;
    ls->out.d[dim] = total;
    g->outer = cnnc_dims_product(ref, 0, (int32_t)dim);
    g->inner = cnnc_dims_product(ref, (int32_t)dim + 1, ref->ndim);
    g->whole = total;
    g->start = 0;
    g->part = total;
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    if (L->p.cat.dim != 0) cnnc_sb_printf(sb, "dim=%lld", (long long)L->p.cat.dim);
}

const cnnc_layer_def cnnc_layer_cat = {
    .kind = CNNC_CAT,
    .name = "cat",
    .functional = "cat(tensors, dim=0)",
    .functional_in = CNNC_FN_TORCH,
    .flags = 0,
    .build = build,
    .shape = shape,
    .cost = cnnc_copy_cost,
    .render = render,
};
