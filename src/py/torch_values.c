/* torch_values.c — the few tensors whose values decide shapes in model code:
 * torch.tensor(data) (its shape from the nested data; a number keeps its value),
 * torch.arange (its length), and reading a known 0-d value back with item(),
 * int() and float() (EfficientNet's `int(torch.ceil(torch.tensor(n * d)).item())`).
 * Every other tensor's values stay unknown, and reading them is refused. */
#include "py/torch_internal.h"

#include <math.h>
#include <string.h>

/* A dtype= argument's kind: PV_FLOAT, PV_INT, PV_BOOL, or 0 for one cnnc does not
 * model (complex, quantized) or none given. */
/* The dtype= keyword's dtype name ("float32", "int64" ...), or NULL. */
static const char *dtype_named(interp *I, const py_sym *kw, const py_val *kwv, int32_t n_kw) {
    for (int32_t k = 0; k < n_kw; k++)
        if (!strcmp(py_sym_name(I->syms, kw[k]), "dtype") && kwv[k].t == PV_DTYPE) return (const char *)kwv[k].u.p;
    return NULL;
}

int torch_dtype_kind(interp *I, const py_sym *kw, const py_val *kwv, int32_t n_kw) {
    const char *d = dtype_named(I, kw, kwv, n_kw);
    if (!d) return 0;
    if (!strncmp(d, "float", 5) || !strcmp(d, "double") || !strcmp(d, "half") || !strcmp(d, "bfloat16")) return PV_FLOAT;
    return !strcmp(d, "bool") ? PV_BOOL : PV_INT;
}

/* dtype= among the keywords is torch.int64 (torch.long) */
int torch_dtype_is_int64(interp *I, const py_sym *kw, const py_val *kwv, int32_t n_kw) {
    const char *d = dtype_named(I, kw, kwv, n_kw);
    return d && !strcmp(d, "int64");
}

void torch_indices_of_known(py_tensor *t) {
    const py_known *k = py_tensor_known(t);
    double lo = 0, hi = 0;
    t->is_indices = 1;
    if (!k || !k->is_int || !py_known_bounds(t, &lo, &hi) || lo < 0 || hi >= 9.0e15) return;
    t->index_bound = (int64_t)hi + 1;
    t->index_bound_met = 1;
}

/* The value as a dtype of `kind` keeps it: float32 rounds (what item() gives back). */
static double as_kind(int kind, double v) {
    if (kind == PV_FLOAT) return (double)(float)v;
    if (kind == PV_BOOL) return v != 0.0;
    return trunc(v);
}

/* The shape of nested lists/tuples of numbers, as torch.tensor infers it (the first
 * element of each level sets the length that the others must have). */
static int data_shape(interp *I, py_val v, int32_t dim, cnnc_shape *s, int *is_float) {
    if (pv_is_num(v)) {
        if (dim != s->ndim) return torch_raise_shape(I, "ValueError", "expected sequence of length %lld at dim %d (got 0)",
                                            (long long)s->d[dim], (int)dim);
        if (v.t == PV_FLOAT) *is_float = 1;
        return 0;
    }
    if (v.t != PV_LIST && v.t != PV_TUPLE && v.t != PV_SIZE) {
        if (v.t == PV_TENSOR) return py_unsupported(I, "cnnc cannot follow torch.tensor of a list of tensors");
        return py_raise(I, "TypeError", "new(): invalid data type '%s'", py_type_name(&v));
    }
    const py_seq *q = pv_as_seq(v);
    if (dim == s->ndim) {   /* the first sequence at this depth sets the length */
        if (dim >= CNNC_MAX_DIMS) return py_unsupported(I, "cnnc tensors have at most %d dims", CNNC_MAX_DIMS);
        s->d[s->ndim++] = q->n;
    } else if (dim > s->ndim || s->d[dim] != q->n) {
        return torch_raise_shape(I, "ValueError", "expected sequence of length %lld at dim %d (got %d)", (long long)s->d[dim], (int)dim,
                        (int)q->n);
    }
    for (int32_t k = 0; k < q->n; k++)
        if (data_shape(I, q->v[k], dim + 1, s, is_float)) return -1;
    return 0;
}

