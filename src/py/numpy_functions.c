/* numpy_functions.c — more of numpy's array functions, by shape, as model code builds
 * constant buffers with them in __init__ (a thin-plate-spline rectifier's control points
 * and kernel: np.linspace, np.concatenate, np.expand_dims, np.tile, np.transpose,
 * np.fill_diagonal, np.square / np.multiply / np.log of arrays, np.linalg.norm and
 * np.linalg.inv). Values are not followed: a norm is a 0-d array, so a branch on it is
 * refused where it is used. numpy 1.24's messages. */
#include "py/builtins_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int is_array(py_val v) { return v.t == PV_TENSOR && pv_as_tensor(v)->is_numpy; }

static int new_array(interp *I, const cnnc_shape *s, py_val *out) {
    *out = pv_tensor(I, s, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(*out)->is_numpy = 1;
    return 0;
}

static int bind(interp *I, const char *sig, const char *fn, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv,
                int32_t n_kw, py_val *b, int32_t cap) {
    const char *names[12];
    int32_t np = 0;
    return py_bind_signature(I, sig, fn, 0, a, n, kw, kwv, n_kw, b, &np, names, cap);
}

static int given(py_val v) { return v.t != PV_UNBOUND && v.t != PV_NONE; }

static int int_arg(interp *I, py_val v, int64_t *out) {
    if (!pv_is_int(v) || v.big) return py_raise(I, "TypeError", "'%s' object cannot be interpreted as an integer", py_type_name(&v));
    *out = v.u.i;
    return 0;
}

/* numpy's normalize_axis_index */
static int axis_of(interp *I, py_val v, int32_t ndim, int32_t *out) {
    int64_t ax = 0;
    if (int_arg(I, v, &ax)) return -1;
    if (ax < -ndim || ax >= ndim)
        return py_raise(I, "numpy.AxisError", "axis %lld is out of bounds for array of dimension %d", (long long)ax, (int)ndim);
    *out = (int32_t)(ax < 0 ? ax + ndim : ax);
    return 0;
}

static int array_arg(interp *I, const char *fn, py_val v, const cnnc_shape **out) {
    if (!is_array(v)) return py_unsupported(I, "cnnc follows numpy.%s of numpy arrays, not of a %s", fn, py_type_name(&v));
    *out = &pv_as_tensor(v)->shape;
    return 0;
}

/* np.linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0) */
static int np_linspace(ARGS) {
    UNUSED_ARGS;
    py_val b[7];
    if (bind(I, "start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0", "linspace", a, n, kw, kwv, n_kw, b, 7))
        return -1;
    if (!pv_is_num(b[0]) || !pv_is_num(b[1]))
        return py_unsupported(I, "cnnc follows numpy.linspace between numbers, not arrays");
    int64_t num = 50;
    if (b[2].t != PV_UNBOUND && int_arg(I, b[2], &num)) return -1;
    if (num < 0) return py_raise(I, "ValueError", "Number of samples, %lld, must be non-negative.", (long long)num);
    if (given(b[4])) return py_unsupported(I, "cnnc cannot follow numpy.linspace with retstep=");
    cnnc_shape s = {.ndim = 1, .d = {num}};
    return new_array(I, &s, out);
}

/* np.concatenate((a1, a2, ...), axis=0): same rank, the same sizes off the axis */
static int np_concatenate(ARGS) {
    UNUSED_ARGS;
    py_val b[5];
    if (bind(I, "arrays, axis=0, out=None, *, dtype=None, casting='same_kind'", "concatenate", a, n, kw, kwv, n_kw, b, 5))
        return -1;
    if (given(b[2])) return py_unsupported(I, "cnnc cannot follow numpy.concatenate with out=");
    if (b[1].t == PV_NONE) return py_unsupported(I, "cnnc cannot follow numpy.concatenate with axis=None");
    py_val *items;
    int32_t cnt;
    if (py_iterate(I, b[0], &items, &cnt)) return -1;
    if (cnt == 0) return py_raise(I, "ValueError", "need at least one array to concatenate");
    const cnnc_shape *first = NULL;
    if (array_arg(I, "concatenate", items[0], &first)) return -1;
    if (first->ndim == 0) return py_raise(I, "ValueError", "zero-dimensional arrays cannot be concatenated");
    int32_t axis = 0;
    if (b[1].t != PV_UNBOUND && axis_of(I, b[1], first->ndim, &axis)) return -1;
    cnnc_shape r = *first;
    for (int32_t k = 1; k < cnt; k++) {
        const cnnc_shape *s = NULL;
        if (array_arg(I, "concatenate", items[k], &s)) return -1;
        if (s->ndim != first->ndim)
            return py_raise(I, "ValueError",
                            "all the input arrays must have same number of dimensions, but the array at index 0 has %d "
                            "dimension(s) and the array at index %d has %d dimension(s)",
                            (int)first->ndim, (int)k, (int)s->ndim);
        for (int32_t d = 0; d < s->ndim; d++)
            if (d != axis && s->d[d] != first->d[d])
                return py_raise(I, "ValueError",
                                "all the input array dimensions except for the concatenation axis must match exactly, but "
                                "along dimension %d, the array at index 0 has size %lld and the array at index %d has size %lld",
                                (int)d, (long long)first->d[d], (int)k, (long long)s->d[d]);
        r.d[axis] += s->d[axis];
    }
    return new_array(I, &r, out);
}

/* np.expand_dims(a, axis): a 1 at axis of the result */
static int np_expand_dims(ARGS) {
    UNUSED_ARGS;
    py_val b[2];
    if (bind(I, "a, axis", "expand_dims", a, n, kw, kwv, n_kw, b, 2)) return -1;
    const cnnc_shape *s = NULL;
    if (array_arg(I, "expand_dims", b[0], &s)) return -1;
    if (s->ndim + 1 > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc arrays have at most %d dims", CNNC_MAX_DIMS);
    int32_t axis = 0;
    if (axis_of(I, b[1], s->ndim + 1, &axis)) return -1;
    cnnc_shape r = {.ndim = s->ndim + 1};
    for (int32_t d = 0, src = 0; d < r.ndim; d++) r.d[d] = d == axis ? 1 : s->d[src++];
    return new_array(I, &r, out);
}

/* np.transpose(a, axes=None): reversed, or the given permutation */
static int np_transpose(ARGS) {
    UNUSED_ARGS;
    py_val b[2];
    if (bind(I, "a, axes=None", "transpose", a, n, kw, kwv, n_kw, b, 2)) return -1;
    const cnnc_shape *s = NULL;
    if (array_arg(I, "transpose", b[0], &s)) return -1;
    cnnc_shape r = {.ndim = s->ndim};
    if (!given(b[1])) {
        for (int32_t d = 0; d < s->ndim; d++) r.d[d] = s->d[s->ndim - 1 - d];
        return new_array(I, &r, out);
    }
    if (b[1].t != PV_TUPLE && b[1].t != PV_LIST) return py_unsupported(I, "cnnc follows numpy.transpose's axes as a tuple");
    const py_seq *q = pv_as_seq(b[1]);
    if (q->n != s->ndim) return py_raise(I, "ValueError", "axes don't match array");
    int seen[CNNC_MAX_DIMS] = {0};
    for (int32_t d = 0; d < q->n; d++) {
        int32_t ax = 0;
        if (axis_of(I, q->v[d], s->ndim, &ax)) return -1;
        if (seen[ax]) return py_raise(I, "ValueError", "repeated axis in transpose");
        seen[ax] = 1;
        r.d[d] = s->d[ax];
    }
    return new_array(I, &r, out);
}

/* np.tile(A, reps): A and reps padded with leading ones to the longer, then multiplied */
static int np_tile(ARGS) {
    UNUSED_ARGS;
    py_val b[2];
    if (bind(I, "A, reps", "tile", a, n, kw, kwv, n_kw, b, 2)) return -1;
    const cnnc_shape *s = NULL;
    if (array_arg(I, "tile", b[0], &s)) return -1;
    int64_t reps[CNNC_MAX_DIMS];
    int32_t nr = 0;
    if (pv_is_int(b[1])) {
        reps[nr++] = b[1].u.i;
    } else if (b[1].t == PV_TUPLE || b[1].t == PV_LIST) {
        const py_seq *q = pv_as_seq(b[1]);
        if (q->n > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc arrays have at most %d dims", CNNC_MAX_DIMS);
        for (int32_t k = 0; k < q->n; k++)
            if (int_arg(I, q->v[k], &reps[nr++])) return -1;
    } else {
        return py_raise(I, "TypeError", "'%s' object cannot be interpreted as an integer", py_type_name(&b[1]));
    }
    const int32_t nd = s->ndim > nr ? s->ndim : nr;
    cnnc_shape r = {.ndim = nd};
    for (int32_t d = 0; d < nd; d++) {
        const int64_t dim = d - (nd - s->ndim) >= 0 ? s->d[d - (nd - s->ndim)] : 1;
        const int64_t rep = d - (nd - nr) >= 0 ? reps[d - (nd - nr)] : 1;
        if (rep < 0) return py_raise(I, "ValueError", "negative dimensions are not allowed");
        r.d[d] = dim * rep;
    }
    return new_array(I, &r, out);
}

/* np.fill_diagonal(a, val, wrap=False): in place, so its shape stays; None */
static int np_fill_diagonal(ARGS) {
    UNUSED_ARGS;
    py_val b[3];
    if (bind(I, "a, val, wrap=False", "fill_diagonal", a, n, kw, kwv, n_kw, b, 3)) return -1;
    const cnnc_shape *s = NULL;
    if (array_arg(I, "fill_diagonal", b[0], &s)) return -1;
    if (s->ndim < 2) return py_raise(I, "ValueError", "array must be at least 2-d");
    for (int32_t d = 1; s->ndim > 2 && d < s->ndim; d++)
        if (s->d[d] != s->d[0]) return py_raise(I, "ValueError", "All dimensions of input must be of equal length");
    *out = pv_none();
    return 0;
}

/* np.square, np.log, np.abs ... of an array: an array of its shape; of a number, the math */
static int np_unary(ARGS) {
    if (n == 1 && !n_kw && is_array(a[0])) return new_array(I, &pv_as_tensor(a[0])->shape, out);
    if (!strcmp(I->callee->name, "square") && n == 1 && !n_kw && pv_is_num(a[0]))
        return py_binop(I, PY_OP_STAR, a[0], a[0], out);
    if (!strcmp(I->callee->name, "square") || !strcmp(I->callee->name, "absolute"))
        return py_unsupported(I, "cnnc cannot follow this call of numpy.%s", I->callee->name);
    return builtin_np_math(I, self, a, n, kw, kwv, n_kw, out);
}

/* np.round / np.around / np.rint (a, decimals=0): halves to even, as numpy's rint; an int
 * stays an int (numpy.int64) at decimals >= 0; an array keeps its shape */
static int np_round(ARGS) {
    UNUSED_ARGS;
    const int rint_only = !strcmp(I->callee->name, "rint");
    py_val b[2];
    if (bind(I, rint_only ? "x" : "a, decimals=0", I->callee->name, a, n, kw, kwv, n_kw, b, rint_only ? 1 : 2)) return -1;
    if (is_array(b[0])) return new_array(I, &pv_as_tensor(b[0])->shape, out);
    int64_t dec = 0;
    if (!rint_only && b[1].t != PV_UNBOUND) {
        if (!pv_is_int(b[1]) || b[1].big) return py_unsupported(I, "cnnc cannot follow numpy.%s with decimals of type %s", I->callee->name, py_type_name(&b[1]));
        dec = b[1].u.i;
    }
    if (!pv_is_num(b[0]) || b[0].big || dec < -15 || dec > 15)
        return py_unsupported(I, "cnnc cannot follow this call of numpy.%s", I->callee->name);
    if (b[0].t == PV_INT && dec < 0 && !rint_only) return py_unsupported(I, "cnnc cannot follow numpy.%s of an int to tens", I->callee->name);
    if (b[0].t == PV_INT && !rint_only) {
        *out = pv_int(b[0].u.i);
        out->pad = PV_NP_INT64;
        return 0;
    }
    const double x = b[0].t == PV_FLOAT ? b[0].u.f : (double)b[0].u.i, scale = pow(10.0, (double)(dec < 0 ? -dec : dec));
    const double r = dec == 0 ? nearbyint(x) : dec > 0 ? nearbyint(x * scale) / scale : nearbyint(x / scale) * scale;
    *out = pv_float(r);
    out->pad = PV_NP_FLOAT64;
    return 0;
}

/* np.multiply / np.add / np.subtract / np.divide (x1, x2): the operator's broadcast */
static int np_binary(ARGS) {
    UNUSED_ARGS;
    if (n != 2 || n_kw) return py_unsupported(I, "cnnc cannot follow this call of numpy.%s", I->callee->name);
    const char *fn = I->callee->name;
    const int op = !strcmp(fn, "multiply") ? PY_OP_STAR : !strcmp(fn, "add") ? PY_OP_PLUS
                 : !strcmp(fn, "subtract") ? PY_OP_MINUS : PY_OP_SLASH;
    return py_binop(I, op, a[0], a[1], out);
}

/* np.power(x1, x2) of numbers (`base_filters * np.power(2, i)` in U-Net widths): a numpy.int64
 * or numpy.float64, with numpy's refusal of an int to a negative int power; arrays as `**` */
static int np_power(ARGS) {
    UNUSED_ARGS;
    py_val b[2];
    if (bind(I, "x1, x2", "power", a, n, kw, kwv, n_kw, b, 2)) return -1;
    if (is_array(b[0]) || is_array(b[1])) return py_binop(I, PY_OP_DSTAR, b[0], b[1], out);
    if (!pv_is_num(b[0]) || !pv_is_num(b[1]) || b[0].big || b[1].big)
        return py_unsupported(I, "cnnc cannot follow numpy.power of a %s and a %s", py_type_name(&b[0]), py_type_name(&b[1]));
    const int ints = b[0].t != PV_FLOAT && b[1].t != PV_FLOAT;
    if (ints && b[1].u.i < 0) return py_raise(I, "ValueError", "Integers to negative integer powers are not allowed.");
    if (ints) {   /* Python's exact int power; numpy's int64 wraps past 2^63, which is refused */
        if (py_binop(I, PY_OP_DSTAR, pv_int(b[0].u.i), pv_int(b[1].u.i), out)) return -1;
        if (out->t != PV_INT || out->big) return py_unsupported(I, "cnnc cannot follow numpy.power past int64");
        out->pad = PV_NP_INT64;
        return 0;
    }
    const double x = b[0].t == PV_FLOAT ? b[0].u.f : (double)b[0].u.i, y = b[1].t == PV_FLOAT ? b[1].u.f : (double)b[1].u.i;
    *out = pv_float(pow(x, y));
    out->pad = PV_NP_FLOAT64;
    return 0;
}

/* np.linalg.norm(x, ord=None, axis=None, keepdims=False): a 0-d array without an axis
 * (its value is not followed), else the axis reduced */
static int np_norm(ARGS) {
    UNUSED_ARGS;
    py_val b[4];
    if (bind(I, "x, ord=None, axis=None, keepdims=False", "norm", a, n, kw, kwv, n_kw, b, 4)) return -1;
    const cnnc_shape *s = NULL;
    if (array_arg(I, "linalg.norm", b[0], &s)) return -1;
    int keep = 0;
    if (b[3].t != PV_UNBOUND && py_truthy(I, b[3], &keep)) return -1;
    cnnc_shape r = {.ndim = 0};
    if (!given(b[2])) {
        if (keep) {
            r.ndim = s->ndim;
            for (int32_t d = 0; d < s->ndim; d++) r.d[d] = 1;
        }
        return new_array(I, &r, out);
    }
    if (!pv_is_int(b[2])) return py_unsupported(I, "cnnc follows numpy.linalg.norm over one axis");
    int32_t axis = 0;
    if (axis_of(I, b[2], s->ndim, &axis)) return -1;
    for (int32_t d = 0; d < s->ndim; d++)
        if (d != axis) r.d[r.ndim++] = s->d[d];
        else if (keep) r.d[r.ndim++] = 1;
    return new_array(I, &r, out);
}

/* np.linalg.inv(a): square in its last two dims (a singular matrix's values are not followed) */
static int np_inv(ARGS) {
    UNUSED_ARGS;
    py_val b[1];
    if (bind(I, "a", "inv", a, n, kw, kwv, n_kw, b, 1)) return -1;
    const cnnc_shape *s = NULL;
    if (array_arg(I, "linalg.inv", b[0], &s)) return -1;
    if (s->ndim < 2)
        return py_raise(I, "numpy.linalg.LinAlgError", "%d-dimensional array given. Array must be at least two-dimensional",
                        (int)s->ndim);
    if (s->d[s->ndim - 1] != s->d[s->ndim - 2])
        return py_raise(I, "numpy.linalg.LinAlgError", "Last 2 dimensions of the array must be square");
    return new_array(I, s, out);
}

static int def(interp *I, py_module_ns *m, const char *name, py_native fn) {
    py_val v = pv_builtin(I, name, fn, pv_unbound(), NULL, 0);
    return v.t == PV_UNBOUND ? py_nomem(I) : py_module_set(I, m, name, v);
}

/* x's values are 0, 1, 2 ... (int64) */
static int set_iota(interp *I, py_tensor *x) {
    if (py_tensor_set_known(I, x, KNOWN_ARANGE, 0.0)) return -1;
    x->known->step = 1.0;
    x->known->is_int = 1;
    return 0;
}

/* np.argwhere(a): the indices of a's nonzero elements, [count, ndim]. Only where a's
 * values are known: all equal (the count is all or none), or 0, 1, 2 ... (all but the first). */
static int np_argwhere(ARGS) {
    UNUSED_ARGS;
    py_val b[1];
    if (bind(I, "a", "argwhere", a, n, kw, kwv, n_kw, b, 1)) return -1;
    if (b[0].t != PV_TENSOR || pv_as_tensor(b[0])->node != TENSOR_CONST)
        return py_unsupported(I, "cnnc cannot follow numpy.argwhere of a %s", py_type_name(&b[0]));
    const py_tensor *x = pv_as_tensor(b[0]);
    const py_known *k = py_tensor_known(x);
    if (!k) return py_unsupported(I, "cnnc cannot follow numpy.argwhere of values it does not know");
    const int64_t numel = cnnc_shape_numel(&x->shape);
    if (k->kind != KNOWN_FILL && !py_known_iota(k))
        return py_unsupported(I, "cnnc cannot follow numpy.argwhere of values it does not know");
    int64_t count = py_known_iota(k) ? (numel > 0 ? numel - 1 : 0) : (k->fill != 0.0 ? numel : 0);
    cnnc_shape r = {.ndim = 2, .d = {count, x->shape.ndim}};
    if (new_array(I, &r, out)) return -1;
    /* a vector's nonzero indices in order: 0, 1, 2 ... when all are (0, 1, 2 ...'s first is 0, not kept) */
    if (x->shape.ndim == 1 && (k->kind == KNOWN_FILL || count == 0))
        return set_iota(I, pv_as_tensor(*out));
    return 0;
}

/* np.squeeze(a, axis=None): without its size-1 dims; the values, in order, stay */
static int np_squeeze(ARGS) {
    UNUSED_ARGS;
    py_val b[2];
    if (bind(I, "a, axis=None", "squeeze", a, n, kw, kwv, n_kw, b, 2)) return -1;
    const cnnc_shape *s = NULL;
    if (array_arg(I, "squeeze", b[0], &s)) return -1;
    cnnc_shape r = {.ndim = 0};
    if (!given(b[1])) {
        for (int32_t d = 0; d < s->ndim; d++)
            if (s->d[d] != 1) r.d[r.ndim++] = s->d[d];
    } else {
        int32_t axis = 0;
        if (axis_of(I, b[1], s->ndim, &axis)) return -1;
        if (s->d[axis] != 1)
            return py_raise(I, "ValueError", "cannot select an axis to squeeze out which has size not equal to one");
        for (int32_t d = 0; d < s->ndim; d++)
            if (d != axis) r.d[r.ndim++] = s->d[d];
    }
    if (new_array(I, &r, out)) return -1;
    pv_as_tensor(*out)->known = pv_as_tensor(b[0])->known;   /* a view */
    return 0;
}

/* np.resize(a, new_shape): a's values repeated (or cut) to the new size */
static int np_resize(ARGS) {
    UNUSED_ARGS;
    py_val b[2];
    if (bind(I, "a, new_shape", "resize", a, n, kw, kwv, n_kw, b, 2)) return -1;
    const cnnc_shape *s = NULL;
    if (array_arg(I, "resize", b[0], &s)) return -1;
    const py_val *dims = &b[1];
    int32_t nd = 1;
    if (pv_is_seq(b[1])) { dims = pv_as_seq(b[1])->v; nd = pv_as_seq(b[1])->n; }
    if (nd > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc arrays have at most %d dims", CNNC_MAX_DIMS);
    cnnc_shape r = {.ndim = nd};
    for (int32_t d = 0; d < nd; d++) {
        if (int_arg(I, dims[d], &r.d[d])) return -1;
        if (r.d[d] < 0) return py_raise(I, "ValueError", "all elements of `new_shape` must be non-negative");
    }
    if (new_array(I, &r, out)) return -1;
    const py_known *k = py_tensor_known(pv_as_tensor(b[0]));
    const int64_t from = cnnc_shape_numel(s), to = cnnc_shape_numel(&r);
    if (k && from > 0 && (k->kind == KNOWN_FILL || to <= from))   /* repeats of one value, or a prefix of the values */
        return py_tensor_copy_known(I, pv_as_tensor(*out), k);
    return 0;
}

/* np.load(file, ...) of a path with no file: open()'s FileNotFoundError; a file is not read */
static int np_load(ARGS) {
    UNUSED_ARGS;
    (void)out;
    const py_val f = n > 0 ? a[0] : pv_unbound();
    if (f.t != PV_STR) return py_unsupported(I, "cnnc cannot follow numpy.load of a %s", py_type_name(&f));
    const int r = py_raise_if_no_file(I, f);
    return r <= 0 ? -1 : py_unsupported(I, "cnnc cannot follow numpy.load (it does not read arrays from files)");
}

int py_numpy_functions(interp *I, py_module_ns *np) {
    static const struct { const char *name; py_native fn; } fns[] = {
        {"linspace", np_linspace}, {"concatenate", np_concatenate}, {"expand_dims", np_expand_dims},
        {"transpose", np_transpose}, {"tile", np_tile}, {"fill_diagonal", np_fill_diagonal},
        {"square", np_unary}, {"absolute", np_unary}, {"multiply", np_binary}, {"add", np_binary},
        {"subtract", np_binary}, {"divide", np_binary}, {"power", np_power}, {"argwhere", np_argwhere}, {"squeeze", np_squeeze},
        {"resize", np_resize}, {"load", np_load}, {"round", np_round}, {"around", np_round}, {"rint", np_round},
    };
    for (size_t k = 0; k < sizeof fns / sizeof fns[0]; k++)
        if (def(I, np, fns[k].name, fns[k].fn)) return -1;
    /* np.log, np.sqrt ... of arrays too (numbers keep builtin_np_math) */
    static const char *const math[] = {"sqrt", "log", "log2", "log10", "exp", "sin", "cos", "floor", "ceil"};
    for (size_t k = 0; k < sizeof math / sizeof math[0]; k++)
        if (def(I, np, math[k], np_unary)) return -1;
    py_module_ns *linalg = py_module_new(I, "numpy.linalg");
    if (!linalg) return py_nomem(I);
    if (def(I, linalg, "norm", np_norm) || def(I, linalg, "inv", np_inv) ||
        py_module_set(I, np, "linalg", pv_ptr(PV_MODULE, linalg)))
        return -1;
    return 0;
}
