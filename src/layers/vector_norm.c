/* vector_norm.c — torch.linalg.vector_norm(input, ord, dim, keepdim): what
 * torch.norm and Tensor.norm compute for a number or 'fro' over at most two
 * dims, and the norm inside F.normalize and F.pairwise_distance (src/py builds
 * those around it). The order is 1, 2, any p > 1, or inf; the reader refuses the
 * others. Dims and messages are the reductions' (reduce_common.c); the gradient
 * is ATen's norm_backward, 0 where the norm is 0. */
#include "layers/reduce_common.h"

#include <math.h>

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_reduce_params *p = &L->p.reduce;
    if (p->form == 1) {   /* frobenius_norm: at most two dims, wrapped, then different */
        if (p->n_dims > 2)
            return cnnc_shape_fail(err, "RuntimeError", "Expected at most 2 dimensions, but got %d dimensions instead.",
                                   (int)p->n_dims);
        int64_t w[2] = {0, 0};
        for (int32_t k = 0; k < p->n_dims; k++) {
            cnnc_status st = cnnc_wrap_dim_or_fail(p->dims[k], in[0]->ndim, &w[k], err);
            if (st) return st;
        }
        if (p->n_dims == 2 && w[0] == w[1])
            return cnnc_shape_fail(err, "RuntimeError", "Expected dims to be different, got [%lld, %lld] instead",
                                   (long long)p->dims[0], (long long)p->dims[1]);
    }
    return cnnc_reduce_shape(L, in, n_in, train, ls, err);
}

static void cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    cnnc_reduce_cost(L, s, has_din, c);
    c->fwd_flops *= 2.0;   /* |x|^p and the sum */
    c->bwd_flops *= 3.0;
}

/* torch.norm(x, p=2.0, dim=[1], keepdim=True), or without p for 'fro'. */
static void expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb) {
    const cnnc_reduce_params *p = &L->p.reduce;
    (void)n_in;
    cnnc_sb_printf(sb, "torch.norm(%s", in[0]);
    if (p->form == 1) cnnc_sb_puts(sb, "");   /* p='fro', the default */
    else if (isinf(p->ord)) cnnc_sb_puts(sb, ", p=float('inf')");
    else cnnc_render_float(sb, ", ", "p", p->ord);
    if (p->n_dims > 0 || p->keepdim) cnnc_sb_puts(sb, ", ");
    cnnc_reduce_render(L, sb);
    cnnc_sb_puts(sb, ")");
}

const cnnc_layer_def cnnc_layer_vector_norm = {
    .kind = CNNC_VECTOR_NORM,
    .name = "linalg_vector_norm",
    .functional = NULL,   /* reached through torch.norm, Tensor.norm, F.normalize, F.pairwise_distance (src/py) */
    .flags = CNNC_LAYER_BWD_NEEDS_IN | CNNC_LAYER_BWD_NEEDS_OUT,
    .shape = shape,
    .cost = cost,
    .render = cnnc_reduce_render,
    .expr = expr,
};
