/* torch_prod.c — torch.prod / Tensor.prod: prod(input, *, dtype=None) -> a 0-d tensor, and
 * prod(input, dim, keepdim=False, *, dtype=None) -> the dim reduced. No engine kind multiplies
 * along a dim, so the result is a constant: of known values (a hypernetwork's
 * torch.prod(torch.tensor(param.shape)).item()) it has their products; of a tensor from the
 * input, its shape only, and the trace is check only. Integer and bool inputs give int64. */
#include "py/torch_internal.h"

#include <string.h>

/* The overload error PyTorch gives a dim that is no int (a tuple: prod reduces one dim). */
static int overload_error(interp *I, int is_method, const py_val *dim) {
    if (is_method)
        return py_raise(I, "TypeError",
                        "prod() received an invalid combination of arguments - got (%s), but expected one of:\n"
                        " * (*, torch.dtype dtype)\n * (int dim, bool keepdim, *, torch.dtype dtype)\n"
                        " * (name dim, bool keepdim, *, torch.dtype dtype)\n", py_type_name(dim));
    return py_raise(I, "TypeError",
                    "prod() received an invalid combination of arguments - got (Tensor, %s), but expected one of:\n"
                    " * (Tensor input, *, torch.dtype dtype)\n"
                    " * (Tensor input, int dim, bool keepdim, *, torch.dtype dtype, Tensor out)\n"
                    " * (Tensor input, name dim, bool keepdim, *, torch.dtype dtype, Tensor out)\n", py_type_name(dim));
}

/* out's values: the products of x's known values over dim d (-1: all) */
static int known_products(interp *I, const py_tensor *x, int32_t d, py_tensor *out, int is_int) {
    const py_known *k = py_tensor_known(x);
    if (!k && !x->value_kind) return 0;
    const int64_t numel = cnnc_shape_numel(&x->shape);
    const double *v = NULL;
    double one_value = x->value;
    if (k) {
        if (numel > PY_KNOWN_VALUES_MAX || !(v = py_known_values(I, x))) return 0;
    } else if (numel == 1) {
        v = &one_value;
    } else {
        return 0;
    }
    int64_t outer = 1, len = numel, inner = 1;
    if (d >= 0 && x->shape.ndim) {
        len = x->shape.d[d];
        for (int32_t j = 0; j < d; j++) outer *= x->shape.d[j];
        for (int32_t j = d + 1; j < x->shape.ndim; j++) inner *= x->shape.d[j];
    }
    const int64_t n_out = outer * inner;
    double *prod = (double *)py_alloc(I->arena, (size_t)n_out * sizeof *prod);
    if (!prod) return py_nomem(I);
    for (int64_t o = 0; o < outer; o++)
        for (int64_t i = 0; i < inner; i++) {
            double p = 1.0;
            for (int64_t j = 0; j < len; j++) p *= v[(o * len + j) * inner + i];
            prod[o * inner + i] = p;
        }
    if (n_out == 1) {   /* one value: item() reads it */
        out->value_kind = is_int ? PV_INT : PV_FLOAT;
        out->value = prod[0];
    }
    return py_tensor_set_values(I, out, prod, n_out, is_int);
}

