/* transpose.c — torch.transpose / Tensor.transpose(dim0, dim1) (and
 * swapaxes): both dims wrapped (maybe_wrap_dim), then a permute of the two;
 * it runs on the permute kernels. ShuffleNet's channel shuffle is view ->
 * transpose -> contiguous -> view. */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_status st;
    if (!a[0] || !a[1])
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, call, "TypeError", "transpose() missing required argument '%s'",
                             a[0] ? "dim1" : "dim0");
    if ((st = cnnc_int_arg(a[0], "transpose", "dim0", 1, &L->p.transpose.dim0, err))) return st;
    return cnnc_int_arg(a[1], "transpose", "dim1", 2, &L->p.transpose.dim1, err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_shape *in = ins[0];
    int64_t d0, d1, perm[CNNC_MAX_DIMS];
    cnnc_status st;
    (void)n_in; (void)train;
    if ((st = cnnc_wrap_dim_or_fail(L->p.transpose.dim0, in->ndim, &d0, err))) return st;
    if ((st = cnnc_wrap_dim_or_fail(L->p.transpose.dim1, in->ndim, &d1, err))) return st;
    for (int32_t k = 0; k < in->ndim; k++) perm[k] = k;
    if (in->ndim > 0) {
        perm[d0] = d1;
        perm[d1] = d0;
    }
    ls->out.ndim = in->ndim;
    for (int32_t k = 0; k < in->ndim; k++) ls->out.d[k] = in->d[perm[k]];
    cnnc_permute_geometry(in, perm, &ls->g.permute);
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    cnnc_sb_printf(sb, "%lld, %lld", (long long)L->p.transpose.dim0, (long long)L->p.transpose.dim1);
}

const cnnc_layer_def cnnc_layer_transpose = {
    .kind = CNNC_TRANSPOSE,
    .name = "transpose",
    .functional = "transpose(input, dim0, dim1)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = 0,
    .build = build,
    .shape = shape,
    .cost = cnnc_copy_cost,
    .render = render,
};