/* The ints of nested sequences, depth first, into v (0: a float or a bool among them). */
static int collect_ints(py_val d, double *v, int64_t *n, int64_t cap) {
    if (d.t == PV_INT && !d.big) {
        if (*n >= cap) return 0;
        v[(*n)++] = (double)d.u.i;
        return 1;
    }
    if (d.t != PV_LIST && d.t != PV_TUPLE && d.t != PV_SIZE) return 0;
    const py_seq *q = pv_as_seq(d);
    for (int32_t k = 0; k < q->n; k++)
        if (!collect_ints(q->v[k], v, n, cap)) return 0;
    return 1;
}

/* a constant made from ints (np.array([2, 4, 8]), torch.tensor([[0, 1], [1, 2]])) knows them */
static int known_ints_of_data(interp *I, py_val data, py_tensor *t) {
    const int64_t numel = cnnc_shape_numel(&t->shape);
    if (numel <= 0 || numel > PY_KNOWN_VALUES_MAX) return 0;
    double *v = (double *)py_alloc(I->arena, (size_t)numel * sizeof *v);
    if (!v) return py_nomem(I);
    int64_t n = 0;
    if (!collect_ints(data, v, &n, numel) || n != numel) return 0;
    return py_tensor_set_values(I, t, v, n, 1);
}

int torch_tensor_from_data(interp *I, py_val data, py_val *out) {
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    int is_float = 0;
    if (data_shape(I, data, 0, &s, &is_float)) return -1;
    *out = pv_tensor(I, &s, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    return is_float ? 0 : known_ints_of_data(I, data, pv_as_tensor(*out));
}

/* torch.tensor(data, dtype=None, device=None, requires_grad=False, pin_memory=False) */
/* torch.as_tensor(data, dtype=None, device=None): a tensor itself (no copy), else torch.tensor's */
int torch_as_tensor(ARGS) {
    py_val data = n > 0 ? a[0] : pv_unbound();
    int has_dtype = 0;
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "data") && n == 0) data = kwv[k];
        else if (!strcmp(nm, "dtype")) has_dtype = kwv[k].t != PV_NONE;
        else if (strcmp(nm, "device"))
            return py_raise(I, "TypeError", "as_tensor() got an unexpected keyword argument '%s'", nm);
    }
    if (n > 1) return py_unsupported(I, "cnnc cannot follow torch.as_tensor with %d positional arguments", (int)n);
    if (data.t != PV_TENSOR || pv_as_tensor(data)->is_numpy) return torch_tensor_data(I, self, a, n, kw, kwv, n_kw, out);
    if (py_refuse_cuda_args(I, NULL, 0, kw, kwv, n_kw)) return -1;
    const py_tensor *t = pv_as_tensor(data);
    const char *d = dtype_named(I, kw, kwv, n_kw);
    if (has_dtype && !(d && !strcmp(d, "float32") && !t->is_indices && !t->is_mask && !t->is_complex))
        return py_unsupported(I, "cnnc cannot follow torch.as_tensor of a tensor with another dtype");
    *out = data;
    return 0;
}