int torch_prod(ARGS) {
    const int is_method = self.t == PV_TENSOR;
    py_val x = is_method ? self : pv_unbound(), dim = pv_unbound(), keep = pv_unbound();
    int32_t next = 0;
    if (!is_method && n > 0) x = a[next++];
    if (next < n) dim = a[next++];
    if (next < n) keep = a[next++];
    if (next < n) return py_unsupported(I, "cnnc cannot follow this call of prod()");
    int dtype_given = 0;
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "input") && x.t == PV_UNBOUND) x = kwv[k];
        else if ((!strcmp(nm, "dim") || !strcmp(nm, "axis")) && dim.t == PV_UNBOUND) dim = kwv[k];
        else if ((!strcmp(nm, "keepdim") || !strcmp(nm, "keepdims")) && keep.t == PV_UNBOUND) keep = kwv[k];
        else if (!strcmp(nm, "dtype")) dtype_given = 1;
        else return py_unsupported(I, "cnnc cannot follow prod() with %s=", nm);
    }
    if (x.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow prod() of a %s", py_type_name(&x));
    if (dim.t == PV_NONE) return torch_raise_shape(I, "RuntimeError", "Please look up dimensions by name, got: name = None.");
    if (dim.t != PV_UNBOUND && (!pv_is_int(dim) || dim.t == PV_BOOL)) {
        if (n_kw == 0 && n == (is_method ? 1 : 2) && dim.t != PV_STR) return overload_error(I, is_method, &dim);
        return py_unsupported(I, "cnnc cannot follow prod() with a dim of type %s", py_type_name(&dim));
    }
    if (dim.t == PV_UNBOUND && keep.t != PV_UNBOUND) return py_unsupported(I, "cnnc cannot follow prod() with keepdim and no dim");
    if (keep.t != PV_UNBOUND && keep.t != PV_BOOL) return py_unsupported(I, "cnnc cannot follow prod() with a %s keepdim", py_type_name(&keep));
    if (dim.big) return torch_raise_shape(I, "RuntimeError", "Overflow when unpacking long");
    const py_tensor *t = pv_as_tensor(x);
    if (t->is_complex) return py_unsupported(I, "cnnc cannot follow prod() of a complex tensor");
    cnnc_shape o;
    memset(&o, 0, sizeof o);
    int32_t d = -1;
    if (dim.t != PV_UNBOUND) {
        if (torch_wrap_dim(I, dim.u.i, t->shape.ndim, &d)) return -1;
        o = t->shape;
        if (o.ndim && keep.t == PV_BOOL && keep.u.i) {
            o.d[d] = 1;
        } else if (o.ndim) {
            for (int32_t j = d; j + 1 < o.ndim; j++) o.d[j] = o.d[j + 1];
            o.ndim--;
        }
    }
    const py_known *k = py_tensor_known(t);
    const int is_int = !dtype_given && (t->is_indices || t->is_mask || (k && k->is_int) || t->value_kind == PV_INT ||
                                        t->value_kind == PV_BOOL);
    if (torch_const_of(I, x, &o, 0, out)) return -1;
    py_tensor *r = pv_as_tensor(*out);
    if (is_int) r->is_indices = 1;   /* int64, values bounded only where known */
    else r->known_float = t->node != TENSOR_CONST || t->known_float;
    if (dtype_given) return 0;
    return known_products(I, t, d, r, is_int) < 0 ? -1 : 0;
}

/* torch.cumprod(input, dim, *, dtype=None) / Tensor.cumprod(dim, *, dtype=None): running products
 * along dim, of x's shape (a diffusion schedule's torch.cumprod(1 - betas, 0)). Known values give
 * known products; integer and bool inputs give int64. */
int torch_cumprod(ARGS) {
    const int is_method = self.t == PV_TENSOR;
    py_val b[3];
    const py_sig *sig = py_sig_cached(I, is_method ? "dim, *, dtype=None" : "input, dim, *, dtype=None", -1);
    if (!sig || py_bind_sig_as(I, sig, "cumprod", 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    const int at = is_method ? 0 : 1;
    const py_val x = is_method ? self : b[0], dim = b[at], dtype = b[at + 1];
    if (x.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow cumprod() of a %s", py_type_name(&x));
    if (!pv_is_int(dim) || dim.t == PV_BOOL || dim.big)
        return py_unsupported(I, "cnnc cannot follow cumprod() with a dim of type %s", py_type_name(&dim));
    const int dtype_given = dtype.t != PV_UNBOUND && dtype.t != PV_NONE;
    if (dtype_given && (dtype.t != PV_DTYPE || strcmp((const char *)dtype.u.p, "float32")))
        return py_unsupported(I, "cnnc follows cumprod() with dtype=torch.float32 only");
    const py_tensor *t = pv_as_tensor(x);
    if (t->is_complex) return py_unsupported(I, "cnnc cannot follow cumprod() of a complex tensor");
    int32_t d = 0;
    if (torch_wrap_dim(I, dim.u.i, t->shape.ndim, &d)) return -1;
    const py_known *k = py_tensor_known(t);
    const int is_int = !dtype_given && (t->is_indices || t->is_mask || (k && k->is_int) || t->value_kind == PV_INT ||
                                        t->value_kind == PV_BOOL);
    if (torch_const_of(I, x, &t->shape, 0, out)) return -1;   /* no engine kind multiplies along a dim */
    py_tensor *r = pv_as_tensor(*out);
    if (is_int) r->is_indices = 1;
    else r->known_float = 1;
    const int64_t numel = cnnc_shape_numel(&t->shape);
    const double *v = k && numel <= PY_KNOWN_VALUES_MAX ? py_known_values(I, t) : NULL;
    if (!v) return 0;
    int64_t len = t->shape.ndim ? t->shape.d[d] : 1, inner = 1;
    for (int32_t j = d + 1; j < t->shape.ndim; j++) inner *= t->shape.d[j];
    double *p = (double *)py_alloc(I->arena, (size_t)(numel ? numel : 1) * sizeof *p);
    if (!p) return py_nomem(I);
    for (int64_t j = 0; j < numel; j++) {
        const int64_t along = j / inner % len;
        p[j] = along ? p[j - inner] * v[j] : v[j];
    }
    return py_tensor_set_values(I, r, p, numel, is_int);
}
