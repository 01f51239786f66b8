/* expand_as.c — Tensor.expand_as(other): expand to other's shape. The node
 * reads both tensors (other only for its shape, so it replays at any batch
 * size) and sends other no gradient. */
#include "layers/expand_common.h"

static cnnc_status build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)L; (void)call;
    /* a tensor `other` is a node input, not an argument: anything here is not a tensor */
    if (a[0])
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, a[0], "TypeError", "expand_as(): argument 'other' (position 1) must be Tensor, not %s",
                             cnnc_arg_type_name(a[0]));
    return CNNC_OK;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)L; (void)train;
    if (n_in < 2) return cnnc_shape_unsupported(err, "expand_as() needs the tensor to expand and the other tensor");
    return cnnc_expand_to(in[0], in[1]->d, in[1]->ndim, ls, err);
}

static void expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb) {
    (void)L; (void)n_in;
    cnnc_sb_printf(sb, "%s.expand_as(%s)", in[0], in[1]);
}

const cnnc_layer_def cnnc_layer_expand_as = {
    .kind = CNNC_EXPAND_AS,
    .name = "expand_as",
    .functional = "expand_as(input, other)",
    .functional_in = CNNC_FN_TENSOR,
    .flags = 0,
    .build = build,
    .shape = shape,
    .cost = cnnc_expand_cost,
    .expr = expr,
};
