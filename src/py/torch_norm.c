/* torch_norm.c — torch.norm / Tensor.norm, F.normalize and F.pairwise_distance
 * onto the vector_norm kind, as PyTorch 1.13 builds them: torch.norm(x, p, dim)
 * is the p-norm for a number p, and frobenius_norm (the 2-norm over at most two
 * dims) for 'fro';
 * F.normalize is x / norm(x, p, dim, keepdim=True).clamp_min(eps);
 * pairwise_distance is norm(x1 - x2 + eps, p, last dim, keepdim). Matrix norms
 * and orders below 1 are refused. torch.var / std (the moments) bind here too. */
#include "py/torch_internal.h"

#include <math.h>
#include <string.h>

static int number_of(py_val v, double *out) {
    if (v.t == PV_INT || v.t == PV_BOOL) { *out = (double)v.u.i; return !v.big; }
    if (v.t == PV_FLOAT) { *out = v.u.f; return 1; }
    return 0;
}

/* The order p as torch.norm reads it: None and 'fro' are 2 (the caller checks 'fro''s dims). */
static int norm_order(interp *I, py_val p, const char *fn, double *ord) {
    *ord = 2.0;
    if (p.t == PV_UNBOUND || p.t == PV_NONE) return 0;
    if (p.t == PV_STR) {
        const py_str *sp = pv_as_str(p);
        if (sp->len == 3 && !memcmp(sp->s, "fro", 3)) return 0;
        return py_unsupported(I, "cnnc cannot follow %s with p='%.*s' (a matrix norm)", fn, (int)(sp->len < 20 ? sp->len : 20), sp->s);
    }
    if (!number_of(p, ord)) return py_unsupported(I, "cnnc cannot follow %s with p of type %s", fn, py_type_name(&p));
    if (!(*ord >= 1.0)) return py_unsupported(I, "cnnc cannot follow %s of order %g (cnnc runs p >= 1 and inf)", fn, *ord);
    return 0;
}

