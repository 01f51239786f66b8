/* torch_extremum.c — torch.max / torch.min and Tensor.max / Tensor.min: their
 * overloads resolved as PyTorch's argument parser does, onto the amax/amin
 * kinds. max(input) is a 0-d node; max(input, dim, keepdim=False) returns
 * torch.return_types.max, a pair of the values (a node) and the indices (a
 * shape only: int64, not part of the graph); max(input, other) is the
 * elementwise maximum kind. Mistakes PyTorch words only by position and type are worded here
 * for the torch.* form; the method form's words list keyword arguments in an
 * order Python does not fix, so such calls are refused instead. */
#include "py/torch_internal.h"

#include <stdio.h>
#include <string.h>

/* "Tensor, int, keepdim=NoneType" as the overload error lists what it got. */
static int overload_error(interp *I, const char *fn, const py_val *pos, int32_t n_pos, const py_sym *kw, const py_val *kwv,
                          int32_t n_kw) {
    char got[256] = "";
    size_t len = 0;
    for (int32_t k = 0; k < n_pos + n_kw && len < sizeof got - 64; k++) {
        const char *sep = k ? ", " : "";
        if (k < n_pos) len += (size_t)snprintf(got + len, sizeof got - len, "%s%s", sep, pos[k].t == PV_TENSOR ? "Tensor" : py_type_name(&pos[k]));
        else len += (size_t)snprintf(got + len, sizeof got - len, "%s%s=%s", sep, py_sym_name(I->syms, kw[k - n_pos]),
                                     kwv[k - n_pos].t == PV_TENSOR ? "Tensor" : py_type_name(&kwv[k - n_pos]));
    }
    return py_raise(I, "TypeError",
                    "%s() received an invalid combination of arguments - got (%s), but expected one of:\n"
                    " * (Tensor input)\n"
                    " * (Tensor input, Tensor other, *, Tensor out)\n"
                    " * (Tensor input, int dim, bool keepdim, *, tuple of Tensors out)\n"
                    " * (Tensor input, name dim, bool keepdim, *, tuple of Tensors out)\n",
                    fn, got);
}

int torch_extremum(ARGS) {
    const char *fn = I->callee->name;
    const int is_method = self.t == PV_TENSOR;
    const cnnc_layer_kind kind = fn[1] == 'a' ? CNNC_AMAX : CNNC_AMIN;   /* "max" / "min" */
    /* input, then dim-or-other, then keepdim, by position or name */
    py_val input = is_method ? self : pv_unbound(), p1 = pv_unbound(), keep = pv_unbound();
    int32_t next = 0;
    if (!is_method && n > 0) input = a[next++];
    if (next < n) p1 = a[next++];
    if (next < n) keep = a[next++];
    int bad = next < n, p1_named = 0;
    for (int32_t k = 0; k < n_kw && !bad; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        py_val *slot = !strcmp(nm, "input") && !is_method                                  ? &input
                     : !strcmp(nm, "dim") || !strcmp(nm, "axis") || !strcmp(nm, "other") ? &p1
                     : !strcmp(nm, "keepdim") || !strcmp(nm, "keepdims")                  ? &keep
                                                                                          : NULL;
        if (!strcmp(nm, "out") && kwv[k].t == PV_NONE) continue;
        if (!slot || slot->t != PV_UNBOUND) { bad = 1; break; }
        if (slot == &p1) p1_named = !strcmp(nm, "other") ? 2 : 1;
        *slot = kwv[k];
    }
    if (!bad && input.t != PV_UNBOUND && input.t != PV_TENSOR && !n_kw && n == 1)
        return py_raise(I, "TypeError", "%s(): argument 'input' (position 1) must be Tensor, not %s", fn, py_type_name(&input));
    if (!bad && input.t == PV_TENSOR) {
        if (p1.t == PV_UNBOUND && keep.t == PV_UNBOUND) {   /* max(input) */
            cnnc_layer_params p;
            memset(&p, 0, sizeof p);
            p.reduce.form = CNNC_EXTREMUM_ALL;
            return py_trace_op(I, kind, &p, &input, 1, NULL, fn, out);
        }
        if (p1.t == PV_TENSOR && p1_named != 1 && keep.t == PV_UNBOUND) {   /* max(input, other): the elementwise maximum */
            cnnc_layer_params p;
            memset(&p, 0, sizeof p);
            p.binary.alpha = 1.0;
            p.binary.scalar = CNNC_SCALAR_NONE;
            const py_val ops[2] = {input, p1};
            return py_trace_op(I, kind == CNNC_AMAX ? CNNC_MAXIMUM : CNNC_MINIMUM, &p, ops, 2, NULL, fn, out);
        }
        if (p1.t == PV_STR && p1_named != 2) {   /* a dim name: cnnc's tensors have none */
            char names[8 * CNNC_MAX_DIMS + 1] = "";
            const py_tensor *x = pv_as_tensor(input);
            for (int32_t k = 0; k < x->shape.ndim; k++) strcat(names, k ? ", None" : "None");
            return torch_raise_shape(I, "RuntimeError", "Name '%.40s' not found in Tensor[%s].", pv_as_str(p1)->s, names);
        }
        if (p1.t == PV_INT && p1_named != 2 && (keep.t == PV_UNBOUND || keep.t == PV_BOOL)) {
            if (p1.big) return torch_raise_shape(I, "RuntimeError", "Overflow when unpacking long");
            cnnc_layer_params p;
            memset(&p, 0, sizeof p);
            p.reduce.form = CNNC_EXTREMUM_DIM;
            p.reduce.n_dims = 1;
            p.reduce.dims[0] = p1.u.i;
            p.reduce.keepdim = keep.t == PV_BOOL ? (int)keep.u.i : 0;
            py_val values;
            if (py_trace_op(I, kind, &p, &input, 1, NULL, fn, &values)) return -1;
            py_val indices = pv_tensor(I, &pv_as_tensor(values)->shape, TENSOR_CONST);
            py_val pair = pv_seq(I, PV_TUPLE, 2);
            if (indices.t == PV_UNBOUND || pair.t == PV_UNBOUND) return py_nomem(I);
            pv_as_tensor(indices)->is_indices = 1;
            pv_as_tensor(indices)->index_bound = torch_dim_size(&pv_as_tensor(input)->shape, p.reduce.dims[0]);
            pv_as_seq(pair)->v[0] = values;
            pv_as_seq(pair)->v[1] = indices;
            *out = pair;
            return 0;
        }
    }
    if (is_method) return py_unsupported(I, "cnnc cannot follow this call of Tensor.%s", fn);
    return overload_error(I, fn, a, n, kw, kwv, n_kw);
}

