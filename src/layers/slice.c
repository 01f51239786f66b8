/* slice.c — torch.slice_copy(input, dim, start, end, step): basic slicing with
 * a step (x[:, :, ::2], x[..., 1::2]), one node per sliced dim. PyTorch 1.13's
 * checks and clamping in its order (at::native::slice); forward gathers every
 * step-th element, backward scatters them back (zeros between). */
#include "layers/layer_util.h"

/* An int argument of slice_copy ("int" for dim, "SymInt" for the others): a bool
 * is refused, and so is None unless `optional` (start and end). */
static cnnc_status int_arg(const cnnc_arg *v, const char *name, const char *type, int position, int optional, int64_t *out,
                           int *given, cnnc_error *err) {
    *given = 0;
    if (!v || (optional && v->kind == CNNC_ARG_NONE)) return CNNC_OK;
    if (v->kind != CNNC_ARG_INT)
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "slice_copy(): argument '%s' (position %d) must be %s, not %s",
                             name, position, type, cnnc_arg_type_name(v));
    *out = v->i;
    *given = 1;
    return CNNC_OK;
}

static cnnc_status build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_slice_params *p = &L->p.slice;
    cnnc_status st;
    (void)call;
    p->dim = 0;
    p->start = p->end = 0;
    /* the declared default. torch 1.13's binding reads an omitted step uninitialised
     * (an error in one run, a huge step in the next); later releases take 1 */
    p->step = 1;
    int given;
    if ((st = int_arg(a[0], "dim", "int", 2, 0, &p->dim, &given, err))) return st;
    if ((st = int_arg(a[1], "start", "SymInt", 3, 1, &p->start, &p->has_start, err))) return st;
    if ((st = int_arg(a[2], "end", "SymInt", 4, 1, &p->end, &p->has_end, err))) return st;
    return int_arg(a[3], "step", "SymInt", 5, 0, &p->step, &given, err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_slice_params *p = &L->p.slice;
    const cnnc_shape *in = ins[0];
    (void)n_in; (void)train;
    if (in->ndim == 0) return cnnc_shape_fail(err, "IndexError", "slice() cannot be applied to a 0-dim tensor.");
    int64_t dim;
    cnnc_status st = cnnc_wrap_dim_or_fail(p->dim, in->ndim, &dim, err);
    if (st) return st;
    if (p->step <= 0) return cnnc_shape_fail(err, "RuntimeError", "slice step must be positive");
    const int64_t size = in->d[dim];
    int64_t start = p->has_start ? p->start : 0, end = p->has_end ? p->end : INT64_MAX;
    if (start < 0) start += size;
    if (end < 0) end += size;
    if (start < 0) start = 0;
    else if (start >= size) start = size;
    if (end < start) end = start;
    else if (end >= size) end = size;
    const int64_t len = end - start;
    cnnc_step_slice_geom *g = &ls->g.step_slice;
    g->outer = cnnc_dims_product(in, 0, (int32_t)dim);
    g->inner = cnnc_dims_product(in, (int32_t)dim + 1, in->ndim);
    g->whole = size;
    g->start = start;
    g->step = p->step;
    g->part = len == 0 ? 0 : 1 + (len - 1) / p->step;   /* ceil(len / step) without overflow */
    ls->out = *in;
    ls->out.d[dim] = g->part;
    return CNNC_OK;
}

static void cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    const double out = (double)s->out_numel, in = (double)cnnc_shape_numel(&s->in);
    (void)L;
    c->fwd_bytes = 8.0 * out;
    c->bwd_bytes = has_din ? 4.0 * (out + in) : 0.0;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_slice_params *p = &L->p.slice;
    cnnc_sb_printf(sb, "%lld, ", (long long)p->dim);
    if (p->has_start) cnnc_sb_printf(sb, "%lld, ", (long long)p->start);
    else cnnc_sb_puts(sb, "None, ");
    if (p->has_end) cnnc_sb_printf(sb, "%lld, ", (long long)p->end);
    else cnnc_sb_puts(sb, "None, ");
    cnnc_sb_printf(sb, "%lld", (long long)p->step);
}

static void expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb) {
    (void)n_in;
    cnnc_sb_printf(sb, "torch.slice_copy(%s, ", in[0]);
    render(L, sb);
    cnnc_sb_puts(sb, ")");
}

const cnnc_layer_def cnnc_layer_slice = {
    .kind = CNNC_SLICE,
    .name = "slice",
    .functional = "slice_copy(input, dim=0, start=None, end=None, step=1)",
    .functional_in = CNNC_FN_TORCH,
    .flags = 0,
    .build = build,
    .shape = shape,
    .cost = cost,
    .render = render,
    .expr = expr,
};