int torch_tensor_data(ARGS) {
    UNUSED;
    if (py_refuse_cuda_args(I, NULL, 0, kw, kwv, n_kw)) return -1;
    py_val data = n > 0 ? a[0] : pv_unbound();
    for (int32_t k = 0; k < n_kw; k++)
        if (!strcmp(py_sym_name(I->syms, kw[k]), "data")) data = kwv[k];
    if (data.t == PV_UNBOUND) return py_raise(I, "TypeError", "tensor() missing 1 required positional arguments: \"data\"");
    if (n > 1) return py_unsupported(I, "cnnc cannot follow torch.tensor with %d positional arguments", (int)n);
    if (data.t == PV_TENSOR) {   /* a copy (PyTorch warns to use clone()) */
        *out = pv_tensor(I, &pv_as_tensor(data)->shape, TENSOR_CONST);
        if (out->t == PV_UNBOUND) return py_nomem(I);
        pv_as_tensor(*out)->value_kind = pv_as_tensor(data)->value_kind;
        pv_as_tensor(*out)->value = pv_as_tensor(data)->value;
        return 0;
    }
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    int is_float = 0;
    if (data.t == PV_STR) return py_raise(I, "TypeError", "new(): invalid data type 'str'");
    if (data_shape(I, data, 0, &s, &is_float)) return -1;
    *out = pv_tensor(I, &s, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    const int dtype = torch_dtype_kind(I, kw, kwv, n_kw);
    if (!is_float && (!dtype || torch_dtype_is_int64(I, kw, kwv, n_kw))) {
        /* int64 values cnnc knows (torch.tensor([0, 2, 1]) to gather by): indices bounded by them */
        if (known_ints_of_data(I, data, pv_as_tensor(*out))) return -1;
        torch_indices_of_known(pv_as_tensor(*out));
    } else if (is_float && (!dtype || dtype == PV_FLOAT)) {
        pv_as_tensor(*out)->known_float = 1;
    }
    int64_t numel = 1;
    for (int32_t d = 0; d < s.ndim; d++) numel *= s.d[d];
    if (numel == 1) {   /* torch.tensor(2.5), torch.tensor([n]): the one value */
        py_val v = data;
        while (v.t == PV_LIST || v.t == PV_TUPLE) v = pv_as_seq(v)->v[0];
        int kind = torch_dtype_kind(I, kw, kwv, n_kw);
        if (!kind) kind = is_float ? PV_FLOAT : v.t == PV_BOOL ? PV_BOOL : PV_INT;
        py_tensor *t = pv_as_tensor(*out);
        t->value_kind = kind;
        t->value = as_kind(kind, v.t == PV_FLOAT ? v.u.f : (double)v.u.i);
    }
    return 0;
}

/* torch.arange(end) / (start, end, step=1): its length as ATen's arange computes it. */
int torch_arange(ARGS) {
    UNUSED;
    if (py_refuse_cuda_args(I, NULL, 0, kw, kwv, n_kw)) return -1;
    py_val start = pv_int(0), end = pv_unbound(), step = pv_int(1);
    if (n == 1) end = a[0];
    else if (n == 2 || n == 3) { start = a[0]; end = a[1]; if (n == 3) step = a[2]; }
    else if (n > 3) return py_unsupported(I, "cnnc cannot follow torch.arange with %d positional arguments", (int)n);
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "start") && n == 0) start = kwv[k];
        else if (!strcmp(nm, "end") && n <= 1) { if (n == 1) start = a[0]; end = kwv[k]; }
        else if (!strcmp(nm, "step") && n < 3) step = kwv[k];
        else if (strcmp(nm, "dtype") && strcmp(nm, "device") && strcmp(nm, "requires_grad") && strcmp(nm, "layout") &&
                 strcmp(nm, "out"))
            return py_unsupported(I, "cnnc cannot follow torch.arange with %s=", nm);
    }
    if (end.t == PV_UNBOUND) return py_unsupported(I, "cnnc cannot follow this call of torch.arange");
    py_val *vals[3] = {&start, &end, &step};
    static const char *const names[3] = {"start", "end", "step"};
    int any_float = 0;
    for (int k = 0; k < 3; k++) {
        if (vals[k]->t == PV_TENSOR) {
            const py_tensor *t = pv_as_tensor(*vals[k]);
            if (!t->value_kind) return py_unsupported(I, "cnnc cannot follow torch.arange of a tensor whose value it does not know");
            py_val num = t->value_kind == PV_FLOAT ? pv_float(t->value) : pv_int((int64_t)t->value);
            *vals[k] = num;
        }
        if (!pv_is_num(*vals[k]))
            return py_raise(I, "TypeError", "arange(): argument '%s' (position %d) must be Number, not %s", names[k],
                            n == 1 ? 1 : k + 1, py_type_name(vals[k]));
        if (vals[k]->t == PV_FLOAT) any_float = 1;
        if (vals[k]->big) return py_unsupported(I, "cnnc cannot follow torch.arange of an integer that large");
    }
    const double lo = start.t == PV_FLOAT ? start.u.f : (double)start.u.i, hi = end.t == PV_FLOAT ? end.u.f : (double)end.u.i,
                 st = step.t == PV_FLOAT ? step.u.f : (double)step.u.i;
    if (st == 0.0) return torch_raise_shape(I, "RuntimeError", "step must be nonzero");
    if (!isfinite(lo) || !isfinite(hi))
        return py_unsupported(I, "cnnc cannot follow torch.arange over a range that is not finite");
    if (!((st > 0 && hi >= lo) || (st < 0 && hi <= lo)))
        return torch_raise_shape(I, "RuntimeError", "upper bound and larger bound inconsistent with step sign");
    const int kind = torch_dtype_kind(I, kw, kwv, n_kw);
    double len;
    if ((kind ? kind : any_float ? PV_FLOAT : PV_INT) == PV_INT && !any_float) {
        const int64_t s0 = start.u.i, e0 = end.u.i, d = step.u.i, sgn = (d > 0) - (d < 0);
        len = (double)((e0 - s0 + d - sgn) / d);   /* int64 arithmetic, as ATen's */
    } else {
        len = ceil((hi - lo) / st);
    }
    if (!(len >= 0 && len < 9.2e18)) return torch_raise_shape(I, "RuntimeError", "invalid size, possible overflow?");
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    s.ndim = 1;
    s.d[0] = (int64_t)len;
    *out = pv_tensor(I, &s, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    if ((kind ? kind : PV_INT) == PV_INT && !any_float && start.u.i >= 0 && step.u.i > 0) {
        /* int64 values start, start + step ... below end: indices (position ids for an
         * nn.Embedding), each below the last one plus 1 */
        py_tensor *t = pv_as_tensor(*out);
        t->is_indices = 1;
        t->index_bound = s.d[0] ? start.u.i + (s.d[0] - 1) * step.u.i + 1 : 1;
        t->index_bound_met = s.d[0] > 0;
    }
    if ((kind ? kind : PV_INT) == PV_INT && !any_float) {   /* start, start + step ...: known */
        if (py_tensor_set_known(I, pv_as_tensor(*out), KNOWN_ARANGE, (double)start.u.i)) return -1;
        pv_as_tensor(*out)->known->step = (double)step.u.i;
        pv_as_tensor(*out)->known->is_int = 1;
    }
    return 0;
}

