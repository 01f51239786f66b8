/* torch_diagonal.c — the diagonal ops variational and covariance layers use:
 * torch.diagonal / Tensor.diagonal (a diagonal's entries, the two dims replaced by one at
 * the end), torch.diag_embed / Tensor.diag_embed (the last dim spread over two new ones)
 * and torch.block_diag (matrices along the diagonal of one). ATen's checks and words; the
 * results are constants of their shapes (values not followed), so a trace through them from
 * the input is check only. */
#include "py/torch_internal.h"

#include <string.h>

/* offset, dim1 and dim2 of b[1..3] (PyTorch's binder refuses what is no int) */
static int int_args(interp *I, const char *fn, const py_val *b, const int64_t *dflt, int64_t *v) {
    static const char *const names[] = {"offset", "dim1", "dim2"};
    for (int j = 0; j < 3; j++) {
        const py_val x = b[j + 1];
        if (x.t == PV_UNBOUND) { v[j] = dflt[j]; continue; }
        if (!pv_is_int(x) || x.t == PV_BOOL || x.big)
            return py_raise(I, "TypeError", "%s(): argument '%s' (position %d) must be int, not %s", fn, names[j], j + 2,
                            py_type_name(&x));
        v[j] = x.u.i;
    }
    return 0;
}

static int input_tensor(interp *I, const char *fn, py_val x) {
    if (x.t == PV_TENSOR) return pv_as_tensor(x)->is_complex ? py_unsupported(I, "cnnc cannot follow %s() of a complex tensor", fn) : 0;
    return py_raise(I, "TypeError", "%s(): argument 'input' (position 1) must be Tensor, not %s", fn, py_type_name(&x));
}

/* torch.diagonal(input, offset=0, dim1=0, dim2=1) */
int torch_diagonal(ARGS) {
    UNUSED;
    if (torch_args_with_self(I, self, &a, &n)) return -1;
    py_val b[4];
    const py_sig *sig = py_sig_cached(I, "input, offset=0, dim1=0, dim2=1", -1);
    if (!sig || py_bind_sig_as(I, sig, "diagonal", 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    if (input_tensor(I, "diagonal", b[0])) return -1;
    static const int64_t dflt[] = {0, 0, 1};
    int64_t v[3];
    if (int_args(I, "diagonal", b, dflt, v)) return -1;
    const cnnc_shape *s = &pv_as_tensor(b[0])->shape;
    int32_t d1, d2;
    if (torch_wrap_dim(I, v[1], s->ndim, &d1) || torch_wrap_dim(I, v[2], s->ndim, &d2)) return -1;
    if (d1 == d2)
        return torch_raise_shape(I, "RuntimeError", "diagonal dimensions cannot be identical %lld, %lld", (long long)v[1], (long long)v[2]);
    const int64_t off = v[0], r = s->d[d1], c = s->d[d2];
    int64_t len = off >= 0 ? (r < c - off ? r : c - off) : (r + off < c ? r + off : c);
    if (len < 0) len = 0;
    cnnc_shape o;
    memset(&o, 0, sizeof o);
    for (int32_t k = 0; k < s->ndim; k++)
        if (k != d1 && k != d2) o.d[o.ndim++] = s->d[k];
    o.d[o.ndim++] = len;
    return torch_const_like(I, b[0], &o, out);   /* x's entries (and zeros): its index bound holds */
}

/* torch.diag_embed(input, offset=0, dim1=-2, dim2=-1) */
int torch_diag_embed(ARGS) {
    UNUSED;
    if (torch_args_with_self(I, self, &a, &n)) return -1;
    py_val b[4];
    const py_sig *sig = py_sig_cached(I, "input, offset=0, dim1=-2, dim2=-1", -1);
    if (!sig || py_bind_sig_as(I, sig, "diag_embed", 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    if (input_tensor(I, "diag_embed", b[0])) return -1;
    static const int64_t dflt[] = {0, -2, -1};
    int64_t v[3];
    if (int_args(I, "diag_embed", b, dflt, v)) return -1;
    const cnnc_shape *s = &pv_as_tensor(b[0])->shape;
    if (s->ndim + 1 > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc tensors have at most %d dims", CNNC_MAX_DIMS);
    int32_t d1, d2;
    if (torch_wrap_dim(I, v[1], s->ndim + 1, &d1) || torch_wrap_dim(I, v[2], s->ndim + 1, &d2)) return -1;
    if (d1 == d2)
        return torch_raise_shape(I, "RuntimeError", "diagonal dimensions cannot be identical %lld, %lld", (long long)v[1], (long long)v[2]);
    const int64_t last = s->ndim ? s->d[s->ndim - 1] : 1;
    const int64_t size = last + (v[0] < 0 ? -v[0] : v[0]);
    cnnc_shape o;
    memset(&o, 0, sizeof o);
    o.ndim = s->ndim + 1;
    for (int32_t k = 0, j = 0; k < o.ndim; k++) o.d[k] = k == d1 || k == d2 ? size : s->d[j++];
    return torch_const_like(I, b[0], &o, out);   /* x's entries (and zeros): its index bound holds */
}

/* torch.block_diag(*tensors): 0-d as 1x1, 1-d [n] as 1xn, 2-d as they are */
int torch_block_diag(ARGS) {
    UNUSED;
    if (n_kw) return py_unsupported(I, "cnnc cannot follow block_diag() with keywords");
    int64_t rows = 0, cols = 0;
    int from_graph = 0, all_int = n > 0;
    for (int32_t k = 0; k < n; k++) {
        if (a[k].t != PV_TENSOR)
            return py_raise(I, "TypeError", "expected Tensor as element %d in argument 0, but got %s", (int)k, py_type_name(&a[k]));
        const py_tensor *t = pv_as_tensor(a[k]);
        if (t->is_complex) return py_unsupported(I, "cnnc cannot follow block_diag() of a complex tensor");
        if (t->shape.ndim > 2)
            return torch_raise_shape(I, "RuntimeError", "torch.block_diag: Input tensors must have 2 or fewer dimensions. Input %d has %d dimensions",
                                     (int)k, (int)t->shape.ndim);
        rows += t->shape.ndim == 2 ? t->shape.d[0] : 1;
        cols += t->shape.ndim == 2 ? t->shape.d[1] : t->shape.ndim == 1 ? t->shape.d[0] : 1;
        from_graph |= t->node != TENSOR_CONST;
        all_int &= t->is_indices;
    }
    cnnc_shape o;
    memset(&o, 0, sizeof o);
    o.ndim = 2;
    o.d[0] = n ? rows : 1;
    o.d[1] = cols;
    *out = pv_tensor(I, &o, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    if (I->tracing && from_graph) MARK_CONST_OPERAND(I);
    pv_as_tensor(*out)->is_indices = all_int;
    pv_as_tensor(*out)->known_float = !all_int;
    return 0;
}
