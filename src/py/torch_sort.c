/* torch_sort.c — torch.sort / Tensor.sort (a torch.return_types.sort of values and int64
 * indices) and torch.argsort / Tensor.argsort (the indices alone): the input's shape along
 * any dim, with ATen's dim check. Which element goes where depends on the data, so the
 * values are a constant (a trace through them from the input is check only); the indices
 * are below the sorted dim's size, which indexing by them relies on. */
#include "py/torch_internal.h"

#include <string.h>

/* x sorted along `dim` (PV_UNBOUND: -1): *values and *indices, each of x's shape */
static int sorted(interp *I, py_val x, py_val dim, const char *fn, py_val *values, py_val *indices) {
    if (x.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow %s() of a %s", fn, py_type_name(&x));
    if (dim.t != PV_UNBOUND && (!pv_is_int(dim) || dim.t == PV_BOOL || dim.big))
        return py_unsupported(I, "cnnc cannot follow %s() with a dim of type %s", fn, py_type_name(&dim));
    const py_tensor *t = pv_as_tensor(x);
    if (t->is_complex) return py_unsupported(I, "cnnc cannot follow %s() of a complex tensor", fn);
    int32_t d = 0;
    if (torch_wrap_dim(I, dim.t == PV_UNBOUND ? -1 : dim.u.i, t->shape.ndim, &d)) return -1;
    if (values) {   /* placed by the data */
        if (torch_const_like(I, x, &t->shape, values)) return -1;
    } else if (I->tracing && t->node != TENSOR_CONST) {
        MARK_CONST_OPERAND(I);
    }
    if ((*indices = pv_tensor(I, &t->shape, TENSOR_CONST)).t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(*indices)->is_indices = 1;
    pv_as_tensor(*indices)->index_bound = torch_dim_size(&t->shape, d);
    return 0;
}

/* the flags after dim: bools (descending, stable) */
static int check_flags(interp *I, const char *fn, const py_val *b, int32_t from, int32_t to) {
    for (int32_t j = from; j < to; j++)
        if (b[j].t != PV_UNBOUND && b[j].t != PV_BOOL && b[j].t != PV_NONE)
            return py_unsupported(I, "cnnc cannot follow %s() with a %s flag", fn, py_type_name(&b[j]));
    return 0;
}

/* torch.sort(input, dim=-1, descending=False, *, stable=None) and Tensor.sort */
int torch_sort(ARGS) {
    UNUSED;
    const int is_method = self.t == PV_TENSOR;
    py_val b[4];
    const py_sig *sig = py_sig_cached(I, is_method ? "dim=-1, descending=False, *, stable=None"
                                                   : "input, dim=-1, descending=False, *, stable=None", -1);
    if (!sig || py_bind_sig_as(I, sig, "sort", 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    const int at = is_method ? 0 : 1;
    if (check_flags(I, "sort", b, at + 1, at + 3)) return -1;
    py_val pair = pv_seq(I, PV_TUPLE, 2);
    if (pair.t == PV_UNBOUND) return py_nomem(I);
    if (sorted(I, is_method ? self : b[0], b[at], "sort", &pv_as_seq(pair)->v[0], &pv_as_seq(pair)->v[1])) return -1;
    static const char *const fields[] = {"values", "indices"};
    if (torch_return_type(I, "torch.return_types.sort", fields, 2, pair)) return -1;
    *out = pair;
    return 0;
}

/* torch.argsort(input, dim=-1, descending=False, *, stable=False) and Tensor.argsort */
int torch_argsort(ARGS) {
    UNUSED;
    const int is_method = self.t == PV_TENSOR;
    py_val b[4];
    const py_sig *sig = py_sig_cached(I, is_method ? "dim=-1, descending=False, *, stable=False"
                                                   : "input, dim=-1, descending=False, *, stable=False", -1);
    if (!sig || py_bind_sig_as(I, sig, "argsort", 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    const int at = is_method ? 0 : 1;
    if (check_flags(I, "argsort", b, at + 1, at + 3)) return -1;
    return sorted(I, is_method ? self : b[0], b[at], "argsort", NULL, out);
}
