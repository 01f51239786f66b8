/* flatten.c — nn.Flatten, and Tensor.view / reshape read from Python source
 * (view_ndim > 0): ATen's infer_size rules and messages. */
#include "layers/layer_util.h"

#include <stdio.h>
#include <string.h>

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_status st;
    (void)call;
    l->p.flatten.start_dim = 1;
    l->p.flatten.end_dim = -1;
    if (a[0] && (st = cnnc_int_arg(a[0], "flatten", "start_dim", 2, &l->p.flatten.start_dim, err))) return st;
    if (a[1] && (st = cnnc_int_arg(a[1], "flatten", "end_dim", 3, &l->p.flatten.end_dim, err))) return st;
    return CNNC_OK;
}

/* Tensor.view / reshape (ATen infer_size): at most one -1, the sizes must
 * multiply to the input's numel. */
static cnnc_status view_shape(const cnnc_flatten_params *p, const cnnc_shape *in, cnnc_layer_shape *ls, cnnc_error *err) {
    int64_t numel = cnnc_shape_numel(in), prod = 1;
    int32_t infer = -1;
    cnnc_shape o;
    o.ndim = p->view_ndim;
    for (int32_t k = 0; k < p->view_ndim; k++) {
        int64_t v = p->view[k];
        if (v <= CNNC_VIEW_DIM(0)) {
            int64_t d = CNNC_VIEW_DIM(0) - v, n = in->ndim > 0 ? in->ndim : 1;
            if (d >= in->ndim)
                return cnnc_shape_fail(err, "IndexError",
                                       "Dimension out of range (expected to be in range of [%lld, %lld], but got %lld)",
                                       (long long)-n, (long long)(n - 1), (long long)d);
            v = in->d[d];
        }
        if (v == -1) {
            if (infer >= 0) return cnnc_shape_fail(err, "RuntimeError", "only one dimension can be inferred");
            infer = k;
        } else if (v < 0) {
            return cnnc_shape_fail(err, "RuntimeError", "invalid shape dimension %lld", (long long)v);
        } else if (__builtin_mul_overflow(prod, v, &prod)) {
            prod = -1;
        }
        o.d[k] = v;
    }
    int ok = prod >= 0;
    if (ok && infer >= 0) {
        if (prod == 0 && numel == 0) {
            CNNC_FMT_SHAPE(s, &o);
            return cnnc_shape_fail(err, "RuntimeError",
                                   "cannot reshape tensor of 0 elements into shape %s because the unspecified dimension size "
                                   "-1 can be any value and is ambiguous",
                                   s);
        }
        ok = prod != 0 && numel % prod == 0;
        if (ok) o.d[infer] = numel / prod;
    } else if (ok) {
        ok = prod == numel;
    }
    if (!ok) {
        CNNC_FMT_SHAPE(s, &o);
        return cnnc_shape_fail(err, "RuntimeError", "shape '%s' is invalid for input of size %lld", s, (long long)numel);
    }
    ls->out = o;
    return CNNC_OK;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_flatten_params *p = &L->p.flatten;
    const cnnc_shape *in = ins[0];
    (void)n_in; (void)train;
    if (p->view_ndim > 0 && p->view_ndim <= CNNC_MAX_DIMS) return view_shape(p, in, ls, err);
    if (p->view_ndim == CNNC_VIEW_SCALAR) {
        if (cnnc_shape_numel(in) != 1)
            return cnnc_shape_fail(err, "RuntimeError", "shape '[]' is invalid for input of size %lld", (long long)cnnc_shape_numel(in));
        memset(&ls->out, 0, sizeof ls->out);
        return CNNC_OK;
    }
    int32_t n = in->ndim > 0 ? in->ndim : 1;
    int64_t s, e;
    if (!cnnc_wrap_dim(p->start_dim, in->ndim, &s))
        return cnnc_shape_fail(err, "IndexError", "Dimension out of range (expected to be in range of [%d, %d], but got %lld)",
                               -n, n - 1, (long long)p->start_dim);
    if (!cnnc_wrap_dim(p->end_dim, in->ndim, &e))
        return cnnc_shape_fail(err, "IndexError", "Dimension out of range (expected to be in range of [%d, %d], but got %lld)",
                               -n, n - 1, (long long)p->end_dim);
    if (s > e) return cnnc_shape_fail(err, "RuntimeError", "flatten() has invalid args: start_dim cannot come after end_dim");
    if (in->ndim == 0) { ls->out.ndim = 1; ls->out.d[0] = 1; return CNNC_OK; }
    int64_t f = 1;
    for (int64_t i = s; i <= e; i++) f *= in->d[i];
    cnnc_shape o;
    o.ndim = 0;
    for (int64_t i = 0; i < s; i++) o.d[o.ndim++] = in->d[i];
    o.d[o.ndim++] = f;
    for (int64_t i = e + 1; i < in->ndim; i++) o.d[o.ndim++] = in->d[i];
    ls->out = o;
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const char *sep = "";
    if (L->p.flatten.start_dim != 1) { cnnc_sb_printf(sb, "start_dim=%lld", (long long)L->p.flatten.start_dim); sep = ", "; }
    if (L->p.flatten.end_dim != -1) cnnc_sb_printf(sb, "%send_dim=%lld", sep, (long long)L->p.flatten.end_dim);
}

