/* numpy_arrays.c — the numpy arrays model code builds weights from in __init__
 * (FCN's and LapSRN's bilinear upsampling kernels: np.ogrid, np.zeros, indexing
 * with ranges, torch.from_numpy), as constant tensors marked is_numpy: only their
 * shapes matter, and numpy's rules for them are followed where they differ from
 * PyTorch's (advanced indices by ranges, its IndexError words). */
#include "py/builtins_internal.h"

#include <stdio.h>
#include <string.h>

static py_val numpy_array(interp *I, const cnnc_shape *s) {
    py_val v = pv_tensor(I, s, TENSOR_CONST);
    if (v.t != PV_UNBOUND) pv_as_tensor(v)->is_numpy = 1;
    return v;
}

/* One slice of np.ogrid[...]: its length (start 0, step 1 when omitted). */
static int ogrid_length(interp *I, py_val key, int64_t *len) {
    if (key.t != PV_SLICE) return py_unsupported(I, "cnnc follows np.ogrid of slices only");
    const py_slice *s = (const py_slice *)key.u.p;
    if (s->hi.t == PV_NONE || !pv_is_int(s->hi) || (s->lo.t != PV_NONE && !pv_is_int(s->lo)) ||
        (s->step.t != PV_NONE && !pv_is_int(s->step)))
        return py_unsupported(I, "cnnc follows np.ogrid of int slices with a stop");
    const int64_t lo = s->lo.t == PV_NONE ? 0 : s->lo.u.i, hi = s->hi.u.i, st = s->step.t == PV_NONE ? 1 : s->step.u.i;
    if (st <= 0) return py_unsupported(I, "cnnc follows np.ogrid with a positive step");
    *len = hi > lo ? (hi - lo + st - 1) / st : 0;
    if (*len > ((int64_t)1 << 30)) return py_unsupported(I, "cnnc follows np.ogrid up to 2^30 values");
    return 0;
}

