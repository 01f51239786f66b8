/* torch_index.c — ops that read or write by integer indices: index_select, gather,
 * scatter/scatter_ (and scatter_add) and F.one_hot. cnnc follows indices only where it
 * knows their dtype and a bound on their values: argmax/argmin and torch.max(x, dim)
 * make int64 indices below the reduced dim's size (py_tensor.index_bound). With such
 * indices PyTorch's shape checks are checked here word for word; where a check depends
 * on the values themselves (an index that may or may not fall outside), cnnc refuses.
 * torch.where(condition, x, y), a selection by a mask, is here too. The results hold values
 * picked by the input's data, which a graph of layers cannot replay: the trace is marked
 * check only. */
#include "py/torch_internal.h"
#include "layers/layer_util.h"

#include <string.h>

/* The arguments of an indexing op, by position or PyTorch's keyword names. */
typedef struct index_args {
    py_val input, dim, index, src;   /* src: scatter's src or value; F.one_hot's num_classes */
} index_args;

static int bind_args(interp *I, const char *fn, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv,
                     int32_t n_kw, const char *const *names, int32_t n_names, py_val *slots) {
    int32_t next = 0;
    if (self.t == PV_TENSOR) slots[next++] = self;
    for (int32_t k = 0; k < n; k++) {
        if (next >= n_names) return py_unsupported(I, "cnnc cannot follow this call of %s() (too many arguments)", fn);
        slots[next++] = a[k];
    }
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        int32_t at = -1;
        for (int32_t j = self.t == PV_TENSOR ? 1 : 0; j < n_names; j++)
            if (!strcmp(names[j], nm)) at = j;
        if (!strcmp(nm, "sparse_grad") && kwv[k].t == PV_BOOL) continue;   /* gather's flag: no shape */
        if (at < 0 || slots[at].t != PV_UNBOUND)
            return py_unsupported(I, "cnnc cannot follow %s() with the keyword %s", fn, nm);
        slots[at] = kwv[k];
    }
    return 0;
}

/* a tensor that surely holds floats: the graph's (made from the float input, bool masks
 * aside) and indices converted by .float() */
static int surely_float(const py_tensor *t) {
    return !t->is_indices && !t->is_mask && (t->node != TENSOR_CONST || t->known_float);
}

/* indices cnnc knows: int64 from argmax/argmin/max, with a bound on their values; a float
 * index gets PyTorch's dtype error (`dtype_error`) */
static int known_indices(interp *I, const char *fn, py_val index, const char *dtype_error) {
    if (index.t != PV_TENSOR)
        return py_unsupported(I, "cnnc cannot follow %s() with a %s as its index", fn, py_type_name(&index));
    const py_tensor *t = pv_as_tensor(index);
    if (surely_float(t)) return torch_raise_shape(I, "RuntimeError", "%s", dtype_error);
    if (!t->is_indices || t->index_bound <= 0)
        return py_unsupported(I, "cnnc cannot follow %s() with indices whose values it does not know (it follows the "
                                 "indices of argmax, argmin and max(x, dim))", fn);
    return 0;
}

/* the values must stay below `size`: certain when the bound says so, else they decide */
static int indices_inside(interp *I, const char *fn, const py_tensor *index, int64_t size, int32_t dim) {
    if (cnnc_shape_numel(&index->shape) == 0 || index->index_bound <= size) return 0;
    return py_unsupported(I, "cnnc cannot follow %s(): its indices go up to %lld and dim %d has size %lld, so whether "
                             "they fall outside depends on the data", fn, (long long)(index->index_bound - 1), (int)dim,
                          (long long)size);
}

