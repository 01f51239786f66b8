/* softmax_common.c — Softmax and LogSoftmax's dim argument and shape rule. */
#include "layers/softmax_common.h"

#include <stdio.h>

cnnc_status cnnc_softmax_build(cnnc_layer *l, const cnnc_arg *dim, const char *fn, cnnc_error *err) {
    cnnc_softmax_params *q = &l->p.softmax;
    q->dim_kind = CNNC_DIM_NONE;
    q->dim = 0;
    q->name[0] = '\0';
    if (!dim || dim->kind == CNNC_ARG_NONE) return CNNC_OK;
    if (dim->kind == CNNC_ARG_INT) {
        q->dim_kind = CNNC_DIM_INT;
        q->dim = dim->i;
        return CNNC_OK;
    }
    if (dim->kind == CNNC_ARG_STR) {   /* a named dim: refused at forward, where the rank is known */
        q->dim_kind = CNNC_DIM_NAME;
        snprintf(q->name, sizeof q->name, "%.*s", (int)dim->slen, dim->s);
        return CNNC_OK;
    }
    return cnnc_arg_fail(err, CNNC_ERR_PARSE, dim, "TypeError",
                         "%s() received an invalid combination of arguments - got (%s), but expected one of:\n"
                         " * (int dim, torch.dtype dtype)\n * (name dim, *, torch.dtype dtype)\n",
                         fn, dim->kind == CNNC_ARG_DTYPE ? "torch.dtype" : cnnc_arg_type_name(dim));
}

cnnc_status cnnc_softmax_shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train,
                               cnnc_layer_shape *ls, cnnc_error *err) {
    const cnnc_softmax_params *q = &L->p.softmax;
    const cnnc_shape *in = ins[0];
    (void)n_in; (void)train;
    if (q->dim_kind == CNNC_DIM_NAME) {
        char dims[8 * CNNC_MAX_DIMS + 1] = "";
        cnnc_strbuf sb;
        cnnc_sb_fixed(&sb, dims, sizeof dims);
        for (int32_t k = 0; k < in->ndim; k++) cnnc_sb_puts(&sb, k ? ", None" : "None");
        return cnnc_shape_fail(err, "RuntimeError", "Name '%s' not found in Tensor[%s].", q->name, dims);
    }
    int64_t dim = q->dim, d;
    if (q->dim_kind == CNNC_DIM_NONE) dim = (in->ndim == 0 || in->ndim == 1 || in->ndim == 3) ? 0 : 1;
    if (!cnnc_wrap_dim(dim, in->ndim, &d)) {
        int32_t n = in->ndim > 0 ? in->ndim : 1;
        return cnnc_shape_fail(err, "IndexError", "Dimension out of range (expected to be in range of [%d, %d], but got %lld)",
                               -n, n - 1, (long long)dim);
    }
    cnnc_axis_geom *g = &ls->g.axis;
    g->outer = g->inner = 1;
    g->size = in->ndim > 0 ? in->d[d] : 1;
    for (int32_t k = 0; k < in->ndim; k++) {
        if (k < d) g->outer *= in->d[k];
        if (k > d) g->inner *= in->d[k];
    }
    ls->out = *in;
    return CNNC_OK;
}

void cnnc_softmax_render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_softmax_params *q = &L->p.softmax;
    if (q->dim_kind == CNNC_DIM_INT) cnnc_sb_printf(sb, "dim=%lld", (long long)q->dim);
    else if (q->dim_kind == CNNC_DIM_NAME) cnnc_sb_printf(sb, "dim='%s'", q->name);
}