static void trail(const cnnc_layer *L, const char *who, const cnnc_shape *in, const cnnc_shape *out, cnnc_strbuf *sb) {
    CNNC_FMT_SHAPE(s, out);
    CNNC_FMT_SHAPE(ps, in);
    if (L->p.flatten.view_ndim != 0) {
        cnnc_sb_printf(sb, "%s made %s from %s", who, s, ps);
        return;
    }
    int64_t st, en;
    if (!cnnc_wrap_dim(L->p.flatten.start_dim, in->ndim, &st) || !cnnc_wrap_dim(L->p.flatten.end_dim, in->ndim, &en) ||
        in->ndim == 0) {
        cnnc_sb_printf(sb, "%s made %s", who, s);
        return;
    }
    int64_t f = 1;
    cnnc_sb_printf(sb, "flatten of %s = ", ps);
    for (int64_t i = st; i <= en; i++) {
        cnnc_sb_printf(sb, i > st ? "*%lld" : "%lld", (long long)in->d[i]);
        f *= in->d[i];
    }
    cnnc_sb_printf(sb, " = %lld features (%s)", (long long)f, who);
}

/* Module form, or the view a .py wrote: "x.view(x.size(0), -1)". */
static void expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb) {
    (void)n_in;
    const cnnc_flatten_params *p = &L->p.flatten;
    if (p->view_ndim == 0) {
        cnnc_sb_puts(sb, "nn.Flatten(");
        render(L, sb);
        cnnc_sb_printf(sb, ")(%s)", in[0]);
        return;
    }
    if (p->view_ndim == CNNC_VIEW_SCALAR) {
        cnnc_sb_printf(sb, "%s.reshape(())", in[0]);
        return;
    }
    cnnc_sb_printf(sb, "%s.reshape(", in[0]);
    for (int32_t k = 0; k < p->view_ndim && k < CNNC_MAX_DIMS; k++) {
        int64_t v = p->view[k];
        if (k) cnnc_sb_puts(sb, ", ");
        if (v <= CNNC_VIEW_DIM(0)) cnnc_sb_printf(sb, "%s.size(%lld)", in[0], (long long)(-2 - v));
        else cnnc_sb_printf(sb, "%lld", (long long)v);
    }
    cnnc_sb_puts(sb, p->view_ndim == 1 ? ",)" : ")");
}

const cnnc_layer_def cnnc_layer_flatten = {
    .kind = CNNC_FLATTEN,
    .name = "Flatten",
    .qualname = "Flatten",
    .module = "flatten",
    .signature = "start_dim=1, end_dim=-1",
    .functional = "flatten(input, start_dim=0, end_dim=-1)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_ARGS_CHECKED_AT_CALL,
    .build = build,
    .shape = shape,
    .cost = cnnc_copy_cost,
    .render = render,
    .expr = expr,
    .trail = trail,
};