/* torch.range(start, end, step=1): deprecated, end inclusive, float: trunc((end - start) /
 * step + 1) values, with range_out's checks. */
int torch_range(ARGS) {
    UNUSED;
    if (py_refuse_cuda_args(I, NULL, 0, kw, kwv, n_kw)) return -1;
    py_val v[3] = {pv_unbound(), pv_unbound(), pv_int(1)};
    if (n > 3) return py_unsupported(I, "cnnc cannot follow torch.range with %d positional arguments", (int)n);
    for (int32_t k = 0; k < n; k++) v[k] = a[k];
    static const char *const names[3] = {"start", "end", "step"};
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        int slot = -1;
        for (int j = 0; j < 3; j++)
            if (!strcmp(nm, names[j])) slot = j;
        if (slot >= 0 && slot >= n) v[slot] = kwv[k];
        else if (strcmp(nm, "dtype") && strcmp(nm, "device") && strcmp(nm, "requires_grad") && strcmp(nm, "layout") &&
                 strcmp(nm, "out"))
            return py_unsupported(I, "cnnc cannot follow torch.range with %s=", nm);
    }
    if (v[1].t == PV_UNBOUND) return py_raise(I, "TypeError", "range() missing 1 required positional arguments: \"end\"");
    if (v[0].t == PV_UNBOUND) return py_unsupported(I, "cnnc cannot follow this call of torch.range");
    double x[3];
    for (int k = 0; k < 3; k++) {
        if (v[k].t == PV_TENSOR) {
            const py_tensor *t = pv_as_tensor(v[k]);
            if (!t->value_kind) return py_unsupported(I, "cnnc cannot follow torch.range of a tensor whose value it does not know");
            x[k] = t->value;
        } else if (pv_is_num(v[k]) && !v[k].big) {
            x[k] = v[k].t == PV_FLOAT ? v[k].u.f : (double)v[k].u.i;
        } else {
            return py_unsupported(I, "cnnc cannot follow torch.range with a %s %s", py_type_name(&v[k]), names[k]);
        }
    }
    if (!isfinite(x[0]) || !isfinite(x[1])) return py_unsupported(I, "cnnc cannot follow torch.range over a range that is not finite");
    if (x[2] == 0.0) return torch_raise_shape(I, "RuntimeError", "step must be nonzero");
    if (!((x[2] > 0 && x[1] >= x[0]) || (x[2] < 0 && x[1] <= x[0])))
        return torch_raise_shape(I, "RuntimeError", "upper bound and lower bound inconsistent with step sign");
    const double len = trunc((x[1] - x[0]) / x[2] + 1);
    if (!(len >= 0 && len < 9.2e18)) return torch_raise_shape(I, "RuntimeError", "invalid size, possible overflow?");
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    s.ndim = 1;
    s.d[0] = (int64_t)len;
    *out = pv_tensor(I, &s, TENSOR_CONST);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