/* torch.topk(input, k, dim=-1, largest=True, sorted=True) and Tensor.topk: torch.return_types.topk,
 * the k values along dim (a constant: which ones depends on the data, so a trace through them
 * is check only) and their int64 indices, each below the dim's size. */
int torch_topk(ARGS) {
    UNUSED;
    const int is_method = self.t == PV_TENSOR;
    py_val b[5];
    const py_sig *sig = py_sig_cached(I, is_method ? "k, dim=-1, largest=True, sorted=True"
                                                   : "input, k, dim=-1, largest=True, sorted=True", -1);
    if (!sig || py_bind_sig_as(I, sig, "topk", 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    const int at = is_method ? 0 : 1;
    py_val x = is_method ? self : b[0], k = b[at], dim = b[at + 1];
    if (x.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow topk() of a %s", py_type_name(&x));
    if (!pv_is_int(k) || k.t == PV_BOOL || k.big)
        return py_raise(I, "TypeError", "topk(): argument 'k' (position %d) must be int, not %s", at + 1, py_type_name(&k));
    if (dim.t != PV_UNBOUND && (!pv_is_int(dim) || dim.t == PV_BOOL || dim.big))
        return py_unsupported(I, "cnnc cannot follow topk() with a dim of type %s", py_type_name(&dim));
    for (int j = at + 2; j < at + 4; j++)
        if (b[j].t != PV_UNBOUND && b[j].t != PV_BOOL)
            return py_unsupported(I, "cnnc cannot follow topk() with a %s flag", py_type_name(&b[j]));
    const py_tensor *t = pv_as_tensor(x);
    int32_t d = 0;
    if (torch_wrap_dim(I, dim.t == PV_UNBOUND ? -1 : dim.u.i, t->shape.ndim, &d)) return -1;
    const int64_t size = t->shape.ndim ? t->shape.d[d] : 1;
    if (k.u.i < 0 || k.u.i > size) return torch_raise_shape(I, "RuntimeError", "selected index k out of range");
    cnnc_shape o = t->shape;
    if (o.ndim) o.d[d] = k.u.i;
    py_val values, indices;
    if (torch_const_of(I, x, &o, t->is_complex, &values)) return -1;
    if (I->tracing && t->node != TENSOR_CONST) MARK_CONST_OPERAND(I);   /* values chosen by the data */
    if ((indices = pv_tensor(I, &o, TENSOR_CONST)).t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(values)->is_indices = t->is_indices;
    pv_as_tensor(values)->index_bound = t->index_bound;
    pv_as_tensor(values)->known_float = t->known_float;
    pv_as_tensor(indices)->is_indices = 1;
    pv_as_tensor(indices)->index_bound = size;
    py_val pair = pv_seq(I, PV_TUPLE, 2);
    if (pair.t == PV_UNBOUND) return py_nomem(I);
    pv_as_seq(pair)->v[0] = values;
    pv_as_seq(pair)->v[1] = indices;
    *out = pair;
    return 0;
}