/* dim: None (every dim), an int, or a tuple/list of ints. */
static int norm_dims(interp *I, py_val dim, const char *fn, cnnc_reduce_params *p) {
    p->n_dims = 0;
    if (dim.t == PV_UNBOUND || dim.t == PV_NONE) return 0;
    if (dim.t == PV_INT && !dim.big) {
        p->dims[0] = dim.u.i;
        p->n_dims = 1;
        return 0;
    }
    if (dim.t != PV_TUPLE && dim.t != PV_LIST) return py_unsupported(I, "cnnc cannot follow %s with a dim of type %s", fn, py_type_name(&dim));
    const py_seq *q = pv_as_seq(dim);
    if (q->n > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc tensors have at most %d dims", CNNC_MAX_DIMS);
    for (int32_t k = 0; k < q->n; k++) {
        if (q->v[k].t != PV_INT || q->v[k].big)
            return py_unsupported(I, "cnnc cannot follow %s with a dim list holding a %s", fn, py_type_name(&q->v[k]));
        p->dims[k] = q->v[k].u.i;
    }
    p->n_dims = q->n;
    return 0;
}

static int trace_norm(interp *I, py_val x, double ord, int fro, py_val dim, int keepdim, const char *fn, py_val *out) {
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    p.reduce.ord = ord;
    p.reduce.form = fro;
    p.reduce.keepdim = keepdim;
    if (norm_dims(I, dim, fn, &p.reduce)) return -1;
    return py_trace_op(I, CNNC_VECTOR_NORM, &p, &x, 1, NULL, "norm", out);
}

static int keepdim_of(interp *I, py_val v, const char *fn, int *out) {
    *out = 0;
    if (v.t == PV_UNBOUND) return 0;
    if (v.t != PV_BOOL) return py_unsupported(I, "cnnc cannot follow %s with a keepdim of type %s", fn, py_type_name(&v));
    *out = (int)v.u.i;
    return 0;
}

/* torch.norm(input, p='fro', dim=None, keepdim=False, out=None, dtype=None) and
 * Tensor.norm(p='fro', dim=None, keepdim=False, dtype=None): Python functions. */
int torch_norm(ARGS) {
    const int is_method = self.t == PV_TENSOR;
    py_val b[6];
    const char *sig_text = is_method ? "p='fro', dim=None, keepdim=False, dtype=None"
                                     : "input, p='fro', dim=None, keepdim=False, out=None, dtype=None";
    const py_sig *sig = py_sig_cached(I, sig_text, -1);
    if (!sig || py_bind_sig(I, sig, "norm", is_method, a, n, kw, kwv, n_kw, b)) return -1;
    const py_val x = is_method ? self : b[0];
    const py_val *r = is_method ? b : b + 1;   /* p, dim, keepdim, then out/dtype */
    if (x.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow torch.norm of a %s", py_type_name(&x));
    const py_val out_v = is_method ? pv_unbound() : r[3], dtype = is_method ? r[3] : r[4];
    if ((out_v.t != PV_UNBOUND && out_v.t != PV_NONE) || (dtype.t != PV_UNBOUND && dtype.t != PV_NONE))
        return py_unsupported(I, "cnnc cannot follow torch.norm with out= or dtype=");
    double ord;
    int keep;
    if (norm_order(I, r[0], "torch.norm", &ord) || keepdim_of(I, r[2], "torch.norm", &keep)) return -1;
    /* p='fro' (the default) is frobenius_norm, with its own dim checks */
    const int fro = r[0].t == PV_UNBOUND || r[0].t == PV_STR;
    return trace_norm(I, x, ord, fro, r[1], keep, "torch.norm", out);
}

/* torch.linalg.vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None) and
 * torch.linalg.norm(A, ord=None, dim=None, keepdim=False, *, out=None, dtype=None) where it is
 * a vector norm: over every dim (no ord, no dim), over one dim, or Frobenius's over two
 * (ord None or 'fro'). Matrix norms of other orders are refused. */
int torch_linalg_norm(ARGS) {
    UNUSED;
    const int vector = !strcmp(I->callee->name, "vector_norm");
    const char *fn = vector ? "torch.linalg.vector_norm" : "torch.linalg.norm";
    py_val b[6];
    const py_sig *sig = py_sig_cached(I, vector ? "x, ord=2, dim=None, keepdim=False, *, dtype=None"
                                                : "A, ord=None, dim=None, keepdim=False, *, out=None, dtype=None", -1);
    if (!sig || py_bind_sig(I, sig, vector ? "linalg_vector_norm" : "linalg_norm", 0, a, n, kw, kwv, n_kw, b)) return -1;
    if (b[0].t != PV_TENSOR)
        return py_raise(I, "TypeError", "%s(): argument '%s' (position 1) must be Tensor, not %s", vector ? "linalg_vector_norm" : "linalg_norm",
                        vector ? "x" : "A", py_type_name(&b[0]));
    for (int k = 4; k < (vector ? 5 : 6); k++)
        if (b[k].t != PV_UNBOUND && b[k].t != PV_NONE) return py_unsupported(I, "cnnc cannot follow %s with out= or dtype=", fn);
    int keep;
    if (keepdim_of(I, b[3], fn, &keep)) return -1;
    const py_val ord = b[1], dim = b[2];
    const int no_ord = ord.t == PV_UNBOUND || ord.t == PV_NONE;
    const int two_dims = (dim.t == PV_TUPLE || dim.t == PV_LIST) && pv_as_seq(dim)->n == 2;
    const int rank = pv_as_tensor(b[0])->shape.ndim;
    if (!vector && !no_ord && (two_dims || ((dim.t == PV_UNBOUND || dim.t == PV_NONE) && rank == 2)) &&
        !(ord.t == PV_STR && pv_as_str(ord)->len == 3 && !memcmp(pv_as_str(ord)->s, "fro", 3)))
        return py_unsupported(I, "cnnc cannot follow %s as a matrix norm of another order than 'fro'", fn);
    double p = 2.0;
    if (!no_ord && !(ord.t == PV_STR) && norm_order(I, ord, fn, &p)) return -1;
    if (ord.t == PV_STR && vector) return py_unsupported(I, "cnnc cannot follow %s with a str ord", fn);
    return trace_norm(I, b[0], p, 0, dim, keep, fn, out);
}

/* F.normalize(input, p=2.0, dim=1, eps=1e-12, out=None): a Python function. */
int torch_normalize(ARGS) {
    UNUSED;
    py_val b[5];
    const py_sig *sig = py_sig_cached(I, "input, p=2.0, dim=1, eps=1e-12, out=None", -1);
    if (!sig || py_bind_sig(I, sig, "normalize", 0, a, n, kw, kwv, n_kw, b)) return -1;
    if (b[0].t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow F.normalize of a %s", py_type_name(&b[0]));
    if (b[4].t != PV_UNBOUND && b[4].t != PV_NONE) return py_unsupported(I, "cnnc cannot follow F.normalize with out=");
    double ord, eps = 1e-12;
    if (norm_order(I, b[1], "F.normalize", &ord)) return -1;
    if (b[3].t != PV_UNBOUND && !number_of(b[3], &eps))
        return py_unsupported(I, "cnnc cannot follow F.normalize with an eps of type %s", py_type_name(&b[3]));
    py_val norm, denom;
    if (trace_norm(I, b[0], ord, 0, b[2].t == PV_UNBOUND ? pv_int(1) : b[2], 1, "F.normalize", &norm)) return -1;
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    p.clamp.min = eps;
    p.clamp.has_min = 1;
    if (py_trace_op(I, CNNC_CLAMP, &p, &norm, 1, NULL, "clamp_min", &denom)) return -1;
    return py_binop(I, PY_OP_SLASH, b[0], denom, out);   /* denom.expand_as(input): the division broadcasts alike */
}

/* F.pairwise_distance / torch.pairwise_distance(x1, x2, p=2.0, eps=1e-06, keepdim=False):
 * ATen's, bound by PyTorch's C++ argument parser. */
int torch_pairwise_distance(ARGS) {
    UNUSED;
    py_val b[5];
    const py_sig *sig = py_sig_cached(I, "x1, x2, p=2.0, eps=1e-06, keepdim=False", -1);
    if (!sig || py_bind_sig_as(I, sig, "pairwise_distance", 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    if (b[0].t != PV_TENSOR || b[1].t != PV_TENSOR)
        return py_unsupported(I, "cnnc cannot follow pairwise_distance of a %s", py_type_name(b[0].t != PV_TENSOR ? &b[0] : &b[1]));
    double ord = 2.0, eps = 1e-6;
    int keep;
    if (b[2].t != PV_UNBOUND && (b[2].t == PV_BOOL || !number_of(b[2], &ord)))
        return py_unsupported(I, "cnnc cannot follow pairwise_distance with a p of type %s", py_type_name(&b[2]));
    if (!(ord >= 1.0)) return py_unsupported(I, "cnnc cannot follow pairwise_distance of order %g (cnnc runs p >= 1 and inf)", ord);
    if (b[3].t != PV_UNBOUND && (b[3].t == PV_BOOL || !number_of(b[3], &eps)))
        return py_unsupported(I, "cnnc cannot follow pairwise_distance with an eps of type %s", py_type_name(&b[3]));
    if (keepdim_of(I, b[4], "pairwise_distance", &keep)) return -1;
    const int32_t d1 = pv_as_tensor(b[0])->shape.ndim, d2 = pv_as_tensor(b[1])->shape.ndim;
    const int32_t innermost = (d1 > d2 ? d1 : d2) - 1;
    py_val diff, shifted;
    if (py_binop(I, PY_OP_MINUS, b[0], b[1], &diff) || py_binop(I, PY_OP_PLUS, diff, pv_float(eps), &shifted)) return -1;
    return trace_norm(I, shifted, ord, 0, pv_int(innermost), keep, "pairwise_distance", out);
}

/* torch.var / torch.std and Tensor.var / Tensor.std: their overloads (dim, unbiased,
 * keepdim by position or name; correction by name; or unbiased alone). Other forms are
 * refused rather than worded: PyTorch lists its overloads. */
int torch_moment(ARGS) {
    const char *fn = I->callee->name;
    const int is_method = self.t == PV_TENSOR, is_std = fn[0] == 's';
    py_val x = is_method ? self : n > 0 ? a[0] : pv_unbound();
    int32_t next = is_method ? 0 : 1;
    py_val dim = pv_unbound(), unb = pv_unbound(), keep = pv_unbound(), corr = pv_unbound();
    if (next < n && a[next].t == PV_BOOL && n - next == 1) {   /* var(unbiased) */
        unb = a[next++];
    } else {
        if (next < n) dim = a[next++];
        if (next < n) unb = a[next++];
        if (next < n) keep = a[next++];
    }
    if (next < n) return py_unsupported(I, "cnnc cannot follow this call of %s()", fn);
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        py_val *slot = !strcmp(nm, "dim") ? &dim : !strcmp(nm, "unbiased") ? &unb : !strcmp(nm, "keepdim") ? &keep
                     : !strcmp(nm, "correction") ? &corr : (!strcmp(nm, "input") && !is_method) ? &x : NULL;
        if (!slot || slot->t != PV_UNBOUND) return py_unsupported(I, "cnnc cannot follow %s() with %s=", fn, nm);
        *slot = kwv[k];
    }
    if (x.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow %s() of a %s", fn, py_type_name(&x));
    if ((unb.t != PV_UNBOUND && unb.t != PV_BOOL) || (keep.t != PV_UNBOUND && keep.t != PV_BOOL) ||
        (corr.t != PV_UNBOUND && !(corr.t == PV_INT && !corr.big)) || (unb.t != PV_UNBOUND && corr.t != PV_UNBOUND))
        return py_unsupported(I, "cnnc cannot follow how PyTorch words this call of %s()", fn);
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    p.reduce.correction = corr.t == PV_INT ? (double)corr.u.i : unb.t == PV_BOOL ? (double)unb.u.i : 1.0;
    p.reduce.keepdim = keep.t == PV_BOOL ? (int)keep.u.i : 0;
    if (norm_dims(I, dim, fn, &p.reduce)) return -1;
    if (!strstr(fn, "_mean")) return py_trace_op(I, is_std ? CNNC_STD : CNNC_VAR, &p, &x, 1, NULL, fn, out);
    /* std_mean / var_mean: a plain tuple (moment, mean) over the same dims */
    py_val pair = pv_seq(I, PV_TUPLE, 2);
    if (pair.t == PV_UNBOUND) return py_nomem(I);
    if (py_trace_op(I, is_std ? CNNC_STD : CNNC_VAR, &p, &x, 1, NULL, fn, &pv_as_seq(pair)->v[0]) ||
        py_trace_op(I, CNNC_MEAN, &p, &x, 1, NULL, fn, &pv_as_seq(pair)->v[1]))
        return -1;
    *out = pair;
    return 0;
}

/* torch.renorm(input, p, dim, maxnorm) / Tensor.renorm: each slice along dim rescaled to a p-norm
 * of at most maxnorm (EEGNet's Conv2dWithConstraint on its weight's data). ATen's checks in
 * its order; the result has input's shape, its values are not followed. */
int torch_renorm(ARGS) {
    UNUSED;
    const int is_method = self.t == PV_TENSOR;
    py_val b[4];
    const py_sig *sig = py_sig_cached(I, is_method ? "p, dim, maxnorm" : "input, p, dim, maxnorm", -1);
    if (!sig || py_bind_sig_as(I, sig, "renorm", 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    const int at = is_method ? 0 : 1;
    const py_val x = is_method ? self : b[0], dim = b[at + 1];
    double ord, maxnorm;
    if (x.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow renorm() of a %s", py_type_name(&x));
    if (!number_of(b[at], &ord) || !number_of(b[at + 2], &maxnorm))
        return py_unsupported(I, "cnnc cannot follow renorm() with a p or maxnorm of types %s and %s", py_type_name(&b[at]),
                              py_type_name(&b[at + 2]));
    if (!pv_is_int(dim) || dim.t == PV_BOOL || dim.big) return py_unsupported(I, "cnnc cannot follow renorm() with a dim of type %s", py_type_name(&dim));
    const py_tensor *t = pv_as_tensor(x);
    if (t->is_complex || t->is_indices || t->is_mask) return py_unsupported(I, "cnnc follows renorm() of float tensors");
    if (!(ord > 0.0)) return torch_raise_shape(I, "RuntimeError", "renorm: non-positive-norm not supported");
    if (!(maxnorm >= 0.0)) return torch_raise_shape(I, "RuntimeError", "renorm: expected maxnorm to be >= 0 but got %g", maxnorm);
    if (t->shape.ndim < 2)
        return torch_raise_shape(I, "RuntimeError", "renorm: input needs at least 2 dimensions, got %d dimensions", (int)t->shape.ndim);
    int32_t d;
    if (torch_wrap_dim(I, dim.u.i, t->shape.ndim, &d)) return -1;
    if (torch_const_of(I, x, &t->shape, 0, out)) return -1;
    pv_as_tensor(*out)->known_float = 1;
    return 0;
}

/* F.layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05): the LayerNorm kind
 * without its affine (a node the engines run), then * weight and + bias as the graph's
 * broadcasting ops, after layer_norm's check of their shapes. */
int torch_f_layer_norm(ARGS) {
    UNUSED;
    py_val b[5];
    const py_sig *sig = py_sig_cached(I, "input, normalized_shape, weight=None, bias=None, eps=1e-05", -1);
    if (!sig || py_bind_sig_as(I, sig, "layer_norm", 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    if (b[0].t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow layer_norm of a %s", py_type_name(&b[0]));
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    cnnc_layernorm_params *q = &p.ln;
    const py_val ns = b[1];
    if (pv_is_seq(ns)) {   /* a bare int is refused by the binder: F.layer_norm(x, 4) */
        const py_seq *s = pv_as_seq(ns);
        if (s->n > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc follows layer_norm over at most %d dims", CNNC_MAX_DIMS);
        for (int32_t k = 0; k < s->n; k++) {
            if (!pv_is_int(s->v[k]) || s->v[k].t == PV_BOOL || s->v[k].big)
                return py_raise(I, "TypeError", "layer_norm(): argument 'normalized_shape' must be tuple of ints, but found "
                                                "element of type %s at pos %d", py_type_name(&s->v[k]), (int)k + 1);
            q->shape[k] = s->v[k].u.i;
        }
        q->ndim = s->n;
    } else {
        return py_raise(I, "TypeError", "layer_norm(): argument 'normalized_shape' (position 2) must be tuple of ints, not %s",
                        py_type_name(&ns));
    }
    q->eps = 1e-5;
    if (b[4].t != PV_UNBOUND && !number_of(b[4], &q->eps))
        return py_unsupported(I, "cnnc cannot follow layer_norm with eps of type %s", py_type_name(&b[4]));
    char want[24 * CNNC_MAX_DIMS];
    cnnc_shape nsh;
    memset(&nsh, 0, sizeof nsh);
    nsh.ndim = q->ndim;
    for (int32_t k = 0; k < q->ndim; k++) nsh.d[k] = q->shape[k];
    cnnc_shape_format(&nsh, want, sizeof want);
    for (int j = 2; j < 4; j++) {   /* weight, then bias: of normalized_shape's shape */
        if (b[j].t == PV_UNBOUND || b[j].t == PV_NONE) continue;
        if (b[j].t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow layer_norm with a %s %s", py_type_name(&b[j]), j == 2 ? "weight" : "bias");
        const cnnc_shape *w = &pv_as_tensor(b[j])->shape;
        if (w->ndim != nsh.ndim || memcmp(w->d, nsh.d, (size_t)w->ndim * sizeof w->d[0])) {
            char got[24 * CNNC_MAX_DIMS];
            cnnc_shape_format(w, got, sizeof got);
            return torch_raise_shape(I, "RuntimeError", "Expected %s to be of same shape as normalized_shape, but got %s of shape %s "
                                     "and normalized_shape = %s", j == 2 ? "weight" : "bias", j == 2 ? "weight" : "bias", got, want);
        }
    }
    py_val y;
    if (py_trace_op(I, CNNC_LAYERNORM, &p, &b[0], 1, NULL, "layer_norm", &y)) return -1;
    if (b[2].t == PV_TENSOR && py_binop(I, PY_OP_STAR, y, b[2], &y)) return -1;
    if (b[3].t == PV_TENSOR && py_binop(I, PY_OP_PLUS, y, b[3], &y)) return -1;
    *out = y;
    return 0;
}

/* v reshaped to [C, 1, ...] against an input of `ndim` dims: a per-channel affine term */
static int per_channel(interp *I, py_val v, int64_t c, int32_t ndim, py_val *out) {
    py_val sizes[CNNC_MAX_DIMS], fn;
    sizes[0] = pv_int(c);
    for (int32_t k = 1; k + 1 < ndim; k++) sizes[k] = pv_int(1);
    if (py_getattr(I, v, py_s(I, "reshape"), &fn)) return -1;
    return py_call(I, fn, sizes, ndim > 1 ? ndim - 1 : 1, NULL, NULL, 0, out);
}

/* F.group_norm(input, num_groups, weight=None, bias=None, eps=1e-05): the GroupNorm kind without
 * its affine (its shape rule has F.group_norm's and ATen's checks), ATen's checks of weight and
 * bias (the bias's words print the weight's shape, as 1.13's do), then * weight and + bias per
 * channel as the graph's broadcasting ops. */
int torch_f_group_norm(ARGS) {
    UNUSED;
    py_val b[5];
    const py_sig *sig = py_sig_cached(I, "input, num_groups, weight=None, bias=None, eps=1e-05", -1);
    if (!sig || py_bind_sig_as(I, sig, "group_norm", 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    if (b[0].t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow group_norm of a %s", py_type_name(&b[0]));
    if (!pv_is_int(b[1]) || b[1].t == PV_BOOL || b[1].big)
        return py_unsupported(I, "cnnc cannot follow group_norm with num_groups of type %s", py_type_name(&b[1]));
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    p.gn.num_groups = b[1].u.i;
    p.gn.eps = 1e-5;
    if (b[4].t != PV_UNBOUND && !number_of(b[4], &p.gn.eps))
        return py_unsupported(I, "cnnc cannot follow group_norm with eps of type %s", py_type_name(&b[4]));
    for (int j = 2; j < 4; j++)
        if (b[j].t != PV_UNBOUND && b[j].t != PV_NONE && b[j].t != PV_TENSOR)
            return py_unsupported(I, "cnnc cannot follow group_norm with a %s %s", py_type_name(&b[j]), j == 2 ? "weight" : "bias");
    py_val y;
    if (py_trace_op(I, CNNC_GROUPNORM, &p, &b[0], 1, NULL, "group_norm", &y)) return -1;
    const cnnc_shape *in = &pv_as_tensor(b[0])->shape;
    const int64_t c = in->d[1];
    char wshape[24 * CNNC_MAX_DIMS], ishape[24 * CNNC_MAX_DIMS];
    cnnc_shape none;
    memset(&none, 0, sizeof none);
    none.ndim = 1;   /* an undefined tensor's sizes print as [0] */
    cnnc_shape_format(b[2].t == PV_TENSOR ? &pv_as_tensor(b[2])->shape : &none, wshape, sizeof wshape);
    cnnc_shape_format(in, ishape, sizeof ishape);
    for (int j = 2; j < 4; j++) {
        if (b[j].t != PV_TENSOR) continue;
        const cnnc_shape *w = &pv_as_tensor(b[j])->shape;
        if (w->ndim != 1 || w->d[0] != c)
            return torch_raise_shape(I, "RuntimeError", "Expected %s to be a vector of size equal to the number of channels in input, "
                                     "but got %s of shape %s and input of shape %s", j == 2 ? "weight" : "bias",
                                     j == 2 ? "weight" : "bias", wshape, ishape);
    }
    for (int j = 2; j < 4; j++) {
        if (b[j].t != PV_TENSOR) continue;
        py_val term;
        if (per_channel(I, b[j], c, in->ndim, &term) || py_binop(I, j == 2 ? PY_OP_STAR : PY_OP_PLUS, y, term, &y)) return -1;
    }
    *out = y;
    return 0;
}