/* A tensor's single value as a Python number (item(), int(), float()): PyTorch's
 * check on its size, then the value where cnnc knows it. */
int py_tensor_scalar(interp *I, py_val t, const char *what, py_val *out) {
    const py_tensor *x = pv_as_tensor(t);
    if (cnnc_shape_numel(&x->shape) != 1)
        return torch_raise_shape(I, "ValueError", "only one element tensors can be converted to Python scalars");
    if (!x->value_kind) return py_unsupported(I, "cnnc cannot follow %s of a tensor's value (cnnc follows shapes, not values)", what);
    if (x->value_kind == PV_FLOAT) *out = pv_float(x->value);
    else if (x->value_kind == PV_BOOL) *out = pv_bool(x->value != 0.0);
    else *out = pv_int((int64_t)x->value);
    return 0;
}

int torch_item(ARGS) {
    (void)a; (void)kw; (void)kwv;
    if (n || n_kw) return py_raise(I, "TypeError", "item() takes no arguments (%d given)", (int)(n + n_kw));
    return py_tensor_scalar(I, self, "Tensor.item()", out);
}

/* The rounding of a known value (torch_round's result on a constant). */
void torch_round_known(const py_tensor *in, py_tensor *res, int mode) {
    if (!in->value_kind || res->node != TENSOR_CONST) return;
    double v = in->value;
    if (in->value_kind == PV_FLOAT)
        v = mode == CNNC_ROUND_FLOOR ? floor(v) : mode == CNNC_ROUND_CEIL ? ceil(v) : mode == CNNC_ROUND_NEAREST ? nearbyint(v) : trunc(v);
    res->value_kind = in->value_kind;
    res->value = v;
}

/* Elementwise functions that cnnc has no kind for (sin and cos are kinds): the result is a
 * constant of the same shape; on a tensor of the graph, a graph that is checked, not run. */
static const char *const const_unary[] = {"tan", "asin", "acos", "atan", "arcsin", "arccos", "arctan",
                                          "sinh", "cosh", "sign", "sgn", "reciprocal", "erf", "log2", "log10", "log1p",
                                          "expm1"};

int torch_is_const_unary(const char *name) {
    for (size_t k = 0; k < sizeof const_unary / sizeof const_unary[0]; k++)
        if (!strcmp(name, const_unary[k])) return 1;
    return 0;
}

int torch_const_unary(ARGS) {
    const char *fn = I->callee->name;
    const int is_method = self.t == PV_TENSOR;
    py_val x = is_method ? self : n > 0 ? a[0] : pv_unbound();
    for (int32_t k = 0; k < n_kw; k++)
        if (!is_method && !strcmp(py_sym_name(I->syms, kw[k]), "input")) x = kwv[k];
        else return py_unsupported(I, "cnnc cannot follow %s() with %s=", fn, py_sym_name(I->syms, kw[k]));
    if (n - (is_method ? 0 : 1) > 0) return py_unsupported(I, "cnnc cannot follow this call of %s()", fn);
    if (pv_is_num(x)) {
        if (is_method) return py_unsupported(I, "cnnc cannot follow this call of %s()", fn);
        return py_raise(I, "TypeError", "%s(): argument 'input' (position 1) must be Tensor, not %s", fn, py_type_name(&x));
    }
    if (x.t != PV_TENSOR) {
        if (x.t == PV_UNBOUND) return py_unsupported(I, "cnnc cannot follow this call of %s()", fn);
        return py_raise(I, "TypeError", "%s(): argument 'input' (position 1) must be Tensor, not %s", fn, py_type_name(&x));
    }
    const py_tensor *t = pv_as_tensor(x);
    /* reciprocal is 1 / x, values and gradient: the graph's div */
    if (t->node != TENSOR_CONST && !strncmp(fn, "reciprocal", 10)) return py_binop(I, PY_OP_SLASH, pv_float(1.0), x, out);
    /* on a tensor computed from the input: its shape, in a graph that is then checked, not run
     * (the engines have no such kind) */
    return torch_const_of(I, x, &t->shape, t->is_complex, out);
}

