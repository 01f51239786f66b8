/* permute.c — torch.permute / Tensor.permute(dims): PyTorch 1.13's checks in
 * its order: the count of dims, then each dim wrapped and checked against the
 * ones before it. The kernels gather through cnnc_permute_geom. */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_permute_params *p = &L->p.permute;
    const cnnc_arg *d = a[0];
    p->ndim = 0;
    if (!d) return cnnc_arg_fail(err, CNNC_ERR_PARSE, call, "TypeError", "permute() missing 1 required positional arguments: \"dims\"");
    if (cnnc_arg_is_int(d)) {   /* x.permute(0) on a 1-D tensor */
        p->dims[0] = d->i;
        p->ndim = 1;
        return CNNC_OK;
    }
    if (d->kind != CNNC_ARG_TUPLE && d->kind != CNNC_ARG_LIST)
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, d, "TypeError", "permute(): argument 'dims' (position 1) must be tuple of ints, not %s",
                             cnnc_arg_type_name(d));
    if (d->n > CNNC_MAX_DIMS)
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, d, "NotImplementedError", "cnnc tensors have at most %d dims; permute lists %d",
                             CNNC_MAX_DIMS, (int)d->n);
    for (int32_t k = 0; k < d->n; k++) {
        if (!cnnc_arg_is_int(&d->items[k]))
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, d, "TypeError",
                                 "permute(): argument 'dims' must be tuple of ints, but found element of type %s at pos %d",
                                 cnnc_arg_type_name(&d->items[k]), (int)k + 1);
        p->dims[k] = d->items[k].i;
    }
    p->ndim = d->n;
    return CNNC_OK;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_permute_params *p = &L->p.permute;
    const cnnc_shape *in = ins[0];
    (void)n_in; (void)train;
    if (p->ndim != in->ndim)
        return cnnc_shape_fail(err, "RuntimeError",
                               "permute(sparse_coo): number of dimensions in the tensor input does not match the length of "
                               "the desired ordering of dimensions i.e. input.dim() = %d is not equal to len(dims) = %d",
                               (int)in->ndim, (int)p->ndim);
    int64_t perm[CNNC_MAX_DIMS];
    uint32_t seen = 0;
    for (int32_t k = 0; k < p->ndim; k++) {   /* one dim at a time: wrapped, then checked against those before */
        cnnc_status st = cnnc_wrap_dim_or_fail(p->dims[k], in->ndim, &perm[k], err);
        if (st) return st;
        if (seen & (1u << perm[k])) return cnnc_shape_fail(err, "RuntimeError", "permute(): duplicate dims are not allowed.");
        seen |= 1u << perm[k];
    }
    ls->out.ndim = in->ndim;
    for (int32_t k = 0; k < in->ndim; k++) ls->out.d[k] = in->d[perm[k]];
    cnnc_permute_geometry(in, perm, &ls->g.permute);
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_render_dims(sb, L->p.permute.dims, L->p.permute.ndim); }

const cnnc_layer_def cnnc_layer_permute = {
    .kind = CNNC_PERMUTE,
    .name = "permute",
    .functional = "permute(input, dims)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = 0,
    .build = build,
    .shape = shape,
    .cost = cnnc_copy_cost,
    .render = render,
};
