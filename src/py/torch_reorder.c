/* torch_reorder.c — ops that reorder a tensor's elements within its shape: torch.flip,
 * fliplr, flipud and rot90, and their Tensor methods (p4 group convolutions rotate their
 * filter banks with torch.rot90(self.weight, k, [2, 3])). ATen's checks and words; the
 * result is a new tensor of the reordered shape (rot90 by an odd k: the two dims swapped,
 * and strided as flip-then-transpose_ leaves it, so view() fails where PyTorch's does).
 * The values are not followed (a known fill survives): a trace through these from the
 * input is check only. */
#include "py/torch_internal.h"

#include <stdio.h>
#include <string.h>

/* dims of flip: a sequence of ints (method form: also ints given one by one) -> out[], *n */
static int flip_dims(interp *I, py_val v, int position, int64_t *out, int32_t *n) {
    if (v.t != PV_TUPLE && v.t != PV_LIST && v.t != PV_SIZE)
        return py_raise(I, "TypeError", "flip(): argument 'dims' (position %d) must be tuple of ints, not %s", position,
                        py_type_name(&v));
    const py_seq *q = pv_as_seq(v);
    if (q->n > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc follows flip() over at most %d dims", CNNC_MAX_DIMS);
    for (int32_t k = 0; k < q->n; k++) {
        if (!pv_is_int(q->v[k]) || q->v[k].t == PV_BOOL || q->v[k].big)
            return py_raise(I, "TypeError", "flip(): argument 'dims' (position %d) must be tuple of ints, not %s", position,
                            py_type_name(&v));
        out[k] = q->v[k].u.i;
    }
    *n = q->n;
    return 0;
}

/* The result: x's shape (o), values not followed; a known fill stays (flipping ones gives ones). */
static int reordered(interp *I, py_val x, const cnnc_shape *o, py_val *out) {
    if (torch_const_of(I, x, o, pv_as_tensor(x)->is_complex, out)) return -1;
    py_tensor *r = pv_as_tensor(*out), *t = pv_as_tensor(x);
    py_tensor_same_elements(r, t);
    r->index_bound_met = t->index_bound_met;   /* every element is still there */
    const py_known *k = py_tensor_known(t);
    return k && k->kind == KNOWN_FILL ? py_tensor_copy_known(I, r, k) : 0;
}

/* flip over dims (wrapped, each once) */
static int flip_of(interp *I, py_val x, const int64_t *dims, int32_t nd, py_val *out) {
    const py_tensor *t = pv_as_tensor(x);
    int seen[CNNC_MAX_DIMS + 1] = {0};
    for (int32_t k = 0; k < nd; k++) {
        int32_t d = 0;
        if (torch_wrap_dim(I, dims[k], t->shape.ndim, &d)) return -1;
        if (seen[d]) return torch_raise_shape(I, "RuntimeError", "dim %d appears multiple times in the list of dims", (int)d);
        seen[d] = 1;
    }
    return reordered(I, x, &t->shape, out);
}

/* torch.flip(input, dims), Tensor.flip(*dims) */
int torch_flip(ARGS) {
    const int is_method = self.t == PV_TENSOR;
    py_val x = is_method ? self : pv_unbound(), dims = pv_unbound();
    int32_t next = 0;
    if (!is_method && n > 0) x = a[next++];
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "input") && !is_method && x.t == PV_UNBOUND) x = kwv[k];
        else if (!strcmp(nm, "dims") && dims.t == PV_UNBOUND && next == n) dims = kwv[k];
        else return py_unsupported(I, "cnnc cannot follow flip() with %s=", nm);
    }
    int64_t dm[CNNC_MAX_DIMS];
    int32_t nd = 0;
    if (is_method && n >= 1 && pv_is_int(a[0])) {   /* x.flip(3, 2) */
        if (n > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc follows flip() over at most %d dims", CNNC_MAX_DIMS);
        for (int32_t k = 0; k < n; k++) {
            if (!pv_is_int(a[k]) || a[k].t == PV_BOOL || a[k].big)
                return py_unsupported(I, "cnnc cannot follow flip() of a %s", py_type_name(&a[k]));
            dm[nd++] = a[k].u.i;
        }
    } else {
        if (next < n) dims = a[next++];
        if (next < n) return py_unsupported(I, "cnnc cannot follow this call of flip()");
        if (x.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow flip() of a %s", py_type_name(&x));
        if (dims.t == PV_UNBOUND) return py_raise(I, "TypeError", "flip() missing 1 required positional arguments: \"dims\"");
        if (flip_dims(I, dims, is_method ? 1 : 2, dm, &nd)) return -1;
    }
    return flip_of(I, x, dm, nd, out);
}

/* torch.fliplr(input) / torch.flipud(input) and the methods: flip of dim 1 / dim 0 */
int torch_flip_lr_ud(ARGS) {
    const int lr = !strcmp(I->callee->name, "fliplr");
    py_val x = self.t == PV_TENSOR ? self : n == 1 ? a[0] : pv_unbound();
    if (n_kw == 1 && self.t != PV_TENSOR && !n && !strcmp(py_sym_name(I->syms, kw[0]), "input")) x = kwv[0];
    else if (n_kw || n > (self.t == PV_TENSOR ? 0 : 1)) return py_unsupported(I, "cnnc cannot follow this call of %s()", I->callee->name);
    if (x.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow %s() of a %s", I->callee->name, py_type_name(&x));
    if (pv_as_tensor(x)->shape.ndim < (lr ? 2 : 1))
        return torch_raise_shape(I, "RuntimeError", "Input must be >= %d-d.", lr ? 2 : 1);
    const int64_t dim = lr ? 1 : 0;
    return flip_of(I, x, &dim, 1, out);
}

/* torch.rot90(input, k=1, dims=[0, 1]), Tensor.rot90(k=1, dims=[0, 1]) */
int torch_rot90(ARGS) {
    UNUSED;
    const int is_method = self.t == PV_TENSOR;
    py_val b[3];
    const py_sig *sig = py_sig_cached(I, is_method ? "k=1, dims=None" : "input, k=1, dims=None", -1);   /* dims: [0, 1] */
    if (!sig || py_bind_sig_as(I, sig, "rot90", 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    py_val x = is_method ? self : b[0], k = b[is_method ? 0 : 1], dims = b[is_method ? 1 : 2];
    const int k_pos = is_method ? 1 : 2;
    if (x.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow rot90() of a %s", py_type_name(&x));
    if (k.t == PV_UNBOUND) k = pv_int(1);
    if (!pv_is_int(k) || k.t == PV_BOOL || k.big)
        return py_raise(I, "TypeError", "rot90(): argument 'k' (position %d) must be int, not %s", k_pos, py_type_name(&k));
    int64_t dm[2] = {0, 1};
    int32_t nd = 2;
    if (dims.t != PV_UNBOUND) {
        if (dims.t != PV_TUPLE && dims.t != PV_LIST && dims.t != PV_SIZE)
            return py_raise(I, "TypeError", "rot90(): argument 'dims' (position %d) must be tuple of ints, not %s", k_pos + 1,
                            py_type_name(&dims));
        const py_seq *q = pv_as_seq(dims);
        for (int32_t j = 0; j < q->n; j++)
            if (!pv_is_int(q->v[j]) || q->v[j].t == PV_BOOL || q->v[j].big)
                return py_raise(I, "TypeError", "rot90(): argument 'dims' must be tuple of ints, but found element of type %s at pos %d",
                                py_type_name(&q->v[j]), (int)j + 1);
        nd = q->n;
        for (int32_t j = 0; j < nd && j < 2; j++) dm[j] = q->v[j].u.i;
    }
    const py_tensor *t = pv_as_tensor(x);
    const int64_t total = t->shape.ndim;
    if (nd != 2) return torch_raise_shape(I, "RuntimeError", "expected total rotation dims == 2, but got dims = %d", (int)nd);
    if (total < 2) return torch_raise_shape(I, "RuntimeError", "expected total dims >= 2, but got total dims = %lld", (long long)total);
    const int64_t gap = dm[0] > dm[1] ? dm[0] - dm[1] : dm[1] - dm[0];
    if (dm[0] == dm[1] || gap == total)
        return torch_raise_shape(I, "RuntimeError", "expected rotation dims to be different, but got dim0 = %lld and dim1 = %lld",
                                 (long long)dm[0], (long long)dm[1]);
    for (int j = 0; j < 2; j++)
        if (dm[j] >= total || dm[j] < -total)
            return torch_raise_shape(I, "RuntimeError", "Rotation dim%d out of range, dim%d = %lld", j, j, (long long)dm[j]);
    const int32_t d0 = (int32_t)(dm[0] < 0 ? dm[0] + total : dm[0]), d1 = (int32_t)(dm[1] < 0 ? dm[1] + total : dm[1]);
    const int64_t turns = (4 + k.u.i % 4) % 4;
    if (turns % 2 == 0) return reordered(I, x, &t->shape, out);
    /* flip then transpose_: the flipped tensor is contiguous, its transpose strided */
    cnnc_shape o = t->shape;
    o.d[d0] = t->shape.d[d1];
    o.d[d1] = t->shape.d[d0];
    if (reordered(I, x, &o, out)) return -1;
    py_tensor *r = pv_as_tensor(*out);
    int64_t acc = 1;
    for (int32_t j = t->shape.ndim - 1; j >= 0; j--) {   /* the flipped tensor's strides, of x's shape */
        r->stride[j] = acc;
        acc *= t->shape.d[j] > 1 ? t->shape.d[j] : 1;
    }
    const int64_t s = r->stride[d0];
    r->stride[d0] = r->stride[d1];
    r->stride[d1] = s;
    r->strided = 1;
    return 0;
}