/* Elementwise functions of two tensors that no engine kind computes (Bayes-by-backprop's
 * torch.logaddexp(torch.zeros(1), rho), a hypernetwork's torch.fmod): the broadcast shape,
 * with PyTorch's words; of constants a constant, else the trace is check only. fmod and
 * remainder also take a number, and keep an integer input's dtype. */
static const char *const const_binary[] = {"logaddexp", "logaddexp2", "atan2", "arctan2", "hypot", "fmod", "remainder"};

int torch_is_const_binary(const char *name) {
    for (size_t k = 0; k < sizeof const_binary / sizeof const_binary[0]; k++)
        if (!strcmp(name, const_binary[k])) return 1;
    return 0;
}

int torch_const_binary(ARGS) {
    const char *fn = I->callee->name;
    const int is_method = self.t == PV_TENSOR, takes_number = !strcmp(fn, "fmod") || !strcmp(fn, "remainder");
    py_val b[2];
    const py_sig *sig = py_sig_cached(I, is_method ? "other" : "input, other", -1);
    if (!sig || py_bind_sig_as(I, sig, fn, 0, PY_BINDER_CPP_OVERLOADED, a, n, kw, kwv, n_kw, b)) return -1;
    py_val x = is_method ? self : b[0], y = b[is_method ? 0 : 1];
    if (x.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow %s() of a %s", fn, py_type_name(&x));
    if (y.t != PV_TENSOR && !(takes_number && pv_is_num(y) && y.t != PV_BOOL)) {
        if (takes_number || !pv_is_num(y)) return py_unsupported(I, "cnnc cannot follow %s() with a %s", fn, py_type_name(&y));
        return py_raise(I, "TypeError", "%s(): argument 'other' (position %d) must be Tensor, not %s", fn, is_method ? 1 : 2,
                        py_type_name(&y));
    }
    const py_tensor *t = pv_as_tensor(x), *u = y.t == PV_TENSOR ? pv_as_tensor(y) : NULL;
    if (t->is_complex || (u && u->is_complex)) return py_unsupported(I, "cnnc cannot follow %s() of complex tensors", fn);
    cnnc_shape o = t->shape;
    if (u && torch_broadcast_shapes(I, &t->shape, &u->shape, &o)) return -1;
    if (torch_const_of(I, u && u->node != TENSOR_CONST ? y : x, &o, 0, out)) return -1;
    py_tensor *r = pv_as_tensor(*out);
    if (takes_number && t->is_indices && (u ? u->is_indices : y.t == PV_INT)) r->is_indices = 1;   /* int64 stays int64 */
    else r->known_float = 1;
    return 0;
}

/* torch.triu / torch.tril (input, diagonal=0) and the Tensor methods: a constant's
 * shape (the masks models build: torch.triu(torch.full((n, n), float('-inf')), 1)). */
int torch_triangle(ARGS) {
    const char *fn = I->callee->name;
    const int is_method = self.t == PV_TENSOR;
    py_val x = is_method ? self : n > 0 ? a[0] : pv_unbound(), diag = pv_int(0);
    const int32_t first = is_method ? 0 : 1;
    if (n - first > 1) return py_unsupported(I, "cnnc cannot follow this call of %s()", fn);
    if (n - first == 1) diag = a[first];
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "diagonal")) diag = kwv[k];
        else if (!is_method && !strcmp(nm, "input")) x = kwv[k];
        else return py_unsupported(I, "cnnc cannot follow %s() with %s=", fn, nm);
    }
    if (x.t != PV_TENSOR)
        return py_raise(I, "TypeError", "%s(): argument 'input' (position 1) must be Tensor, not %s", fn,
                        x.t == PV_UNBOUND ? "nothing" : py_type_name(&x));
    if (!pv_is_int(diag) || diag.t == PV_BOOL)
        return py_raise(I, "TypeError", "%s(): argument 'diagonal' (position %d) must be int, not %s", fn, is_method ? 1 : 2,
                        py_type_name(&diag));
    const py_tensor *t = pv_as_tensor(x);
    if (t->shape.ndim == 0) return torch_raise_shape(I, "IndexError", "Dimension specified as -2 but tensor has no dimensions");
    if (t->shape.ndim == 1)
        return torch_raise_shape(I, "IndexError", "Dimension out of range (expected to be in range of [-1, 0], but got -2)");
    if (t->node != TENSOR_CONST)
        return py_unsupported(I, "cnnc cannot follow %s() on a tensor computed from the input (it follows it on constants)", fn);
    *out = pv_tensor(I, &t->shape, TENSOR_CONST);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

