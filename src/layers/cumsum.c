/* cumsum.c — torch.cumsum / Tensor.cumsum(dim, *, dtype=None): running sums along
 * a dim. The dim (an int, or a name that a tensor without names lacks) and the
 * [outer, size, inner] geometry are Softmax's (softmax_common.c). Backward is the
 * running sum from the end (cumsum_backward: grad.flip(dim).cumsum(dim).flip(dim)). */
#include "layers/softmax_common.h"

#include <stdio.h>
#include <string.h>

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_softmax_params *q = &l->p.softmax;
    memset(q, 0, sizeof *q);
    const cnnc_arg *dim = a[0], *dtype = a[1];
    if (dim && dim->kind == CNNC_ARG_STR) {
        q->dim_kind = CNNC_DIM_NAME;
        snprintf(q->name, sizeof q->name, "%.*s", (int)dim->slen, dim->s);
    } else if (dim && cnnc_arg_is_int(dim)) {
        q->dim_kind = CNNC_DIM_INT;
        q->dim = dim->i;
    } else {
        /* PyTorch's TypeError names the call's form (torch.cumsum or Tensor.cumsum), which the
         * binding does not tell apart: refused rather than half right */
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, dim ? dim : call, "NotImplementedError",
                             "cnnc follows cumsum with an int dim");
    }
    /* another dtype would change what every later op sees: float32 only */
    if (dtype && dtype->kind == CNNC_ARG_DTYPE) return cnnc_device_dtype_args(NULL, dtype, err);
    if (dtype && dtype->kind != CNNC_ARG_NONE)
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, dtype, "NotImplementedError", "cnnc follows cumsum with a torch.dtype dtype");
    return CNNC_OK;
}

static void cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    const double n = (double)s->out_numel;
    (void)L;
    c->fwd_flops = n;
    c->bwd_flops = has_din ? n : 0.0;
    c->fwd_bytes = 8.0 * n;
    c->bwd_bytes = has_din ? 8.0 * n : 0.0;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    if (L->p.softmax.dim_kind == CNNC_DIM_NAME) cnnc_sb_printf(sb, "'%s'", L->p.softmax.name);
    else cnnc_sb_printf(sb, "%lld", (long long)L->p.softmax.dim);
}

static void expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb) {
    (void)n_in;
    cnnc_sb_printf(sb, "torch.cumsum(%s, %lld)", in[0], (long long)L->p.softmax.dim);
}

const cnnc_layer_def cnnc_layer_cumsum = {
    .kind = CNNC_CUMSUM,
    .name = "cumsum",
    .functional = "cumsum(input, dim, *, dtype=None)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_KEEPS_SHAPE,
    .build = build,
    .shape = cnnc_softmax_shape,
    .cost = cost,
    .render = render,
    .expr = expr,
};