int py_numpy_ogrid(interp *I, py_val key, py_val *out) {
    const py_val *items = &key;
    int32_t n = 1;
    if (key.t == PV_TUPLE) { items = pv_as_seq(key)->v; n = pv_as_seq(key)->n; }
    if (n < 1 || n > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc follows np.ogrid of 1 to %d slices", CNNC_MAX_DIMS);
    int64_t len[CNNC_MAX_DIMS];
    for (int32_t k = 0; k < n; k++)
        if (ogrid_length(I, items[k], &len[k])) return -1;
    if (key.t != PV_TUPLE) {   /* np.ogrid[:5] is one array */
        cnnc_shape s = {.ndim = 1, .d = {len[0]}};
        *out = numpy_array(I, &s);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    py_val r = pv_seq(I, PV_LIST, 0);   /* numpy 1.24 returns a list of open grids */
    if (r.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < n; k++) {
        cnnc_shape s;
        memset(&s, 0, sizeof s);
        s.ndim = n;
        for (int32_t j = 0; j < n; j++) s.d[j] = j == k ? len[k] : 1;
        py_val g = numpy_array(I, &s);
        if (g.t == PV_UNBOUND) return py_nomem(I);
        if (py_seq_push(I, r, g)) return -1;
    }
    *out = r;
    return 0;
}

/* np.zeros / np.ones / np.empty (shape, dtype=float) */
int builtin_np_filled(ARGS) {
    UNUSED_ARGS;
    if (n < 1 || n > 2) return py_unsupported(I, "cnnc cannot follow this call of numpy.%s", I->callee->name);
    for (int32_t k = 0; k < n_kw + (n == 2); k++) {   /* dtype=object: an array of Python objects (tensors kept in it) */
        const py_val d = k < n_kw ? kwv[k] : a[1];
        if ((k >= n_kw || !strcmp(py_sym_name(I->syms, kw[k]), "dtype")) && d.t == PV_BUILTIN &&
            !strcmp(((const py_builtin *)d.u.p)->name, "object"))
            return py_unsupported(I, "cnnc cannot follow numpy.%s(dtype=object) (arrays of Python objects)", I->callee->name);
    }
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    if (pv_is_int(a[0])) {
        s.ndim = 1;
        s.d[0] = a[0].u.i;
    } else if (a[0].t == PV_TUPLE || a[0].t == PV_LIST || a[0].t == PV_SIZE) {
        const py_seq *q = pv_as_seq(a[0]);
        if (q->n > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc follows arrays of at most %d dims", CNNC_MAX_DIMS);
        s.ndim = q->n;
        for (int32_t k = 0; k < q->n; k++) {
            if (!pv_is_int(q->v[k]) || q->v[k].big)
                return py_raise(I, "TypeError", "'%s' object cannot be interpreted as an integer", py_type_name(&q->v[k]));
            s.d[k] = q->v[k].u.i;
        }
    } else {
        return py_raise(I, "TypeError", "'%s' object cannot be interpreted as an integer", py_type_name(&a[0]));
    }
    for (int32_t k = 0; k < s.ndim; k++)
        if (s.d[k] < 0) return py_raise(I, "ValueError", "negative dimensions are not allowed");
    *out = numpy_array(I, &s);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

/* np.eye(N, M=None, k=0, dtype=float, order='C', *, like=None): an N x M array */
int builtin_np_eye(ARGS) {
    UNUSED_ARGS;
    const char *names[7];
    py_val b[7];
    int32_t np = 0;
    if (py_bind_signature(I, "N, M=None, k=0, dtype=None, order='C', *, like=None", "eye", 0, a, n, kw, kwv, n_kw, b, &np, names, 7))
        return -1;
    for (int k = 0; k < 2; k++) {
        if (k == 1 && (b[1].t == PV_UNBOUND || b[1].t == PV_NONE)) continue;
        if (!pv_is_int(b[k]) || b[k].big)
            return py_raise(I, "TypeError", "'%s' object cannot be interpreted as an integer", py_type_name(&b[k]));
    }
    if (b[2].t != PV_UNBOUND && !pv_is_int(b[2]))
        return py_raise(I, "TypeError", "'%s' object cannot be interpreted as an integer", py_type_name(&b[2]));
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    s.ndim = 2;
    s.d[0] = b[0].u.i;
    s.d[1] = b[1].t == PV_UNBOUND || b[1].t == PV_NONE ? b[0].u.i : b[1].u.i;
    if (s.d[0] < 0 || s.d[1] < 0) return py_raise(I, "ValueError", "negative dimensions are not allowed");
    *out = numpy_array(I, &s);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

/* np.array(data, dtype=None): nested lists, tuples or a range, as torch.tensor reads
 * their shape; an array stays the array's shape */
int builtin_np_array(ARGS) {
    UNUSED_ARGS;
    for (int32_t k = 0; k < n_kw; k++)
        if (strcmp(py_sym_name(I->syms, kw[k]), "dtype")) return py_unsupported(I, "cnnc cannot follow numpy.array with %s=", py_sym_name(I->syms, kw[k]));
    if (n != 1) return py_unsupported(I, "cnnc cannot follow this call of numpy.array");
    py_val data = a[0];
    if (data.t == PV_TENSOR) {
        if (!pv_as_tensor(data)->is_numpy) return py_unsupported(I, "cnnc cannot follow numpy.array of a torch tensor");
        *out = numpy_array(I, &pv_as_tensor(data)->shape);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    if (data.t == PV_RANGE && builtin_to_seq(I, PV_LIST, 1, &data, &data)) return -1;
    if (data.t == PV_SIZE) data.t = PV_TUPLE;   /* np.array(x.size()[2:]): a torch.Size is a tuple of ints */
    if (data.t != PV_LIST && data.t != PV_TUPLE) return py_unsupported(I, "cnnc cannot follow numpy.array of a %s", py_type_name(&data));
    if (torch_tensor_from_data(I, data, out)) return -1;
    pv_as_tensor(*out)->is_numpy = 1;
    return 0;
}

/* np.reshape(a, newshape): the array's reshape */
int builtin_np_reshape(ARGS) {
    UNUSED_ARGS;
    if (n != 2 || n_kw || a[0].t != PV_TENSOR || !pv_as_tensor(a[0])->is_numpy)
        return py_unsupported(I, "cnnc cannot follow this call of numpy.reshape");
    if (py_call_method(I, a[0], "reshape", &a[1], 1, out)) return -1;
    if (out->t == PV_TENSOR) pv_as_tensor(*out)->is_numpy = 1;
    return 0;
}

/* np.arange(...): torch.arange's length, as a numpy array */
int builtin_np_arange(ARGS) {
    UNUSED_ARGS;
    py_val fn;
    if (py_getattr(I, pv_ptr(PV_MODULE, I->m_torch), py_s(I, "arange"), &fn) || py_call(I, fn, a, n, kw, kwv, n_kw, out)) return -1;
    if (out->t == PV_TENSOR) pv_as_tensor(*out)->is_numpy = 1;
    return 0;
}

/* torch.from_numpy(array): a tensor of its shape */
int builtin_from_numpy(ARGS) {
    UNUSED_ARGS;
    if (n != 1) return py_raise(I, "TypeError", "from_numpy() takes exactly one argument (%d given)", (int)n);
    if (a[0].t != PV_TENSOR || !pv_as_tensor(a[0])->is_numpy)
        return py_raise(I, "TypeError", "expected np.ndarray (got %s)", a[0].t == PV_TENSOR ? "Tensor" : py_type_name(&a[0]));
    *out = pv_tensor(I, &pv_as_tensor(a[0])->shape, TENSOR_CONST);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

/* One index of a numpy array: an int list, a range, or a full slice; its length and the
 * largest and smallest index it names. */
static int index_extent(interp *I, py_val v, int64_t *len, int64_t *lo, int64_t *hi) {
    if (v.t == PV_RANGE) {
        const py_range *r = (const py_range *)v.u.p;
        const int64_t cnt = r->step > 0 ? (r->stop > r->start ? (r->stop - r->start + r->step - 1) / r->step : 0)
                                        : (r->start > r->stop ? (r->start - r->stop - r->step - 1) / -r->step : 0);
        *len = cnt;
        *lo = cnt ? (r->step > 0 ? r->start : r->start + (cnt - 1) * r->step) : 0;
        *hi = cnt ? (r->step > 0 ? r->start + (cnt - 1) * r->step : r->start) : 0;
        return 0;
    }
    if (v.t == PV_LIST) {
        const py_seq *q = pv_as_seq(v);
        *len = q->n;
        *lo = *hi = 0;
        for (int32_t k = 0; k < q->n; k++) {
            if (q->v[k].t != PV_INT || q->v[k].big) return py_unsupported(I, "cnnc follows numpy indices that are ints");
            if (!k || q->v[k].u.i < *lo) *lo = q->v[k].u.i;
            if (!k || q->v[k].u.i > *hi) *hi = q->v[k].u.i;
        }
        return 0;
    }
    return py_unsupported(I, "cnnc cannot follow indexing a numpy array with a %s", py_type_name(&v));
}

/* a[range(c_in), range(c_out), :, :] on a numpy array: the ranges (adjacent, one length
 * or 1) index together, their common length in their place; full slices keep a dim. */
int py_numpy_index(interp *I, const py_tensor *x, py_val key, py_val *out) {
    const py_val *items = &key;
    int32_t n = 1;
    if (key.t == PV_TUPLE) { items = pv_as_seq(key)->v; n = pv_as_seq(key)->n; }
    if (n > x->shape.ndim)
        return py_raise(I, "IndexError", "too many indices for array: array is %d-dimensional, but %d were indexed",
                        (int)x->shape.ndim, (int)n);
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    int64_t common = 1;
    int32_t block = -1, last_adv = -1;
    char shapes[256] = "";
    size_t used = 0;
    int mismatch = 0;
    for (int32_t k = 0; k < n; k++) {
        const py_val v = items[k];
        if (v.t == PV_SLICE) {
            const py_slice *sl = (const py_slice *)v.u.p;
            if (sl->lo.t != PV_NONE || sl->hi.t != PV_NONE || sl->step.t != PV_NONE)
                return py_unsupported(I, "cnnc follows full slices beside a numpy array's range indices");
            s.d[s.ndim++] = x->shape.d[k];
            continue;
        }
        if (block >= 0 && last_adv != k - 1)
            return py_unsupported(I, "cnnc follows a numpy array's range indices side by side only");
        int64_t len = 0, lo = 0, hi = 0;
        if (index_extent(I, v, &len, &lo, &hi)) return -1;
        if (len && (hi >= x->shape.d[k] || lo < -x->shape.d[k]))
            return py_raise(I, "IndexError", "index %lld is out of bounds for axis %d with size %lld",
                            (long long)(hi >= x->shape.d[k] ? hi : lo), (int)k, (long long)x->shape.d[k]);
        used += (size_t)snprintf(shapes + used, sizeof shapes - (used < sizeof shapes ? used : sizeof shapes), "(%lld,) ",
                                 (long long)len);
        if (used >= sizeof shapes) used = sizeof shapes - 1;
        if (len != common && len != 1 && common != 1) mismatch = 1;
        if (common == 1) common = len;
        if (block < 0) { block = s.ndim; s.ndim++; }
        last_adv = k;
    }
    if (mismatch)
        return py_raise(I, "IndexError", "shape mismatch: indexing arrays could not be broadcast together with shapes %s", shapes);
    if (block >= 0) s.d[block] = common;
    for (int32_t k = n; k < x->shape.ndim; k++) s.d[s.ndim++] = x->shape.d[k];
    *out = numpy_array(I, &s);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

/* The shape numpy gives v as an array (np.asanyarray): an array's own, a number's (),
 * a range's or a list's of numbers (torch.tensor's reading of it; a ragged list, whose
 * numpy error differs from torch's, is refused). */
static int array_shape(interp *I, const char *fn, py_val v, cnnc_shape *s) {
    memset(s, 0, sizeof *s);
    if (pv_is_num(v)) return 0;
    if (v.t == PV_TENSOR) {
        if (!pv_as_tensor(v)->is_numpy) return py_unsupported(I, "cnnc cannot follow numpy.%s of a torch tensor", fn);
        *s = pv_as_tensor(v)->shape;
        return 0;
    }
    if (v.t == PV_RANGE && builtin_to_seq(I, PV_LIST, 1, &v, &v)) return -1;
    if (v.t != PV_LIST && v.t != PV_TUPLE) return py_unsupported(I, "cnnc cannot follow numpy.%s of a %s", fn, py_type_name(&v));
    py_val t;
    if (torch_tensor_from_data(I, v, &t)) {
        if (I->ex.status == CNNC_ERR_PARSE || I->ex.status == CNNC_ERR_SHAPE) {
            I->ex.raised = 0;
            return py_unsupported(I, "cnnc cannot follow numpy.%s of a list that is not a rectangular list of numbers", fn);
        }
        return -1;
    }
    *s = pv_as_tensor(t)->shape;
    return 0;
}

/* np.meshgrid(*xi, copy=True, sparse=False, indexing='xy'): each input flattened to one
 * axis; 'xy' swaps the first two; sparse keeps ones on the other axes. A list of arrays. */
int builtin_np_meshgrid(ARGS) {
    UNUSED_ARGS;
    int sparse = 0;
    int xy = 1;
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "indexing")) {
            const py_val v = kwv[k];
            const int ij = v.t == PV_STR && !strcmp(pv_as_str(v)->s, "ij");
            if (!ij && !(v.t == PV_STR && !strcmp(pv_as_str(v)->s, "xy")))
                return py_raise(I, "ValueError", "Valid values for `indexing` are 'xy' and 'ij'.");
            xy = !ij;
        } else if (!strcmp(nm, "sparse")) {
            if (py_truthy(I, kwv[k], &sparse)) return -1;
        } else if (strcmp(nm, "copy")) {
            return py_raise(I, "TypeError", "meshgrid() got an unexpected keyword argument '%s'", nm);
        }
    }
    if (n > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc follows numpy.meshgrid of at most %d arrays", CNNC_MAX_DIMS);
    int64_t len[CNNC_MAX_DIMS];
    for (int32_t k = 0; k < n; k++) {
        cnnc_shape s;
        if (array_shape(I, "meshgrid", a[k], &s)) return -1;
        len[k] = 1;
        for (int32_t d = 0; d < s.ndim; d++) len[k] *= s.d[d];
    }
    py_val list = pv_seq(I, PV_LIST, n);
    if (list.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < n; k++) {
        cnnc_shape s = {.ndim = n};
        for (int32_t d = 0; d < n; d++) {
            const int32_t axis = xy && n > 1 && d < 2 ? 1 - d : d;   /* the input this axis spans */
            s.d[d] = sparse && axis != k ? 1 : len[axis];
        }
        py_val arr = numpy_array(I, &s);
        if (arr.t == PV_UNBOUND) return py_nomem(I);
        pv_as_seq(list)->v[k] = arr;
    }
    *out = list;
    return 0;
}

/* np.stack(arrays, axis=0): arrays of one shape, joined along a new axis */
int builtin_np_stack(ARGS) {
    UNUSED_ARGS;
    py_val arrays = n > 0 ? a[0] : pv_unbound(), axis_v = n > 1 ? a[1] : pv_int(0);
    if (n > 2) return py_unsupported(I, "cnnc cannot follow numpy.stack with out=");
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "arrays") && n == 0) arrays = kwv[k];
        else if (!strcmp(nm, "axis") && n < 2) axis_v = kwv[k];
        else if (!strcmp(nm, "out") || !strcmp(nm, "dtype") || !strcmp(nm, "casting") || !strcmp(nm, "arrays") ||
                 !strcmp(nm, "axis"))
            return py_unsupported(I, "cnnc cannot follow numpy.stack with %s=", nm);
        else return py_raise(I, "TypeError", "stack() got an unexpected keyword argument '%s'", nm);
    }
    if (arrays.t == PV_UNBOUND) return py_raise(I, "TypeError", "stack() missing 1 required positional argument: 'arrays'");
    if (arrays.t != PV_LIST && arrays.t != PV_TUPLE)
        return py_unsupported(I, "cnnc cannot follow numpy.stack of a %s (it follows a list or tuple of arrays)", py_type_name(&arrays));
    if (!pv_is_int(axis_v)) return py_unsupported(I, "cnnc cannot follow numpy.stack with an axis of type %s", py_type_name(&axis_v));
    const py_seq *q = pv_as_seq(arrays);
    cnnc_shape first = {0};
    for (int32_t k = 0; k < q->n; k++) {
        cnnc_shape s;
        if (array_shape(I, "stack", q->v[k], &s)) return -1;
        if (k == 0) first = s;
        else if (s.ndim != first.ndim || memcmp(s.d, first.d, sizeof s.d[0] * (size_t)s.ndim))
            return py_raise(I, "ValueError", "all input arrays must have the same shape");
    }
    if (q->n == 0) return py_raise(I, "ValueError", "need at least one array to stack");
    const int32_t nd = first.ndim + 1;
    if (nd > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc arrays have at most %d dims", CNNC_MAX_DIMS);
    int64_t axis = axis_v.u.i;
    if (axis < -nd || axis >= nd)
        return py_raise(I, "numpy.AxisError", "axis %lld is out of bounds for array of dimension %d", (long long)axis, (int)nd);
    if (axis < 0) axis += nd;
    cnnc_shape r = {.ndim = nd};
    for (int32_t d = 0, src = 0; d < nd; d++) r.d[d] = d == axis ? q->n : first.d[src++];
    *out = numpy_array(I, &r);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

/* ndarray.repeat(repeats, axis=None): numpy's (torch's repeat_interleave): each element
 * `repeats` times along the axis, or in the flattened array; an int count only. */
int py_ndarray_repeat(ARGS) {
    UNUSED_ARGS;
    py_val reps = n > 0 ? a[0] : pv_unbound(), axis = n > 1 ? a[1] : pv_none();
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "axis") && n < 2) axis = kwv[k];
        else if (!strcmp(nm, "repeats") && n < 1) reps = kwv[k];
        else return py_unsupported(I, "cnnc cannot follow ndarray.repeat with %s=", nm);
    }
    if (n > 2 || !pv_is_int(reps) || reps.t == PV_BOOL || reps.big || (axis.t != PV_NONE && (!pv_is_int(axis) || axis.big)))
        return py_unsupported(I, "cnnc cannot follow this call of ndarray.repeat");
    if (reps.u.i < 0) return py_raise(I, "ValueError", "negative dimensions are not allowed");
    const py_tensor *x = pv_as_tensor(self);
    cnnc_shape o;
    memset(&o, 0, sizeof o);
    if (axis.t == PV_NONE) {
        o.ndim = 1;
        o.d[0] = cnnc_shape_numel(&x->shape) * reps.u.i;
    } else {
        const int64_t nd = x->shape.ndim;
        if (axis.u.i < -nd || axis.u.i >= nd)
            return py_raise(I, "numpy.AxisError", "axis %lld is out of bounds for array of dimension %lld", (long long)axis.u.i, (long long)nd);
        o = x->shape;
        o.d[axis.u.i < 0 ? axis.u.i + nd : axis.u.i] *= reps.u.i;
    }
    if ((*out = pv_tensor(I, &o, TENSOR_CONST)).t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(*out)->is_numpy = 1;
    pv_as_tensor(*out)->is_indices = x->is_indices;
    pv_as_tensor(*out)->known_float = x->known_float;
    return 0;
}