/* torch.addcmul / addcdiv (input, tensor1, tensor2, *, value=1) and the Tensor methods:
 * input + value * tensor1 (* or /) tensor2, with TensorIterator's broadcast of input,
 * tensor1 and tensor2 in that order (its words), then made of mul/div and add. */
int torch_addc(ARGS) {
    const char *fn = I->callee->name;
    const int is_method = self.t == PV_TENSOR;
    static const char *const names[3] = {"input", "tensor1", "tensor2"};
    py_val v[3] = {is_method ? self : pv_unbound(), pv_unbound(), pv_unbound()}, value = pv_int(1);
    int32_t at = is_method ? 1 : 0;
    /* the deprecated form addcmul(input, value, tensor1, tensor2), still taken by 1.13 */
    const int32_t vpos = is_method ? 0 : 1;
    if (n == 4 - (is_method ? 1 : 0) && pv_is_num(a[vpos])) {
        value = a[vpos];
        for (int32_t k = 0; k < n; k++)
            if (k != vpos) v[at++] = a[k];
        n = 0;
    }
    if (n > 3 - (is_method ? 1 : 0)) return py_unsupported(I, "cnnc cannot follow this call of %s()", fn);
    for (int32_t k = 0; k < n; k++) v[at++] = a[k];
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "value")) { value = kwv[k]; continue; }
        int j = 0;
        while (j < 3 && strcmp(nm, names[j])) j++;
        if (j == 3 || (is_method && j == 0)) return py_unsupported(I, "cnnc cannot follow %s() with %s=", fn, nm);
        v[j] = kwv[k];
    }
    for (int j = 0; j < 3; j++)
        if (v[j].t != PV_TENSOR)
            return py_raise(I, "TypeError", "%s(): argument '%s' (position %d) must be Tensor, not %s", fn, names[j],
                            j + (is_method ? 0 : 1), v[j].t == PV_UNBOUND ? "nothing" : py_type_name(&v[j]));
    if (!pv_is_num(value)) return py_unsupported(I, "cnnc follows %s() with a number value", fn);
    /* the broadcast of input, tensor1 and tensor2, in that order */
    cnnc_shape acc = pv_as_tensor(v[0])->shape;
    for (int j = 1; j < 3; j++) {
        if (torch_broadcast_shapes(I, &acc, &pv_as_tensor(v[j])->shape, &acc)) return -1;
    }
    const int div = !strcmp(fn, "addcdiv");
    py_val prod, scaled;
    if (py_binop(I, div ? PY_OP_SLASH : PY_OP_STAR, v[1], v[2], &prod)) return -1;
    if (!(value.t == PV_INT && value.u.i == 1)) {
        if (py_binop(I, PY_OP_STAR, prod, value, &scaled)) return -1;
    } else {
        scaled = prod;
    }
    return py_binop(I, PY_OP_PLUS, v[0], scaled, out);
}

