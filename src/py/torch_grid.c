/* torch_grid.c — torch.meshgrid and torch.repeat_interleave / Tensor.repeat_interleave
 * with an int count: made of the view and expand kinds (meshgrid: each input viewed
 * along its own dim and expanded to the grid; repeat_interleave: a new dim after `dim`
 * expanded to the count, then merged), so the graph holds them as any view. */
#include "py/torch_internal.h"

#include <string.h>

static py_val int_tuple(interp *I, const int64_t *v, int32_t n) {
    py_val t = pv_seq(I, PV_TUPLE, n);
    if (t.t == PV_UNBOUND) return t;
    for (int32_t k = 0; k < n; k++) pv_as_seq(t)->v[k] = pv_int(v[k]);
    return t;
}

/* torch.meshgrid(*tensors, indexing=None) */
int torch_meshgrid(ARGS) {
    (void)self;
    const char *indexing = "ij";
    for (int32_t k = 0; k < n_kw; k++) {
        if (strcmp(py_sym_name(I->syms, kw[k]), "indexing"))
            return py_raise(I, "TypeError", "meshgrid() got an unexpected keyword argument '%s'", py_sym_name(I->syms, kw[k]));
        if (kwv[k].t == PV_NONE) continue;
        if (kwv[k].t != PV_STR) return py_unsupported(I, "cnnc cannot follow meshgrid(indexing=%s)", py_type_name(&kwv[k]));
        indexing = pv_as_str(kwv[k])->s;
    }
    const py_val *ts = a;
    int32_t nt = n;
    if (n == 1 && (a[0].t == PV_LIST || a[0].t == PV_TUPLE)) { ts = pv_as_seq(a[0])->v; nt = pv_as_seq(a[0])->n; }
    if (nt == 0) return torch_raise_shape(I, "RuntimeError", "meshgrid expects a non-empty TensorList");
    if (nt > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc follows meshgrid of at most %d tensors", CNNC_MAX_DIMS);
    for (int32_t k = 0; k < nt; k++)
        if (ts[k].t != PV_TENSOR)
            return py_raise(I, "TypeError", "expected Tensor as element %d in argument 0, but got %s", (int)k, py_type_name(&ts[k]));
    const int xy = !strcmp(indexing, "xy");
    if (!xy && strcmp(indexing, "ij"))
        return torch_raise_shape(I, "RuntimeError", "torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: %s", indexing);
    int64_t shape[CNNC_MAX_DIMS];
    for (int32_t k = 0; k < nt; k++) {
        const py_tensor *t = pv_as_tensor(ts[k]);
        if (t->shape.ndim > 1) return py_unsupported(I, "cnnc cannot follow meshgrid of a %d-d tensor (PyTorch prints it)", (int)t->shape.ndim);
        shape[k] = cnnc_shape_numel(&t->shape);
    }
    /* 'xy' swaps the first two inputs: the first runs along dim 1, the second along dim 0 */
    const int swap = xy && nt >= 2;
    if (swap) { const int64_t s0 = shape[0]; shape[0] = shape[1]; shape[1] = s0; }
    py_val grids = pv_seq(I, PV_TUPLE, nt);
    if (grids.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < nt; k++) {
        const int32_t src = swap && k < 2 ? 1 - k : k;   /* the input whose values run along dim k */
        int64_t view[CNNC_MAX_DIMS];
        for (int32_t j = 0; j < nt; j++) view[j] = j == k ? -1 : 1;
        py_val vshape = int_tuple(I, view, nt), full = int_tuple(I, shape, nt), v, g;
        if (vshape.t == PV_UNBOUND || full.t == PV_UNBOUND) return py_nomem(I);
        if (py_call_method(I, ts[src], "reshape", &vshape, 1, &v) || py_call_method(I, v, "expand", &full, 1, &g)) return -1;
        pv_as_seq(grids)->v[src] = g;
    }
    *out = grids;
    return 0;
}

/* torch.repeat_interleave(input, repeats, dim=None, *, output_size=None) with an int count */
int torch_repeat_interleave(ARGS) {
    py_val x = self, reps = pv_unbound(), dim = pv_none();
    int32_t at = 0;
    if (x.t != PV_TENSOR) { if (n < 1) return py_unsupported(I, "cnnc cannot follow this call of repeat_interleave()"); x = a[at++]; }
    if (n > at) reps = a[at++];
    if (n > at) dim = a[at++];
    if (n > at) return py_unsupported(I, "cnnc cannot follow this call of repeat_interleave()");
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "repeats") && reps.t == PV_UNBOUND) reps = kwv[k];
        else if (!strcmp(nm, "dim")) dim = kwv[k];
        else if (!strcmp(nm, "input") && self.t != PV_TENSOR && x.t == PV_UNBOUND) x = kwv[k];
        else if (!(!strcmp(nm, "output_size") && kwv[k].t == PV_NONE))
            return py_unsupported(I, "cnnc cannot follow repeat_interleave() with %s=", nm);
    }
    if (x.t != PV_TENSOR || reps.t == PV_UNBOUND) return py_unsupported(I, "cnnc cannot follow this call of repeat_interleave()");
    if (reps.t != PV_INT || reps.big)
        return py_unsupported(I, "cnnc follows repeat_interleave with an int count (a tensor of counts sizes by its values)");
    if (dim.t != PV_NONE && dim.t != PV_INT) return py_unsupported(I, "cnnc cannot follow repeat_interleave(dim=%s)", py_type_name(&dim));
    if (reps.u.i < 0) return torch_raise_shape(I, "RuntimeError", "repeats can not be negative");
    py_val t = x;
    if (dim.t == PV_NONE) {   /* the flattened input */
        py_val flat;
        if (py_call_method(I, x, "flatten", NULL, 0, &flat)) return -1;
        t = flat;
        dim = pv_int(0);
    }
    const py_tensor *xt = pv_as_tensor(t);
    int32_t d = 0;
    if (torch_wrap_dim(I, dim.u.i, xt->shape.ndim, &d)) return -1;
    if (xt->shape.ndim == 0) return py_unsupported(I, "cnnc cannot follow repeat_interleave of a 0-d tensor");
    if (xt->shape.ndim + 1 > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc follows tensors of at most %d dims", CNNC_MAX_DIMS);
    int64_t big[CNNC_MAX_DIMS], merged[CNNC_MAX_DIMS];
    int32_t nb = 0;
    for (int32_t k = 0; k < xt->shape.ndim; k++) {
        big[nb++] = xt->shape.d[k];
        if (k == d) big[nb++] = reps.u.i;
        merged[k] = k == d ? xt->shape.d[k] * reps.u.i : xt->shape.d[k];
    }
    const py_val at1 = pv_int(d + 1);
    py_val u, e, r;
    py_val bigt = int_tuple(I, big, nb), mt = int_tuple(I, merged, xt->shape.ndim);
    if (bigt.t == PV_UNBOUND || mt.t == PV_UNBOUND) return py_nomem(I);
    if (py_call_method(I, t, "unsqueeze", &at1, 1, &u) || py_call_method(I, u, "expand", &bigt, 1, &e) ||
        py_call_method(I, e, "reshape", &mt, 1, &r))
        return -1;
    *out = r;
    return 0;
}