static int const_result(interp *I, const cnnc_shape *shape, py_val *out) {
    *out = pv_tensor(I, shape, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    if (I->tracing) MARK_CONST_OPERAND(I);   /* values chosen by the data: check only */
    return 0;
}

/* torch.index_select(input, dim, index), Tensor.index_select(dim, index) */
int torch_index_select(ARGS) {
    static const char *const names[] = {"input", "dim", "index"};
    py_val v[3] = {pv_unbound(), pv_unbound(), pv_unbound()};
    if (bind_args(I, "index_select", self, a, n, kw, kwv, n_kw, names, 3, v)) return -1;
    if (v[0].t != PV_TENSOR || v[1].t != PV_INT || v[2].t != PV_TENSOR)
        return py_unsupported(I, "cnnc cannot follow this call of index_select()");
    const py_tensor *x = pv_as_tensor(v[0]);
    if (x->shape.ndim == 0) return py_unsupported(I, "cnnc cannot follow index_select() of a 0-d tensor");
    if (v[1].big) return torch_raise_shape(I, "RuntimeError", "Overflow when unpacking long");
    int32_t d = 0;
    if (torch_wrap_dim(I, v[1].u.i, x->shape.ndim, &d)) return -1;
    if (v[2].t == PV_TENSOR && pv_as_tensor(v[2])->shape.ndim > 1)
        return torch_raise_shape(I, "IndexError", "index_select(): Index is supposed to be a vector");
    if (known_indices(I, "index_select", v[2], "index_select(): Expected dtype int32 or int64 for index")) return -1;
    const py_tensor *idx = pv_as_tensor(v[2]);
    const py_known *k = py_tensor_known(idx);
    const int64_t count = cnnc_shape_numel(&idx->shape);
    if (k && k->is_int && count <= PY_KNOWN_VALUES_MAX) {
        /* values known: one outside is an error whose words (IndexError or RuntimeError) ATen's
         * kernel choice decides, which cnnc does not model */
        for (int64_t j = 0; j < count; j++) {
            const double iv = py_known_at(k, j);
            if (iv < 0 || iv >= (double)x->shape.d[d])
                return py_unsupported(I, "cnnc cannot follow index_select() with index %lld outside dim %d of size %lld (PyTorch's "
                                         "words depend on its kernel)", (long long)iv, (int)d, (long long)x->shape.d[d]);
        }
    } else if (indices_inside(I, "index_select", idx, x->shape.d[d], d)) {
        return -1;
    }
    cnnc_shape o = x->shape;
    o.d[d] = cnnc_shape_numel(&idx->shape);
    return const_result(I, &o, out);
}

/* "Expected index [4, 1] to be smaller than self [3, 5] apart from dimension 1": index's
 * sizes may not pass self's outside dim, nor src's: 1 fits, 0 not (the dim in *at). */
static int index_fits(const cnnc_shape *index, const cnnc_shape *self, const cnnc_shape *src, int32_t dim, int32_t *at) {
    for (int32_t k = 0; k < index->ndim; k++)
        if (k != dim && index->d[k] > self->d[k]) { *at = k; return 0; }
    if (src)
        for (int32_t k = 0; k < index->ndim; k++)
            if (index->d[k] > (k < src->ndim ? src->d[k] : 1)) { *at = k; return 0; }
    return 1;
}

/* torch.gather(input, dim, index), Tensor.gather(dim, index): index's shape */
int torch_gather(ARGS) {
    static const char *const names[] = {"input", "dim", "index"};
    py_val v[3] = {pv_unbound(), pv_unbound(), pv_unbound()};
    if (bind_args(I, "gather", self, a, n, kw, kwv, n_kw, names, 3, v)) return -1;
    if (v[0].t != PV_TENSOR || v[1].t != PV_INT || v[2].t != PV_TENSOR)
        return py_unsupported(I, "cnnc cannot follow this call of gather()");
    const py_tensor *x = pv_as_tensor(v[0]);
    if (v[1].big) return torch_raise_shape(I, "RuntimeError", "Overflow when unpacking long");
    int32_t d = 0;
    if (torch_wrap_dim(I, v[1].u.i, x->shape.ndim, &d)) return -1;
    if (known_indices(I, "gather", v[2], "gather(): Expected dtype int64 for index")) return -1;
    const py_tensor *idx = pv_as_tensor(v[2]);
    if (x->shape.ndim == 0 || idx->shape.ndim == 0) return py_unsupported(I, "cnnc cannot follow gather() with a 0-d tensor");
    if (cnnc_shape_numel(&idx->shape) > 0) {
        if (idx->shape.ndim != x->shape.ndim)
            return torch_raise_shape(I, "RuntimeError", "Index tensor must have the same number of dimensions as input tensor");
        int32_t at = 0;
        if (!index_fits(&idx->shape, &x->shape, NULL, d, &at)) {
            CNNC_FMT_SHAPE(is, &idx->shape);
            CNNC_FMT_SHAPE(xs, &x->shape);
            return torch_raise_shape(I, "RuntimeError",
                                     "Size does not match at dimension %d expected index %s to be smaller than self %s apart "
                                     "from dimension %d", (int)at, is, xs, (int)d);
        }
        if (indices_inside(I, "gather", idx, x->shape.d[d], d)) return -1;
    }
    return const_result(I, &idx->shape, out);
}

/* Tensor.scatter_(dim, index, src|value), Tensor.scatter, torch.scatter, scatter_add(_):
 * self's shape (in place: self itself) */
int torch_scatter(ARGS) {
    const char *fn = I->callee->name;
    const size_t len = strlen(fn);
    const int inplace = fn[len - 1] == '_', is_add = strstr(fn, "_add") != NULL;
    static const char *const names[] = {"input", "dim", "index", "src"};
    py_val v[4] = {pv_unbound(), pv_unbound(), pv_unbound(), pv_unbound()};
    py_sym kw2[8];
    const int32_t n_kw2 = n_kw < 8 ? n_kw : 8;
    for (int32_t k = 0; k < n_kw2; k++)
        kw2[k] = !strcmp(py_sym_name(I->syms, kw[k]), "value") && !is_add ? py_s(I, "src") : kw[k];   /* value= is src's other name */
    if (n_kw > 8) return py_unsupported(I, "cnnc cannot follow this call of %s()", fn);
    if (bind_args(I, fn, self, a, n, kw2, kwv, n_kw2, names, 4, v)) return -1;
    if (v[0].t != PV_TENSOR || v[1].t != PV_INT || v[2].t != PV_TENSOR || v[3].t == PV_UNBOUND)
        return py_unsupported(I, "cnnc cannot follow this call of %s()", fn);
    if (v[3].t != PV_TENSOR && (is_add || !pv_is_num(v[3])))
        return py_unsupported(I, "cnnc cannot follow %s() with a %s source", fn, py_type_name(&v[3]));
    const py_tensor *x = pv_as_tensor(v[0]);
    if (v[1].big) return torch_raise_shape(I, "RuntimeError", "Overflow when unpacking long");
    int32_t d = 0;
    if (torch_wrap_dim(I, v[1].u.i, x->shape.ndim, &d)) return -1;
    if (known_indices(I, fn, v[2], "scatter(): Expected dtype int64 for index")) return -1;
    const py_tensor *idx = pv_as_tensor(v[2]);
    const py_tensor *src = v[3].t == PV_TENSOR ? pv_as_tensor(v[3]) : NULL;
    if (src && src->is_indices) return torch_raise_shape(I, "RuntimeError", "scatter(): Expected self.dtype to be equal to src.dtype");
    if (x->shape.ndim == 0 || idx->shape.ndim == 0 || (src && src->shape.ndim != x->shape.ndim))
        return py_unsupported(I, "cnnc cannot follow %s() of tensors with different numbers of dimensions", fn);
    if (cnnc_shape_numel(&idx->shape) > 0) {
        if (idx->shape.ndim != x->shape.ndim)
            return torch_raise_shape(I, "RuntimeError", "Index tensor must have the same number of dimensions as self tensor");
        int32_t at = 0;
        if (!index_fits(&idx->shape, &x->shape, src ? &src->shape : NULL, d, &at)) {
            CNNC_FMT_SHAPE(is, &idx->shape);
            CNNC_FMT_SHAPE(xs, &x->shape);
            if (!src)
                return torch_raise_shape(I, "RuntimeError", "Expected index %s to be smaller than self %s apart from dimension %d",
                                         is, xs, (int)d);
            CNNC_FMT_SHAPE(ss, &src->shape);
            return torch_raise_shape(I, "RuntimeError",
                                     "Expected index %s to be smaller than self %s apart from dimension %d and to be smaller "
                                     "size than src %s", is, xs, (int)d, ss);
        }
        if (indices_inside(I, fn, idx, x->shape.d[d], d)) return -1;
    }
    if (inplace) {
        if (I->tracing) MARK_CONST_OPERAND(I);
        *out = v[0];
        return 0;
    }
    return const_result(I, &x->shape, out);
}

/* F.one_hot(input, num_classes=-1): input's shape and num_classes; int64 */
int torch_one_hot(ARGS) {
    static const char *const names[] = {"input", "num_classes"};
    py_val v[2] = {pv_unbound(), pv_unbound()};
    if (bind_args(I, "one_hot", self, a, n, kw, kwv, n_kw, names, 2, v)) return -1;
    if (v[0].t == PV_UNBOUND) return py_raise(I, "TypeError", "one_hot() missing 1 required positional arguments: \"input\"");
    if (v[1].t != PV_UNBOUND && v[1].t != PV_INT) {
        if (n >= 2) return py_raise(I, "TypeError", "one_hot(): argument 'num_classes' (position 2) must be int, not %s", py_type_name(&v[1]));
        return py_raise(I, "TypeError", "one_hot(): argument 'num_classes' must be int, not %s", py_type_name(&v[1]));
    }
    if (known_indices(I, "one_hot", v[0], "one_hot is only applicable to index tensor.")) return -1;
    const py_tensor *idx = pv_as_tensor(v[0]);
    const int64_t classes = v[1].t == PV_INT ? v[1].u.i : -1;
    if (v[1].t == PV_INT && v[1].big) return torch_raise_shape(I, "RuntimeError", "Overflow when unpacking long");
    if (cnnc_shape_numel(&idx->shape) == 0) {
        if (classes <= 0) return torch_raise_shape(I, "RuntimeError", "Can not infer total number of classes from empty tensor.");
    } else if (classes == -1) {
        return py_unsupported(I, "cnnc cannot follow one_hot() without num_classes: the number of classes is the data's largest value plus one");
    } else if (classes <= 0) {
        return torch_raise_shape(I, "RuntimeError", "Class values must be smaller than num_classes.");
    } else if (classes < idx->index_bound) {
        return py_unsupported(I, "cnnc cannot follow one_hot(): its indices go up to %lld and num_classes is %lld, so whether "
                                 "a class falls outside depends on the data", (long long)(idx->index_bound - 1), (long long)classes);
    }
    if (idx->shape.ndim >= CNNC_MAX_DIMS) return py_unsupported(I, "cnnc cannot follow one_hot() of a %d-d tensor", (int)idx->shape.ndim);
    cnnc_shape o = idx->shape;
    o.d[o.ndim++] = classes;
    return const_result(I, &o, out);
}

/* torch.where(condition, input, other), Tensor.where(condition, other): the three
 * broadcast (condition with input first, then with other), condition a bool mask. The
 * values are picked by the mask, which the graph does not hold: made as
 * input * mask + other * (1 - mask), of the same shape, and check only. */
int torch_where(ARGS) {
    static const char *const names[] = {"condition", "input", "other"};
    py_val v[3] = {pv_unbound(), pv_unbound(), pv_unbound()};
    if (self.t == PV_TENSOR) {   /* x.where(condition, other) */
        v[1] = self;
        if (n > 2) return py_unsupported(I, "cnnc cannot follow this call of Tensor.where()");
        if (n > 0) v[0] = a[0];
        if (n > 1) v[2] = a[1];
        for (int32_t k = 0; k < n_kw; k++) {
            const char *nm = py_sym_name(I->syms, kw[k]);
            if (!strcmp(nm, "condition") && v[0].t == PV_UNBOUND) v[0] = kwv[k];
            else if (!strcmp(nm, "other") && v[2].t == PV_UNBOUND) v[2] = kwv[k];
            else return py_unsupported(I, "cnnc cannot follow Tensor.where() with %s=", nm);
        }
    } else if (bind_args(I, "where", self, a, n, kw, kwv, n_kw, names, 3, v)) {
        return -1;
    }
    if (v[0].t == PV_TENSOR && v[1].t == PV_UNBOUND && v[2].t == PV_UNBOUND)
        return py_unsupported(I, "cnnc cannot follow torch.where(condition): its sizes are the data's nonzero count");
    if (v[0].t != PV_TENSOR || v[1].t == PV_UNBOUND || v[2].t == PV_UNBOUND)
        return py_unsupported(I, "cnnc cannot follow this call of torch.where()");
    for (int k = 1; k < 3; k++)
        if (v[k].t != PV_TENSOR && !pv_is_num(v[k]))
            return py_unsupported(I, "cnnc cannot follow torch.where() with a %s", py_type_name(&v[k]));
    const py_tensor *c = pv_as_tensor(v[0]);
    if (!c->is_mask) {
        if (surely_float(c))
            return torch_raise_shape(I, "RuntimeError", "where expected condition to be a boolean tensor, but got a tensor with dtype Float");
        return py_unsupported(I, "cnnc follows torch.where with a bool condition (a comparison or .bool())");
    }
    const cnnc_shape scalar = {0};
    const cnnc_shape *xs = v[1].t == PV_TENSOR ? &pv_as_tensor(v[1])->shape : &scalar;
    const cnnc_shape *ys = v[2].t == PV_TENSOR ? &pv_as_tensor(v[2])->shape : &scalar;
    cnnc_shape cx, o;
    if (torch_broadcast_shapes(I, &c->shape, xs, &cx) || torch_broadcast_shapes(I, &cx, ys, &o)) return -1;
    /* input * mask + other * (1 - mask): the broadcast shape, through the graph's kinds */
    py_val keep, drop, inv;
    if (py_binop(I, PY_OP_STAR, v[1], v[0], &keep) || py_binop(I, PY_OP_MINUS, pv_int(1), v[0], &inv) ||
        py_binop(I, PY_OP_STAR, v[2], inv, &drop) || py_binop(I, PY_OP_PLUS, keep, drop, out))
        return -1;
    if (out->t == PV_TENSOR && (pv_as_tensor(*out)->shape.ndim != o.ndim ||
                                memcmp(pv_as_tensor(*out)->shape.d, o.d, (size_t)o.ndim * sizeof o.d[0])))
        return py_unsupported(I, "cnnc cannot follow this torch.where()");
    if (I->tracing) MARK_CONST_OPERAND(I);   /* the mask's values pick */
    return 0;
}

/* torch.lerp(input, end, weight), Tensor.lerp and lerp_: input, end and weight broadcast in
 * that order; in place, the result must keep input's shape (a running statistic's update).
 * The value is input + weight * (end - input), through the graph's kinds. */
int torch_lerp(ARGS) {
    const char *fn = I->callee->name;
    const int inplace = fn[strlen(fn) - 1] == '_';
    static const char *const names[] = {"input", "end", "weight"};
    py_val v[3] = {pv_unbound(), pv_unbound(), pv_unbound()};
    if (bind_args(I, fn, self, a, n, kw, kwv, n_kw, names, 3, v)) return -1;
    if (v[0].t != PV_TENSOR || v[1].t != PV_TENSOR || (v[2].t != PV_TENSOR && !pv_is_num(v[2])))
        return py_unsupported(I, "cnnc cannot follow this call of %s()", fn);
    const cnnc_shape scalar = {0};
    const cnnc_shape *xs = &pv_as_tensor(v[0])->shape, *ws = v[2].t == PV_TENSOR ? &pv_as_tensor(v[2])->shape : &scalar;
    cnnc_shape xe, o;
    if (torch_broadcast_shapes(I, xs, &pv_as_tensor(v[1])->shape, &xe) || torch_broadcast_shapes(I, &xe, ws, &o)) return -1;
    if (inplace) {
        if (o.ndim != xs->ndim || memcmp(o.d, xs->d, (size_t)o.ndim * sizeof o.d[0])) {
            CNNC_FMT_SHAPE(ss, xs);
            CNNC_FMT_SHAPE(bs, &o);
            return torch_raise_shape(I, "RuntimeError", "output with shape %s doesn't match the broadcast shape %s", ss, bs);
        }
        if (pv_as_tensor(v[0])->node != TENSOR_CONST)
            return py_unsupported(I, "cnnc cannot follow lerp_ on a tensor computed from the input");
        *out = v[0];
        return 0;
    }
    py_val diff, step;
    return py_binop(I, PY_OP_MINUS, v[1], v[0], &diff) || py_binop(I, PY_OP_STAR, v[2], diff, &step) ||
                   py_binop(I, PY_OP_PLUS, v[0], step, out)
               ? -1
               : 0;
}