/* torch.linspace(start, end, steps): a constant of `steps` values. */
int torch_linspace(ARGS) {
    UNUSED;
    if (py_refuse_cuda_args(I, NULL, 0, kw, kwv, n_kw)) return -1;
    py_val steps = n >= 3 ? a[2] : pv_unbound();
    for (int32_t k = 0; k < n_kw; k++)
        if (!strcmp(py_sym_name(I->syms, kw[k]), "steps")) steps = kwv[k];
    if (steps.t == PV_UNBOUND) return py_raise(I, "TypeError", "linspace() missing 1 required positional arguments: \"steps\"");
    if (!pv_is_int(steps) || steps.big) {
        if (steps.t == PV_TENSOR) return py_unsupported(I, "cnnc cannot follow torch.linspace with a tensor for steps");
        return py_raise(I, "TypeError", "linspace(): argument 'steps' (position 3) must be int, not %s", py_type_name(&steps));
    }
    if (steps.u.i < 0) return torch_raise_shape(I, "RuntimeError", "number of steps must be non-negative");
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    s.ndim = 1;
    s.d[0] = steps.u.i;
    *out = pv_tensor(I, &s, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    /* numbers for start and end, the default float32 dtype: the values are known */
    const py_val start = n >= 1 ? a[0] : pv_unbound(), end = n >= 2 ? a[1] : pv_unbound();
    int other_kw = 0;
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        other_kw |= strcmp(nm, "steps") && strcmp(nm, "device") && strcmp(nm, "requires_grad");
    }
    if (!other_kw && pv_is_num(start) && pv_is_num(end) && !start.big && !end.big) {
        if (py_tensor_set_known(I, pv_as_tensor(*out), KNOWN_LINSPACE, start.t == PV_FLOAT ? start.u.f : (double)start.u.i)) return -1;
        py_known *kn = pv_as_tensor(*out)->known;
        kn->step = end.t == PV_FLOAT ? end.u.f : (double)end.u.i;
        kn->count = steps.u.i;
    }
    return 0;
}

/* torch.normal(mean, std, size=None): a constant of `size`, or of the tensors' broadcast
 * shape (made from a tensor of the graph, a trace the engine does not replay). */
int torch_normal(ARGS) {
    UNUSED;
    if (py_refuse_cuda_args(I, NULL, 0, kw, kwv, n_kw)) return -1;
    py_val mean = n > 0 ? a[0] : pv_unbound(), std = n > 1 ? a[1] : pv_unbound(), size = n > 2 ? a[2] : pv_unbound();
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "mean")) mean = kwv[k];
        else if (!strcmp(nm, "std")) std = kwv[k];
        else if (!strcmp(nm, "size")) size = kwv[k];
        else if (strcmp(nm, "generator") && strcmp(nm, "dtype") && strcmp(nm, "device") && strcmp(nm, "requires_grad"))
            return py_unsupported(I, "cnnc cannot follow torch.normal with %s=", nm);
    }
    if (size.t != PV_UNBOUND) {
        if (mean.t == PV_TENSOR || std.t == PV_TENSOR) return py_unsupported(I, "cnnc cannot follow torch.normal with tensors and size=");
        const py_val *zeros = py_attrs_find(I->m_torch->attrs, py_s(I, "zeros"));   /* torch.zeros(size)'s checks */
        if (!zeros) return py_unsupported(I, "cnnc cannot follow torch.normal with size=");
        return py_call(I, *zeros, &size, 1, NULL, NULL, 0, out);
    }
    if (mean.t != PV_TENSOR && std.t != PV_TENSOR) {
        if (pv_is_num(mean) && pv_is_num(std))
            return py_raise(I, "TypeError", "normal() received an invalid combination of arguments - got (%s, %s), but expected one of:",
                            py_type_name(&mean), py_type_name(&std));
        return py_unsupported(I, "cnnc cannot follow this call of torch.normal");
    }
    if (mean.t == PV_TENSOR && std.t == PV_TENSOR) return py_tensor_broadcast_const(I, mean, std, out);   /* the broadcast shape */
    const py_tensor *t = pv_as_tensor(mean.t == PV_TENSOR ? mean : std);
    if (t->node != TENSOR_CONST && I->tracing) MARK_SHAPE_DEPENDENT(I);
    *out = pv_tensor(I, &t->shape, TENSOR_CONST);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}
