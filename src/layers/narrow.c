/* narrow.c — Tensor.narrow(dim, start, length): what x.chunk(k, dim),
 * x.split(n, dim) and basic slicing x[:, a:b] lower to, one node per piece.
 * PyTorch 1.13's checks in its order (at::native::narrow). */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_narrow_params *p = &L->p.narrow;
    const char *names[3] = {"dim", "start", "length"};
    int64_t *dst[3] = {&p->dim, &p->start, &p->length};
    (void)call;
    for (int k = 0; k < 3; k++) {
        if (!a[k]) return cnnc_arg_fail(err, CNNC_ERR_PARSE, call, "TypeError", "narrow() missing required argument '%s'", names[k]);
        cnnc_status st = cnnc_int_arg(a[k], "narrow", names[k], k + 1, dst[k], err);
        if (st) return st;
    }
    return CNNC_OK;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_narrow_params *p = &L->p.narrow;
    const cnnc_shape *in = ins[0];
    (void)n_in; (void)train;
    if (in->ndim == 0) return cnnc_shape_fail(err, "RuntimeError", "narrow() cannot be applied to a 0-dim tensor.");
    int64_t dim, start = p->start;
    cnnc_status st = cnnc_wrap_dim_or_fail(p->dim, in->ndim, &dim, err);
    if (st) return st;
    const int64_t cur = in->d[dim];
    /* start == size is a valid (empty) start but not a valid index: it is not wrapped */
    if (start != cur && (st = cnnc_wrap_dim_or_fail(start, cur, &start, err))) return st;
    if (!(p->length >= 0 && start <= cur - p->length))
        return cnnc_shape_fail(err, "RuntimeError", "start (%lld) + length (%lld) exceeds dimension size (%lld).",
                               (long long)start, (long long)p->length, (long long)cur);
    ls->out = *in;
    ls->out.d[dim] = p->length;
    cnnc_slice_geom *g = &ls->g.slice;
    g->outer = cnnc_dims_product(in, 0, (int32_t)dim);
    g->inner = cnnc_dims_product(in, (int32_t)dim + 1, in->ndim);
    g->whole = cur;
    g->start = start;
    g->part = p->length;
    return CNNC_OK;
}

static void cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    const double out = (double)s->out_numel, in = (double)cnnc_shape_numel(&s->in);
    (void)L;
    c->fwd_bytes = 8.0 * out;
    c->bwd_bytes = has_din ? 4.0 * (out + in) : 0.0;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_narrow_params *p = &L->p.narrow;
    cnnc_sb_printf(sb, "%lld, %lld, %lld", (long long)p->dim, (long long)p->start, (long long)p->length);
}

const cnnc_layer_def cnnc_layer_narrow = {
    .kind = CNNC_NARROW,
    .name = "narrow",
    .functional = "narrow(input, dim, start, length)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = 0,
    .build = build,
    .shape = shape,
    .cost = cost,
    .render = render,
};
