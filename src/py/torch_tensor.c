/* torch_tensor.c — a tensor's own methods and attributes as forward() uses
 * them: sizes, views (view, squeeze, unsqueeze, flatten), arithmetic,
 * indexing and slicing, chunk and split, with PyTorch's messages. */
#include "py/torch_internal.h"
#include "layers/expand_common.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- sizes */

static py_val size_int(const py_tensor *t, int32_t d) {
    py_val v = pv_int(t->shape.d[d]);
    v.prov = PROV_OF(t->id, d);
    return v;
}

/* dim in [-ndim, ndim) (a 0-d tensor takes -1 and 0), else PyTorch's IndexError: raised
 * as Python's error by the size and view methods (their status as before), as the
 * forward's shape error by split, stack and argmax. */
static int wrap_dim_as(interp *I, int as_shape, int64_t dim, int32_t ndim, int32_t *out) {
    int32_t n = ndim > 0 ? ndim : 1;
    if (dim < -n || dim >= n) {
        static const char fmt[] = "Dimension out of range (expected to be in range of [%d, %d], but got %lld)";
        if (as_shape) return torch_raise_shape(I, "IndexError", fmt, -n, n - 1, (long long)dim);
        return py_raise(I, "IndexError", fmt, -n, n - 1, (long long)dim);
    }
    *out = (int32_t)(dim < 0 ? dim + n : dim);
    return 0;
}

static int wrap_dim(interp *I, int64_t dim, int32_t ndim, int32_t *out) { return wrap_dim_as(I, 0, dim, ndim, out); }
int torch_wrap_dim(interp *I, int64_t dim, int32_t ndim, int32_t *out) { return wrap_dim_as(I, 1, dim, ndim, out); }

static int t_size(ARGS) {
    UNUSED;
    const py_tensor *t = pv_as_tensor(self);
    if (n == 0 && !n_kw) {
        py_val s = pv_seq(I, PV_SIZE, t->shape.ndim);
        if (s.t == PV_UNBOUND) return py_nomem(I);
        for (int32_t k = 0; k < t->shape.ndim; k++) pv_as_seq(s)->v[k] = size_int(t, k);
        *out = s;
        return 0;
    }
    py_val dv = n ? a[0] : kwv[0];
    if (!pv_is_int(dv)) return py_raise(I, "TypeError", "size() received an invalid combination of arguments - got (%s)", py_type_name(&dv));
    if (dv.big) return py_raise(I, "IndexError", "Dimension out of range (expected to be in range of [%d, %d], but got %s)", -t->shape.ndim, t->shape.ndim - 1, "a huge number");
    int32_t d = 0;
    if (t->shape.ndim == 0)
        return py_raise(I, "IndexError", "dimension specified as %lld but tensor has no dimensions", (long long)dv.u.i);
    if (wrap_dim(I, dv.u.i, t->shape.ndim, &d)) return -1;
    *out = size_int(t, d);
    return 0;
}

static int t_dim(ARGS) { UNUSED; (void)a; (void)n; (void)I; *out = pv_int(pv_as_tensor(self)->shape.ndim); return 0; }
static int t_numel(ARGS) {
    UNUSED; (void)a; (void)n; (void)I;
    *out = pv_int(cnnc_shape_numel(&pv_as_tensor(self)->shape));
    return 0;
}
/* x.normal_(), w.data.fill_(0.01) ...: the tensor itself. On a graph tensor the
 * values change, which the graph cannot replay: the trace holds for its shapes only. */
static int t_fill(ARGS) {
    UNUSED; (void)a; (void)n;
    if (I->tracing && pv_as_tensor(self)->node != TENSOR_CONST) MARK_SHAPE_DEPENDENT(I);
    pv_as_tensor(self)->value_kind = 0;   /* its values are now the initialiser's */
    *out = self;
    return 0;
}
/* x.copy_(src): src broadcast to x's shape, which may not grow (expand_inplace's two errors) */
static int t_copy(ARGS) {
    UNUSED;
    if (n < 1) return py_raise(I, "TypeError", "copy_() missing 1 required positional arguments: \"src\"");
    if (a[0].t != PV_TENSOR)
        return py_raise(I, "TypeError", "copy_(): argument 'src' (position 1) must be Tensor, not %s", py_type_name(&a[0]));
    const cnnc_shape *xs = &pv_as_tensor(self)->shape;
    cnnc_shape o;
    if (torch_broadcast_shapes(I, xs, &pv_as_tensor(a[0])->shape, &o)) return -1;
    if (o.ndim != xs->ndim || memcmp(o.d, xs->d, (size_t)o.ndim * sizeof o.d[0])) {
        char os[24 * CNNC_MAX_DIMS], bs[24 * CNNC_MAX_DIMS];
        cnnc_shape_format(xs, os, sizeof os);
        cnnc_shape_format(&o, bs, sizeof bs);
        return torch_raise_shape(I, "RuntimeError", "output with shape %s doesn't match the broadcast shape %s", os, bs);
    }
    return t_fill(I, self, a, n, kw, kwv, n_kw, out);
}
/* x.view_as(other), x.reshape_as(other): x.view(other.size()), x.reshape(other.size()) */
static int t_view_as(ARGS) {
    UNUSED;
    const char *fn = I->callee->name;
    if (n == 0 && !n_kw) return py_raise(I, "TypeError", "%s() missing 1 required positional arguments: \"other\"", fn);
    if (n != 1 || n_kw) return py_unsupported(I, "cnnc cannot follow this call of %s()", fn);
    if (a[0].t != PV_TENSOR)
        return py_raise(I, "TypeError", "%s(): argument 'other' (position 1) must be Tensor, not %s", fn, py_type_name(&a[0]));
    py_val size;
    if (py_call_method(I, a[0], "size", NULL, 0, &size)) return -1;
    return py_call_method(I, self, fn[0] == 'v' ? "view" : "reshape", &size, 1, out);
}
static int t_none_method(ARGS) { UNUSED; (void)a; (void)n; (void)I; *out = pv_none(); return 0; }   /* backward(): no shapes */

/* x.backward(): in forward, under the check's no_grad PyTorch raises and in training it runs,
 * and cnnc follows neither; at module level (a script's training loop) it changes no shape, but
 * the gradients it leaves are tensors cnnc does not follow (x.grad, after it) */
static int t_backward(ARGS) {
    UNUSED; (void)a; (void)n;
    if (I->tracing)
        return py_unsupported(I, "cnnc cannot follow Tensor.backward() inside forward (it follows forward passes, not gradients)");
    I->backward_seen = 1;
    *out = pv_none();
    return 0;
}

static int t_self(ARGS) { UNUSED; (void)a; (void)n; (void)I; *out = self; return 0; }   /* to(), detach() ... */

/* x.tolist() where the values are known (a linspace of drop-path rates, an arange); any
 * other values are refused */
static int t_tolist(ARGS) {
    UNUSED; (void)a;
    const py_tensor *x = pv_as_tensor(self);
    if (n) return py_raise(I, "TypeError", "tolist() takes no arguments (%d given)", (int)n);
    const py_known *k = py_tensor_known(x);
    if (x->shape.ndim == 0 && x->value_kind) {
        *out = x->value_kind == PV_FLOAT ? pv_float(x->value) : x->value_kind == PV_BOOL ? pv_bool(x->value != 0.0) : pv_int((int64_t)x->value);
        return 0;
    }
    if (!k || x->shape.ndim != 1 || x->node != TENSOR_CONST)
        return py_unsupported(I, "cnnc cannot follow Tensor.tolist of values it does not know");
    if (x->shape.d[0] > PY_KNOWN_VALUES_MAX)
        return py_unsupported(I, "cnnc follows Tensor.tolist of up to %d values", PY_KNOWN_VALUES_MAX);
    py_val list = pv_seq(I, PV_LIST, (int32_t)x->shape.d[0]);
    if (list.t == PV_UNBOUND) return py_nomem(I);
    for (int64_t i = 0; i < x->shape.d[0]; i++) {
        const double v = py_known_at(k, i);
        pv_as_seq(list)->v[i] = k->is_int ? pv_int((int64_t)v) : pv_float(v);
    }
    *out = list;
    return 0;
}

/* x.numpy(): an array on x's storage (its known values too). A tensor computed from the
 * input has values cnnc does not know, and numpy code would read them: refused. */
static int t_numpy(ARGS) {
    UNUSED; (void)a;
    const py_tensor *x = pv_as_tensor(self);
    if (n) return py_unsupported(I, "cnnc cannot follow Tensor.numpy with arguments");
    if (x->node != TENSOR_CONST) return py_unsupported(I, "cnnc cannot follow Tensor.numpy of a tensor computed from the input");
    if (x->is_complex) return py_unsupported(I, "cnnc cannot follow Tensor.numpy of a complex tensor");
    if ((*out = pv_tensor_copy(I, x)).t == PV_UNBOUND) return py_nomem(I);
    py_tensor *r = pv_as_tensor(*out);
    r->is_numpy = 1;
    r->is_param = r->param_view = 0;
    r->known = x->known;
    return 0;
}

int py_tensor_set_requires_grad(interp *I, py_val x, py_val flag) {
    if (flag.t != PV_BOOL) return py_raise(I, "RuntimeError", "requires_grad must be a bool");
    py_tensor *t = pv_as_tensor(x);
    /* a tensor forward computed is no leaf (a leaf that does not need grad is too subtle to follow) */
    if (!t->is_param && t->node != TENSOR_CONST)
        return py_unsupported(I, "cnnc cannot follow setting requires_grad on a tensor forward computed");
    if (t->is_param && !flag.u.i && !I->frozen_line) I->frozen_line = I->line > 0 ? I->line : 1;
    if (!t->extra && !(t->extra = (py_attrs *)py_alloc(I->arena, sizeof *t->extra))) return py_nomem(I);
    return py_attrs_set(I, t->extra, py_s(I, "requires_grad"), flag);
}

/* the requires_grad a model set on t: 1, 0, or -1 where none was set */
static int requires_grad_set(interp *I, const py_tensor *t) {
    const py_val *g = t->extra ? py_attrs_find(t->extra, py_s(I, "requires_grad")) : NULL;
    return g && g->t == PV_BOOL ? (int)g->u.i : -1;
}

/* a parameter autograd watches (one made with requires_grad=False takes writes anywhere) */
int py_tensor_requires_grad_leaf(interp *I, const py_tensor *t) {
    return t->is_param && requires_grad_set(I, t) != 0;
}

int py_tensor_check_in_place(interp *I, const py_tensor *t, int whole) {
    if (I->no_grad || (!t->param_view && !py_tensor_requires_grad_leaf(I, t))) return 0;
    return py_raise(I, "RuntimeError", "a %sleaf Variable that requires grad is being used in an in-place operation.",
                    whole && !t->param_view ? "" : "view of a ");
}

/* x.bool(), x.byte(): a mask of x's shape, as a comparison makes one; followed on constants
 * (the masks models build in __init__) */
static int t_mask(ARGS) {
    UNUSED;
    (void)a;
    if (n) return py_unsupported(I, "cnnc cannot follow this call of Tensor.%s", I->callee->name);
    const py_tensor *t = pv_as_tensor(self);
    if (t->node != TENSOR_CONST)
        return py_unsupported(I, "cnnc cannot follow Tensor.%s on a tensor computed from the input (it follows it on constants)",
                              I->callee->name);
    *out = pv_tensor(I, &t->shape, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(*out)->is_mask = 1;
    return 0;
}

/* x.masked_fill(mask, value), x.masked_fill_(...), torch.masked_fill(x, mask, value): a bool
 * mask (a comparison, .bool()) broadcast with x (the out-of-place form may grow x; in place
 * it may not), a number or 0-d value. Made as x times a constant of the result's shape:
 * the values are the mask's, which the trace does not follow, so the graph is check only. */
static int t_masked_fill(ARGS) {
    UNUSED;
    const char *fn = I->callee->name;
    const int inplace = fn[strlen(fn) - 1] == '_';
    py_val x = self, mask = pv_unbound(), value = pv_unbound();
    int32_t at = 0;
    if (x.t != PV_TENSOR) { x = n > 0 ? a[0] : pv_unbound(); at = 1; }
    if (n > at) mask = a[at];
    if (n > at + 1) value = a[at + 1];
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "mask")) mask = kwv[k];
        else if (!strcmp(nm, "value")) value = kwv[k];
        else return py_unsupported(I, "cnnc cannot follow masked_fill() with %s=", nm);
    }
    if (x.t != PV_TENSOR || mask.t != PV_TENSOR || value.t == PV_UNBOUND || n > at + 2)
        return py_unsupported(I, "cnnc cannot follow this call of %s()", fn);
    if (value.t == PV_TENSOR && pv_as_tensor(value)->shape.ndim > 0)
        return torch_raise_shape(I, "RuntimeError", "masked_fill_ only supports a 0-dimensional value tensor, but got tensor with %d dimension(s).",
                                 (int)pv_as_tensor(value)->shape.ndim);
    if (value.t != PV_TENSOR && !pv_is_num(value))
        return py_unsupported(I, "cnnc cannot follow %s() with a %s value", fn, py_type_name(&value));
    if (!pv_as_tensor(mask)->is_mask)   /* a float or int mask: PyTorch checks its values */
        return py_unsupported(I, "cnnc follows %s() with a bool mask (a comparison or .bool())", fn);
    const cnnc_shape *xs = &pv_as_tensor(x)->shape, *ms = &pv_as_tensor(mask)->shape;
    cnnc_shape o;
    if (torch_broadcast_shapes(I, ms, xs, &o)) return -1;   /* infer_size(mask, self) */
    if (inplace && (o.ndim != xs->ndim || memcmp(o.d, xs->d, (size_t)o.ndim * sizeof o.d[0]))) {
        char os[24 * CNNC_MAX_DIMS], bs[24 * CNNC_MAX_DIMS];
        cnnc_shape_format(xs, os, sizeof os);
        cnnc_shape_format(&o, bs, sizeof bs);
        return torch_raise_shape(I, "RuntimeError", "output with shape %s doesn't match the broadcast shape %s", os, bs);
    }
    py_val keep = pv_tensor(I, &o, TENSOR_CONST), r;
    if (keep.t == PV_UNBOUND) return py_nomem(I);
    if (pv_as_tensor(x)->node == TENSOR_CONST) {   /* a constant stays one */
        *out = keep;
        if (inplace) *pv_as_tensor(x) = *pv_as_tensor(keep);
        return 0;
    }
    if (py_binop(I, PY_OP_STAR, x, keep, &r)) return -1;
    if (inplace) {
        py_tensor *xt = pv_as_tensor(x);
        const int is_param = xt->is_param;
        *xt = *pv_as_tensor(r);
        xt->is_param = is_param;
        *out = x;
        return 0;
    }
    *out = r;
    return 0;
}

static const cnnc_layer_def *kind_named(const char *name);
static int make_view(interp *I, py_val t, const py_val *sizes, int32_t n, const char *fn, py_val *out);

/* x.unbind(dim=0) / torch.unbind(x, dim=0): a tuple of the slices along dim, each
 * without it (x.select(dim, i) for every i), as narrow + view nodes. */
static int t_unbind(ARGS) {
    UNUSED;
    py_val x = self, dimv = pv_int(0);
    int32_t at = 0;
    if (x.t != PV_TENSOR) { x = n > 0 ? a[0] : pv_unbound(); at = 1; }
    if (n > at) dimv = a[at];
    for (int32_t k = 0; k < n_kw; k++) {
        if (!strcmp(py_sym_name(I->syms, kw[k]), "dim")) dimv = kwv[k];
        else return py_unsupported(I, "cnnc cannot follow unbind() with %s=", py_sym_name(I->syms, kw[k]));
    }
    if (x.t != PV_TENSOR || n > at + 1) return py_unsupported(I, "cnnc cannot follow this call of unbind()");
    if (!pv_is_int(dimv) || dimv.t == PV_BOOL) return py_unsupported(I, "cnnc follows unbind() with an int dim");
    const py_tensor *t = pv_as_tensor(x);
    int32_t dim = 0;
    if (torch_wrap_dim(I, dimv.u.i, t->shape.ndim, &dim)) return -1;
    const int64_t len = t->shape.ndim ? t->shape.d[dim] : 1;
    if (t->shape.ndim == 0) return torch_raise_shape(I, "IndexError", "Dimension specified as 0 but tensor has no dimensions");
    if (len > 1024) return py_unsupported(I, "cnnc follows unbind() into at most 1024 tensors");
    const cnnc_layer_def *narrow = kind_named("narrow");
    if (!narrow) return py_unsupported(I, "cnnc cannot follow unbind()");
    py_val r = pv_seq(I, PV_TUPLE, 0);
    if (r.t == PV_UNBOUND) return py_nomem(I);
    for (int64_t i = 0; i < len; i++) {
        py_val args[4] = {x, pv_int(dim), pv_int(i), pv_int(1)}, piece, sel;
        if (torch_call_functional(I, narrow, "", args, 4, NULL, NULL, 0, &piece)) return -1;
        const py_tensor *c = pv_as_tensor(piece);
        py_val sizes[CNNC_MAX_DIMS];
        int32_t m = 0;
        for (int32_t j = 0; j < c->shape.ndim; j++)
            if (j != dim) sizes[m++] = size_int(c, j);
        if (make_view(I, piece, sizes, m, "select", &sel) || py_seq_push(I, r, sel)) return -1;
    }
    *out = r;
    return 0;
}

/* x.roll(shifts, dims=None) / torch.roll: along each dim, the last `shift` entries moved to
 * the front, as cat((x.narrow(d, L - s, s), x.narrow(d, 0, L - s)), d) (nodes the engines
 * run); without dims, the flattened tensor rolled and viewed back (roll's checks first). */
static int seq_of_ints(interp *I, py_val v, const char *name, int position, int64_t *out, int32_t *n) {
    const py_val *items = &v;
    int32_t cnt = 1;
    if (v.t == PV_TUPLE || v.t == PV_LIST) { items = pv_as_seq(v)->v; cnt = pv_as_seq(v)->n; }
    if (cnt > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc follows roll() along at most %d dims", CNNC_MAX_DIMS);
    for (int32_t k = 0; k < cnt; k++) {
        if (!pv_is_int(items[k]) || items[k].big)
            return py_raise(I, "TypeError", "roll(): argument '%s' (position %d) must be tuple of ints, not %s", name, position,
                            py_type_name(v.t == PV_TUPLE || v.t == PV_LIST ? &items[k] : &v));
        out[k] = items[k].u.i;
    }
    *n = cnt;
    return 0;
}

/* x.narrow(dim, start, length) and torch.cat(parts, dim) as nodes of the graph. */
static int narrow_of(interp *I, py_val x, int32_t dim, int64_t start, int64_t length, py_val *out) {
    const cnnc_layer_def *narrow = kind_named("narrow");
    if (!narrow) return py_unsupported(I, "cnnc cannot follow narrow()");
    py_val args[4] = {x, pv_int(dim), pv_int(start), pv_int(length)};
    return torch_call_functional(I, narrow, "", args, 4, NULL, NULL, 0, out);
}

static int cat_of(interp *I, py_val parts, int32_t dim, py_val *out) {
    const cnnc_layer_def *cat = torch_functional_def("cat", CNNC_FN_TORCH);
    if (!cat) return py_unsupported(I, "cnnc cannot follow cat()");
    py_val args[2] = {parts, pv_int(dim)};
    return torch_call_functional(I, cat, "", args, 2, NULL, NULL, 0, out);
}

static int roll_dims(interp *I, py_val x, const int64_t *sh, const int64_t *dm, int32_t nd, py_val *out) {
    py_val cur = x;
    for (int32_t k = 0; k < nd; k++) {
        int32_t d = 0;
        if (wrap_dim(I, dm[k], pv_as_tensor(cur)->shape.ndim, &d)) return -1;
        const int64_t len = pv_as_tensor(cur)->shape.ndim ? pv_as_tensor(cur)->shape.d[d] : 1;
        if (len == 0) continue;
        const int64_t s = ((sh[k] % len) + len) % len;
        if (s == 0) continue;
        py_val parts = pv_seq(I, PV_LIST, 2);
        if (parts.t == PV_UNBOUND) return py_nomem(I);
        if (narrow_of(I, cur, d, len - s, s, &pv_as_seq(parts)->v[0]) || narrow_of(I, cur, d, 0, len - s, &pv_as_seq(parts)->v[1]) ||
            cat_of(I, parts, d, &cur))
            return -1;
    }
    *out = cur;
    return 0;
}

static int t_roll(ARGS) {
    py_val x = self;
    int32_t at = 0;
    if (x.t != PV_TENSOR) { x = n > 0 ? a[0] : pv_unbound(); at = 1; }
    py_val shifts = n > at ? a[at] : pv_unbound(), dims = n > at + 1 ? a[at + 1] : pv_none();
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "shifts") && shifts.t == PV_UNBOUND) shifts = kwv[k];
        else if (!strcmp(nm, "dims") && n <= at + 1) dims = kwv[k];
        else if (!strcmp(nm, "input") && x.t == PV_UNBOUND) x = kwv[k];
        else return py_unsupported(I, "cnnc cannot follow roll() with %s=", nm);
    }
    if (x.t != PV_TENSOR || n > at + 2) return py_unsupported(I, "cnnc cannot follow this call of roll()");
    if (shifts.t == PV_UNBOUND) return py_raise(I, "TypeError", "roll() missing 1 required positional arguments: \"shifts\"");
    int64_t sh[CNNC_MAX_DIMS], dm[CNNC_MAX_DIMS];
    int32_t ns = 0, nd = 0;
    if (seq_of_ints(I, shifts, "shifts", 2 - (self.t == PV_TENSOR), sh, &ns)) return -1;
    if (dims.t != PV_NONE && seq_of_ints(I, dims, "dims", 3 - (self.t == PV_TENSOR), dm, &nd)) return -1;
    if (ns == 0) return torch_raise_shape(I, "RuntimeError", "`shifts` required");
    if (dims.t != PV_NONE || ns != 1) {
        if (ns != nd)
            return torch_raise_shape(I, "RuntimeError", "shifts and dimensions must align. shifts: %d, dims:%d", (int)ns, (int)nd);
        return roll_dims(I, x, sh, dm, nd, out);
    }
    /* no dims: the flattened tensor, rolled, viewed back */
    const py_tensor *t = pv_as_tensor(x);
    py_val flat, rolled, sizes[CNNC_MAX_DIMS];
    const py_val neg1 = pv_int(-1);
    const int64_t zero = 0;
    for (int32_t k = 0; k < t->shape.ndim; k++) sizes[k] = size_int(t, k);
    if (make_view(I, x, &neg1, 1, "flatten", &flat) || roll_dims(I, flat, sh, &zero, 1, &rolled)) return -1;
    return make_view(I, rolled, sizes, t->shape.ndim, "view", out);
}

static int insert_dim(interp *I, py_val cur, int32_t dim, py_val *out);

/* x.unfold(dimension, size, step): the windows of `size` every `step` along the dim, in a
 * new last dim (patch extraction: x.unfold(2, p, p).unfold(3, p, p)), as narrow, unsqueeze
 * and cat along the dim, then the window dim moved last (nodes the engines run). */
static int t_unfold(ARGS) {
    UNUSED;
    py_val b[3];
    const py_sig *sig = py_sig_cached(I, "dimension, size, step", -1);
    if (!sig || py_bind_sig_as(I, sig, "unfold", 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    static const char *const names[3] = {"dimension", "size", "step"};
    for (int k = 0; k < 3; k++)
        if (!pv_is_int(b[k]) || b[k].big)
            return py_raise(I, "TypeError", "unfold(): argument '%s' (position %d) must be int, not %s", names[k], k + 1, py_type_name(&b[k]));
    const py_tensor *x = pv_as_tensor(self);
    int32_t d = 0;
    if (wrap_dim(I, b[0].u.i, x->shape.ndim, &d)) return -1;
    const int64_t len = x->shape.ndim ? x->shape.d[d] : 1, size = b[1].u.i, step = b[2].u.i;
    if (size > len)
        return torch_raise_shape(I, "RuntimeError", "maximum size for tensor at dimension %d is %lld but size is %lld", (int)d,
                                 (long long)len, (long long)size);
    if (step <= 0) return torch_raise_shape(I, "RuntimeError", "step is %lld but must be > 0", (long long)step);
    if (size <= 0 || x->shape.ndim == 0 || x->shape.ndim >= CNNC_MAX_DIMS)
        return py_unsupported(I, "cnnc cannot follow unfold() of size %lld on a %d-d tensor", (long long)size, (int)x->shape.ndim);
    const int64_t count = (len - size) / step + 1;
    if (count > 1024) return py_unsupported(I, "cnnc follows unfold() into at most 1024 windows, not %lld", (long long)count);
    const cnnc_layer_def *permute = torch_functional_def("permute", CNNC_FN_TORCH);
    if (!permute) return py_unsupported(I, "cnnc cannot follow unfold()");
    py_val parts = pv_seq(I, PV_LIST, (int32_t)count), stacked;
    if (parts.t == PV_UNBOUND) return py_nomem(I);
    for (int64_t i = 0; i < count; i++) {
        py_val piece;
        if (narrow_of(I, self, d, i * step, size, &piece) || insert_dim(I, piece, d, &pv_as_seq(parts)->v[i])) return -1;
    }
    if (cat_of(I, parts, d, &stacked)) return -1;
    const int32_t nd = x->shape.ndim + 1;
    py_val order = pv_seq(I, PV_TUPLE, nd);
    if (order.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0, j = 0; k < nd; k++)
        if (k != d + 1) pv_as_seq(order)->v[j++] = pv_int(k);
    pv_as_seq(order)->v[nd - 1] = pv_int(d + 1);
    py_val pargs[2] = {stacked, order};
    return torch_call_functional(I, permute, "", pargs, 2, NULL, NULL, 0, out);
}

/* torch.clamp_min(input, min) / clamp_max(input, max) and the methods (clamp_min_ too):
 * clamp with that one bound (a number), or maximum / minimum (a tensor). */
int torch_clamp_one(ARGS) {
    const char *fn = I->callee->name;
    const int is_max = strstr(fn, "max") != NULL, is_method = self.t == PV_TENSOR;
    const char *bound_name = is_max ? "max" : "min";
    py_val b[2];
    const py_sig *sig = py_sig_cached(I, is_method ? (is_max ? "max" : "min") : (is_max ? "input, max" : "input, min"), -1);
    char qual[24];
    snprintf(qual, sizeof qual, "%.10s", fn);
    if (qual[strlen(qual) - 1] == '_') qual[strlen(qual) - 1] = '\0';
    if (!sig || py_bind_sig_as(I, sig, qual, 0, PY_BINDER_CPP_OVERLOADED, a, n, kw, kwv, n_kw, b)) return -1;
    py_val x = is_method ? self : b[0], v = b[is_method ? 0 : 1];
    if (x.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow %s() of a %s", fn, py_type_name(&x));
    if (v.t == PV_TENSOR) {
        const cnnc_layer_def *d = torch_functional_def(is_max ? "minimum" : "maximum", CNNC_FN_TORCH);
        if (!d || fn[strlen(fn) - 1] == '_') return py_unsupported(I, "cnnc cannot follow %s() with a tensor bound", fn);
        const py_val args[2] = {x, v};
        return torch_call_functional(I, d, "", args, 2, NULL, NULL, 0, out);
    }
    if (!pv_is_num(v) || v.t == PV_BOOL) return py_unsupported(I, "cnnc cannot follow %s() with a %s bound", fn, py_type_name(&v));
    const cnnc_layer_def *d = torch_functional_def("clamp", CNNC_FN_TORCH);
    if (!d) return py_unsupported(I, "cnnc cannot follow %s()", fn);
    const py_sym k1[1] = {py_s(I, bound_name)};
    return torch_call_functional(I, d, "", &x, 1, k1, &v, 1, out);
}

/* torch.vstack / hstack (tensors): each made at least 2-d (vstack: [n] is [1, n]) or 1-d
 * (hstack), then cat along dim 0, or for hstack along dim 1 unless the first is 1-d. */
int torch_stack_along(ARGS) {
    UNUSED;
    const char *fn = I->callee->name;
    const int v = fn[0] == 'v';
    py_val seq = n == 1 ? a[0] : pv_unbound();
    if (n_kw == 1 && !n && !strcmp(py_sym_name(I->syms, kw[0]), "tensors")) seq = kwv[0];
    else if (n_kw || n != 1) return py_unsupported(I, "cnnc cannot follow this call of %s()", fn);
    if (seq.t == PV_TENSOR)
        return py_raise(I, "TypeError", "%s(): argument 'tensors' (position 1) must be tuple of Tensors, not Tensor", fn);
    if (seq.t != PV_LIST && seq.t != PV_TUPLE) return py_unsupported(I, "cnnc cannot follow %s() of a %s", fn, py_type_name(&seq));
    const py_seq *q = pv_as_seq(seq);
    if (q->n == 0) return torch_raise_shape(I, "RuntimeError", "%s expects a non-empty TensorList", fn);
    py_val parts = pv_seq(I, PV_LIST, q->n);
    if (parts.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < q->n; k++) {
        py_val t = q->v[k];
        if (t.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow %s() of a %s", fn, py_type_name(&t));
        const int32_t nd = pv_as_tensor(t)->shape.ndim;
        if (nd == 0 || (v && nd == 1)) {   /* atleast_1d / atleast_2d */
            py_val sizes[2] = {pv_int(1), nd ? size_int(pv_as_tensor(t), 0) : pv_int(1)};
            if (make_view(I, t, v ? sizes : &sizes[0], v ? 2 : 1, "view", &t)) return -1;
        }
        pv_as_seq(parts)->v[k] = t;
    }
    const int32_t dim = v || pv_as_tensor(pv_as_seq(parts)->v[0])->shape.ndim == 1 ? 0 : 1;
    return cat_of(I, parts, dim, out);
}

/* ~x: a mask's complement (a mask known all True is then all False), int64's bitwise not (values
 * unknown), and Python's TypeError for a tensor that surely holds floats. */
int py_tensor_invert(interp *I, py_val v, py_val *out) {
    const py_tensor *t = pv_as_tensor(v);
    const py_known *k = py_tensor_known(t);
    const int is_int = t->is_indices || (k && k->is_int) || t->value_kind == PV_INT;
    if (!t->is_mask && !is_int) {
        if (t->node != TENSOR_CONST || t->known_float || t->value_kind == PV_FLOAT)
            return py_raise(I, "TypeError", "~ (operator.invert) is only implemented on integer and Boolean-type tensors");
        return py_unsupported(I, "cnnc cannot follow ~ on a tensor whose dtype it does not know");
    }
    if (torch_const_of(I, v, &t->shape, 0, out)) return -1;
    py_tensor *r = pv_as_tensor(*out);
    r->is_mask = t->is_mask;
    r->mask_known = t->is_mask ? -t->mask_known : 0;
    r->is_indices = !t->is_mask;
    return 0;
}

int torch_roll(ARGS) { return t_roll(I, self, a, n, kw, kwv, n_kw, out); }

/* x.requires_grad_(requires_grad=True) */
static int t_requires_grad_(ARGS) {
    UNUSED;
    if (n > 1 || n_kw > 1 || (n_kw == 1 && strcmp(py_sym_name(I->syms, kw[0]), "requires_grad")) || (n && n_kw))
        return py_unsupported(I, "cnnc cannot follow this call of Tensor.requires_grad_");
    if (py_tensor_set_requires_grad(I, self, n ? a[0] : n_kw ? kwv[0] : pv_bool(1))) return -1;
    *out = self;
    return 0;
}
/* x.contiguous(), x.clone(): the same values laid out afresh (view() can then reshape them) */
static int t_contiguous(ARGS) {
    UNUSED; (void)a; (void)n;
    const py_tensor *x = pv_as_tensor(self);
    *out = self;
    if (!x->strided) return 0;
    if ((*out = pv_tensor_copy(I, x)).t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(*out)->strided = 0;
    if (py_tensor_known(x) && py_tensor_copy_known(I, pv_as_tensor(*out), x->known)) return -1;   /* the same values */
    return 0;
}
/* x.clone(): another storage with x's values, contiguous; a parameter's clone is a plain
 * tensor (item assignment into it is allowed, and reaches neither the parameter nor its values) */
static int t_clone(ARGS) {
    UNUSED; (void)a;
    if (n) return py_unsupported(I, "cnnc cannot follow clone() with arguments");
    const py_tensor *x = pv_as_tensor(self);
    if ((*out = pv_tensor_copy(I, x)).t == PV_UNBOUND) return py_nomem(I);
    py_tensor *c = pv_as_tensor(*out);
    c->strided = 0;
    c->is_param = c->param_view = 0;
    const py_known *k = py_tensor_known(x);
    return k ? py_tensor_copy_known(I, c, k) : 0;
}

/* int64 indices converted to a float dtype are plain values (index ops refuse them) */
static int indices_as_float(interp *I, py_val self, py_val *out) {
    *out = self;
    if (!pv_as_tensor(self)->is_indices) return 0;
    if ((*out = pv_tensor_copy(I, pv_as_tensor(self))).t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(*out)->is_indices = 0;
    pv_as_tensor(*out)->index_bound = 0;
    pv_as_tensor(*out)->known_float = 1;
    const py_known *k = py_tensor_known(pv_as_tensor(self));   /* the same numbers, now floats */
    if (!k) return 0;
    if (py_tensor_copy_known(I, pv_as_tensor(*out), k)) return -1;
    pv_as_tensor(*out)->known->is_int = 0;
    return 0;
}

static int is_float_dtype(py_val v) {
    if (v.t == PV_STR) return strstr(pv_as_str(v)->s, "Float") || strstr(pv_as_str(v)->s, "Double") || strstr(pv_as_str(v)->s, "Half");
    if (v.t != PV_DTYPE) return 0;
    const char *d = (const char *)v.u.p;
    return !strncmp(d, "float", 5) || !strcmp(d, "double") || !strcmp(d, "half") || !strcmp(d, "bfloat16");
}

/* x.float(): x itself, or for a known integer value a float copy (item() then gives a float) */
static int t_float(ARGS) {
    UNUSED; (void)a; (void)n;
    if (pv_as_tensor(self)->is_indices) return indices_as_float(I, self, out);
    const py_tensor *x = pv_as_tensor(self);
    *out = self;
    if (!x->value_kind || x->value_kind == PV_FLOAT) return 0;
    if ((*out = pv_tensor_copy(I, x)).t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(*out)->value_kind = PV_FLOAT;
    return 0;
}

/* ------------------------------------------------------------- views */

static const cnnc_layer_def *kind_named(const char *name) { return cnnc_layer_def_find(name, strlen(name)); }

/* A view/reshape node: sizes that came from this tensor's dims follow the batch. */
/* A size that is not an int, as 1.13's binding words it: the first one decides the
 * overload (view: none matches; reshape: its argument is not an int list), a later one
 * fails the int list's conversion. `seq`: the sizes came as one list or tuple. */
static int view_size_error(interp *I, const char *fn, const py_val *sizes, int32_t n, int32_t k, const py_val *seq) {
    const int reshape = !strcmp(fn, "reshape");
    if (k > 0)
        return py_raise(I, "TypeError", "%s(): argument '%s' must be tuple of SymInts, but found element of type %s at pos %d", fn,
                        reshape ? "shape" : "size", py_type_name(&sizes[k]), (int)k + 1);
    if (reshape)
        return py_raise(I, "TypeError", "reshape(): argument 'shape' (position 1) must be tuple of SymInts, not %s",
                        py_type_name(seq ? seq : &sizes[0]));
    if (strcmp(fn, "view")) return py_unsupported(I, "cnnc cannot follow %s() of a %s size", fn, py_type_name(&sizes[0]));
    cnnc_strbuf sb = {0};
    if (seq) cnnc_sb_puts(&sb, py_type_name(seq));
    for (int32_t j = 0; !seq && j < n; j++) cnnc_sb_printf(&sb, "%s%s", j ? ", " : "", sizes[j].t == PV_TENSOR ? "Tensor" : py_type_name(&sizes[j]));
    const char *got = sb.p ? sb.p : "";
    if (seq || n == 1)   /* one argument: each overload says why it did not match */
        py_raise(I, "TypeError",
                 "view() received an invalid combination of arguments - got (%s), but expected one of:\n * (torch.dtype dtype)\n"
                 "      didn't match because some of the arguments have invalid types: (!%s!)\n * (tuple of SymInts size)\n"
                 "      didn't match because some of the arguments have invalid types: (!%s!)\n", got, got, got);
    else
        py_raise(I, "TypeError",
                 "view() received an invalid combination of arguments - got (%s), but expected one of:\n * (torch.dtype dtype)\n"
                 " * (tuple of SymInts size)\n", got);
    cnnc_sb_free(&sb);
    return -1;
}

static int make_view_of(interp *I, py_val t, const py_val *sizes, int32_t n, const char *fn, const py_val *seq, py_val *out) {
    const py_tensor *x = pv_as_tensor(t);
    if (n > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc cannot follow a %d-dimensional view", (int)n);
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    p.flatten.view_ndim = n ? n : CNNC_VIEW_SCALAR;
    for (int32_t k = 0; k < n; k++) {
        py_val v = sizes[k];
        if (v.t == PV_TENSOR && pv_as_tensor(v)->shape.ndim == 0) {   /* a 0-d tensor is an int to the binding */
            const py_tensor *s = pv_as_tensor(v);
            if (s->value_kind != PV_INT && s->value_kind != PV_BOOL)
                return py_unsupported(I, "cnnc cannot follow a %s() size read from a tensor's value", fn);
            v = pv_int((int64_t)s->value);
        }
        if (!pv_is_int(v) || (k == 0 && v.t == PV_BOOL)) return view_size_error(I, fn, sizes, n, k, seq);
        if (v.big) return py_raise(I, "RuntimeError", "Overflow when unpacking long");
        int64_t dim_of_x = -1;
        /* ids restart at each trace: a parameter made in the constructor may share one with the size's tensor */
        const int32_t pid = (int32_t)(((uint32_t)v.prov >> 4) - 2u);
        if (v.prov != PROV_NONE && pid == x->id && pid >= 0 && pid < I->g.next_tensor_id && I->g.by_id[pid] == x)
            dim_of_x = v.prov & 15;
        else if (v.prov != PROV_NONE) MARK_SHAPE_DEPENDENT(I);
        p.flatten.view[k] = dim_of_x >= 0 ? CNNC_VIEW_DIM(dim_of_x) : v.u.i;
        if (dim_of_x < 0 && v.u.i > 1 && k == 0 && x->shape.ndim > 0 && v.u.i == x->shape.d[0]) MARK_SHAPE_DEPENDENT(I);
    }
    return py_trace_op(I, CNNC_FLATTEN, &p, &t, 1, NULL, fn, out);
}

static int make_view(interp *I, py_val t, const py_val *sizes, int32_t n, const char *fn, py_val *out) {
    return make_view_of(I, t, sizes, n, fn, NULL, out);
}

/* A shape as numpy's messages print it: a tuple without spaces, "(3,)" for one dim. */
static void numpy_shape_text(const int64_t *d, int32_t n, char *buf, size_t cap) {
    size_t len = (size_t)snprintf(buf, cap, "(");
    for (int32_t k = 0; k < n && len < cap; k++)
        len += (size_t)snprintf(buf + len, cap - len, "%lld%s", (long long)d[k], n == 1 || k + 1 < n ? "," : "");
    if (len < cap) snprintf(buf + len, cap - len, ")");
}

/* view(*shape) / view(shape) / reshape(...) */
static int t_view(ARGS);

/* ndarray.reshape(shape) / np.reshape: the view, with numpy's ValueError for a shape of another
 * size (its tuple printed without spaces); a -1 among the sizes or order= is refused there. */
static int t_np_reshape(ARGS) {
    const py_val *sizes = a;
    int32_t ns = n;
    if (n == 1 && pv_is_seq(a[0])) { sizes = pv_as_seq(a[0])->v; ns = pv_as_seq(a[0])->n; }
    if (n_kw) return py_unsupported(I, "cnnc cannot follow ndarray.reshape with keywords");
    int64_t prod = 1, dims[CNNC_MAX_DIMS];
    for (int32_t k = 0; k < ns; k++) {
        if (!pv_is_int(sizes[k]) || sizes[k].big || sizes[k].u.i < 0 || ns > CNNC_MAX_DIMS)
            return t_view(I, self, a, n, kw, kwv, n_kw, out);   /* -1, or what torch's words cover: refused or raised there */
        prod *= dims[k] = sizes[k].u.i;
    }
    const int64_t numel = cnnc_shape_numel(&pv_as_tensor(self)->shape);
    if (prod != numel) {
        char want[24 * CNNC_MAX_DIMS];
        numpy_shape_text(dims, ns, want, sizeof want);
        return py_raise(I, "ValueError", "cannot reshape array of size %lld into shape %s", (long long)numel, want);
    }
    if (t_view(I, self, a, n, kw, kwv, n_kw, out)) return -1;
    if (out->t == PV_TENSOR) pv_as_tensor(*out)->is_numpy = 1;
    return 0;
}

static int t_view(ARGS) {
    UNUSED;
    const char *fn = I->callee->name;
    if (n_kw) {   /* view(size=...), reshape(shape=...): the one keyword each binding names */
        const char *want = fn[0] == 'v' ? "size" : "shape";
        if (n || n_kw != 1 || strcmp(py_sym_name(I->syms, kw[0]), want))
            return py_unsupported(I, "cnnc cannot follow this call of %s() with keywords", fn);
        if (kwv[0].t != PV_TUPLE && kwv[0].t != PV_LIST && kwv[0].t != PV_SIZE)
            return py_unsupported(I, "cnnc cannot follow %s(%s=) of a %s", fn, want, py_type_name(&kwv[0]));
        return make_view_of(I, self, pv_as_seq(kwv[0])->v, pv_as_seq(kwv[0])->n, fn, kwv[0].t == PV_SIZE ? NULL : &kwv[0], out);
    }
    if (n == 1 && (a[0].t == PV_TUPLE || a[0].t == PV_LIST || a[0].t == PV_SIZE))
        return make_view_of(I, self, pv_as_seq(a[0])->v, pv_as_seq(a[0])->n, fn, a[0].t == PV_SIZE ? NULL : &a[0], out);
    if (n == 1 && a[0].t == PV_DTYPE) return py_unsupported(I, "cnnc cannot follow view(dtype)");
    if (n == 0 && !n_kw) return py_raise(I, "TypeError", "%s() received an invalid combination of arguments - got (), but expected one of:", fn);
    return make_view(I, self, a, n, fn, out);
}

static int t_squeeze(ARGS) {
    UNUSED;
    const py_tensor *x = pv_as_tensor(self);
    py_val sizes[CNNC_MAX_DIMS];
    int32_t m = 0;
    if (n == 0 && !n_kw) {
        for (int32_t k = 0; k < x->shape.ndim; k++)
            if (x->shape.d[k] != 1) sizes[m++] = size_int(x, k);
        MARK_SHAPE_DEPENDENT(I);
    } else {
        py_val dv = n ? a[0] : kwv[0];
        int32_t d = 0;
        if (!pv_is_int(dv)) return py_unsupported(I, "cnnc cannot follow squeeze() of several dims");
        if (wrap_dim(I, dv.u.i, x->shape.ndim, &d)) return -1;
        for (int32_t k = 0; k < x->shape.ndim; k++)
            if (k != d || x->shape.d[k] != 1) sizes[m++] = size_int(x, k);
    }
    return make_view(I, self, sizes, m, "squeeze", out);
}

static int t_unsqueeze(ARGS) {
    UNUSED;
    const py_tensor *x = pv_as_tensor(self);
    if (n + n_kw != 1) return py_raise(I, "TypeError", "unsqueeze() missing 1 required positional arguments: \"dim\"");
    py_val dv = n ? a[0] : kwv[0];
    if (!pv_is_int(dv)) return py_raise(I, "TypeError", "unsqueeze(): argument 'dim' (position 1) must be int, not %s", py_type_name(&dv));
    int32_t nd = x->shape.ndim + 1, d = 0;
    if (wrap_dim(I, dv.u.i, nd, &d)) return -1;
    py_val sizes[CNNC_MAX_DIMS + 1];
    int32_t m = 0;
    for (int32_t k = 0; k < nd; k++) {
        if (k == d) sizes[m++] = pv_int(1);
        else sizes[m++] = size_int(x, k < d ? k : k - 1);
    }
    return make_view(I, self, sizes, m, "unsqueeze", out);
}

/* x.to(...): the same tensor, unless it names a CUDA device (cnnc's torch has no CUDA). */
static int t_to(ARGS) {
    if (py_refuse_cuda_args(I, a, n, kw, kwv, n_kw)) return -1;
    *out = self;
    for (int32_t k = 0; k < n + n_kw; k++)
        if (is_float_dtype(k < n ? a[k] : kwv[k - n])) return indices_as_float(I, self, out);
    return 0;
}

static int t_cuda(ARGS) {
    UNUSED;
    (void)self; (void)a; (void)n; (void)out;
    return py_raise_no_cuda(I);
}

/* torch.floor / ceil / round / trunc (fix) and the methods: the round kind. */
int torch_round(ARGS) {
    const char *fn = I->callee->name;
    const int is_method = self.t == PV_TENSOR;
    py_val x = is_method ? self : n > 0 ? a[0] : pv_unbound();
    const int32_t extra = n - (is_method ? 0 : 1);
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!is_method && !strcmp(nm, "input") && x.t == PV_UNBOUND) { x = kwv[k]; continue; }
        if (!strcmp(nm, "decimals") && kwv[k].t == PV_INT && kwv[k].u.i == 0) continue;
        return py_unsupported(I, "cnnc cannot follow %s() with %s=", fn, nm);
    }
    if (extra > 0 || x.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow this call of %s()", fn);
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    p.round.mode = fn[0] == 'f' && fn[1] == 'l' ? CNNC_ROUND_FLOOR : fn[0] == 'c' ? CNNC_ROUND_CEIL
                 : fn[0] == 'r' ? CNNC_ROUND_NEAREST : CNNC_ROUND_TRUNC;
    if (py_trace_op(I, CNNC_ROUND, &p, &x, 1, NULL, fn, out)) return -1;
    torch_round_known(pv_as_tensor(x), pv_as_tensor(*out), p.round.mode);
    return 0;
}

/* x.unsqueeze_(d), x.squeeze_(d): the view, and x itself becomes it (every name
 * bound to x sees the new shape, as with PyTorch's in-place ops). */
static int t_inplace_view(ARGS) {
    const char *fn = I->callee->name;
    py_tensor *x = pv_as_tensor(self);
    if (x->is_param) return py_unsupported(I, "cnnc cannot follow Tensor.%s on a parameter or buffer", fn);
    py_val r;
    if ((fn[0] == 'u' ? t_unsqueeze : t_squeeze)(I, self, a, n, kw, kwv, n_kw, &r)) return -1;
    *x = *pv_as_tensor(r);
    *out = self;
    return 0;
}

/* Tensor.unflatten(dim, sizes): nn.Unflatten's node (its shape rule has ATen's checks) */
static int t_unflatten(ARGS) {
    UNUSED;
    py_val b[2];
    const py_sig *sig = py_sig_cached(I, "dim, sizes", -1);
    if (!sig || py_bind_sig_as(I, sig, "unflatten", 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    if (!pv_is_int(b[0]) || b[0].big) return py_unsupported(I, "cnnc cannot follow unflatten() with a dim of type %s", py_type_name(&b[0]));
    if (b[1].t != PV_TUPLE && b[1].t != PV_LIST)
        return py_unsupported(I, "cnnc cannot follow unflatten() with sizes of type %s", py_type_name(&b[1]));
    const py_seq *q = pv_as_seq(b[1]);
    if (q->n > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc tensors have at most %d dims", CNNC_MAX_DIMS);
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    p.unflatten.dim = b[0].u.i;
    p.unflatten.dim_is_bool = b[0].t == PV_BOOL;
    p.unflatten.n = q->n;
    for (int32_t k = 0; k < q->n; k++) {
        if (!pv_is_int(q->v[k]) || q->v[k].big)
            return py_unsupported(I, "cnnc cannot follow unflatten() with a size of type %s", py_type_name(&q->v[k]));
        if (q->v[k].prov != PROV_NONE) MARK_SHAPE_DEPENDENT(I);
        p.unflatten.sizes[k] = q->v[k].u.i;
        p.unflatten.sizes_have_bool |= q->v[k].t == PV_BOOL;
    }
    return py_trace_op(I, CNNC_UNFLATTEN, &p, &self, 1, NULL, "unflatten", out);
}

static int t_flatten(ARGS) {
    UNUSED;
    const cnnc_layer_def *def = torch_functional_def("flatten", CNNC_FN_TENSOR);
    py_val *b = (py_val *)py_alloc(I->arena, (size_t)(n + 1) * sizeof *b);
    if (!b) return py_nomem(I);
    b[0] = self;
    if (n) memcpy(b + 1, a, (size_t)n * sizeof *b);
    return torch_call_functional(I, def, "Tensor", b, n + 1, kw, kwv, n_kw, out);
}

/* ---------------------------------------------------------- arithmetic */

static int scalar_ok(py_val v) { return pv_is_num(v); }

static int tensor_binop(interp *I, int op, py_val a, py_val b, int reflected, py_val *out);

/* An operation of numpy arrays (and numbers) makes a numpy array; with a torch tensor, a tensor. */
int py_tensor_binop(interp *I, int op, py_val a, py_val b, int reflected, py_val *out) {
    if (tensor_binop(I, op, a, b, reflected, out)) return -1;
    const int numpy = pv_as_tensor(a)->is_numpy && (b.t != PV_TENSOR || pv_as_tensor(b)->is_numpy);
    if (numpy && out->t == PV_TENSOR) pv_as_tensor(*out)->is_numpy = 1;
    /* int64 constants (indices) with ints or int64 constants: int64 again (a deformable convolution's
     * q_x * w + q_y); its values bounded where they are known */
    if (out->t == PV_TENSOR && pv_as_tensor(*out)->node == TENSOR_CONST && !pv_as_tensor(*out)->is_indices &&
        (op == PY_OP_PLUS || op == PY_OP_MINUS || op == PY_OP_STAR || op == PY_OP_DSLASH || op == PY_OP_PERCENT) &&
        pv_as_tensor(a)->is_indices && (b.t == PV_TENSOR ? pv_as_tensor(b)->is_indices : b.t == PV_INT)) {
        py_tensor *r = pv_as_tensor(*out);
        r->known_float = 0;
        torch_indices_of_known(r);
    }
    return 0;
}

/* A one-element constant whose value cnnc knows, or a number: its value and kind. */
static int known_scalar(py_val v, double *value, int *kind) {
    if (v.t == PV_INT || v.t == PV_BOOL) { *value = (double)v.u.i; *kind = PV_INT; return !v.big; }
    if (v.t == PV_FLOAT) { *value = v.u.f; *kind = PV_FLOAT; return 1; }
    if (v.t != PV_TENSOR) return 0;
    const py_tensor *t = pv_as_tensor(v);
    if (t->node != TENSOR_CONST || !t->value_kind || cnnc_shape_numel(&t->shape) != 1) return 0;
    *value = t->value;
    *kind = t->value_kind == PV_FLOAT ? PV_FLOAT : PV_INT;
    return 1;
}

/* + - * / // % of known one-element values (`diffX = torch.tensor([x2.size(2) - x1.size(2)])`,
 * then `diffX // 2` into F.pad): the broadcast constant, with its value computed as the
 * tensor's dtype does (ints stay ints but for /; floats round to float32). 1: not such values. */
static int known_binop(interp *I, int op, py_val a, py_val b, int reflected, py_val *out) {
    double x, y;
    int kx, ky;
    if (!known_scalar(a, &x, &kx) || !known_scalar(b, &y, &ky)) return 1;
    if (op != PY_OP_PLUS && op != PY_OP_MINUS && op != PY_OP_STAR && op != PY_OP_SLASH && op != PY_OP_DSLASH &&
        op != PY_OP_PERCENT)
        return 1;
    if (reflected) { double t = x; x = y; y = t; int k = kx; kx = ky; ky = k; }
    const int kind = kx == PV_FLOAT || ky == PV_FLOAT || op == PY_OP_SLASH ? PV_FLOAT : PV_INT;
    if ((op == PY_OP_SLASH || op == PY_OP_DSLASH || op == PY_OP_PERCENT) && y == 0.0)
        return py_unsupported(I, "cnnc cannot follow a tensor value divided by zero");
    double r = op == PY_OP_PLUS ? x + y : op == PY_OP_MINUS ? x - y : op == PY_OP_STAR ? x * y : op == PY_OP_SLASH ? x / y
             : op == PY_OP_DSLASH ? floor(x / y) : x - floor(x / y) * y;
    if (kind == PV_FLOAT) r = (double)(float)r;
    if (fabs(r) > 9007199254740992.0) return py_unsupported(I, "cnnc cannot follow tensor values this large");
    if (py_tensor_broadcast_const(I, a, b, out)) return -1;
    pv_as_tensor(*out)->value_kind = kind;
    pv_as_tensor(*out)->value = r;
    return 0;
}

static int tensor_binop(interp *I, int op, py_val a, py_val b, int reflected, py_val *out) {
    if ((pv_as_tensor(a)->is_complex || (b.t == PV_TENSOR && pv_as_tensor(b)->is_complex)) && op != PY_OP_PLUS &&
        op != PY_OP_MINUS && op != PY_OP_STAR && op != PY_OP_SLASH && op != PY_OP_AT)
        return py_unsupported(I, "cnnc cannot follow the %s operator on complex tensors", py_op_text((py_op)op));
    const int k = known_binop(I, op, a, b, reflected, out);
    if (k <= 0) return k;
    if ((op == PY_OP_DSLASH || op == PY_OP_PERCENT) && pv_as_tensor(a)->node == TENSOR_CONST &&
        (b.t != PV_TENSOR ? pv_is_num(b) : pv_as_tensor(b)->node == TENSOR_CONST))
        return py_tensor_broadcast_const(I, a, b, out);   /* of constants: the shape; values unknown */
    if (op == PY_OP_AMP || op == PY_OP_PIPE || op == PY_OP_CARET) {
        /* masks combined (x > 0) & (x < 1): a mask of the broadcast shape; other dtypes'
         * bitwise ops (ints, or PyTorch's error on floats) are not modelled */
        const int a_mask = pv_as_tensor(a)->is_mask, b_mask = b.t == PV_TENSOR ? pv_as_tensor(b)->is_mask : b.t == PV_BOOL;
        if (!a_mask || !b_mask)
            return py_unsupported(I, "cnnc follows the %s operator on bool tensors (masks) only", py_op_text((py_op)op));
        if (py_tensor_broadcast_const(I, a, b, out)) return -1;
        pv_as_tensor(*out)->is_mask = 1;
        return 0;
    }
    const char *name = op == PY_OP_PLUS ? "add" : op == PY_OP_MINUS ? "sub" : op == PY_OP_STAR ? "mul"
                     : op == PY_OP_SLASH ? "div" : op == PY_OP_AT ? "matmul" : op == PY_OP_DSTAR ? "pow" : NULL;
    if (!name) return py_unsupported(I, "cnnc cannot follow the %s operator on tensors", py_op_text((py_op)op));
    if (b.t != PV_TENSOR && (!scalar_ok(b) || op == PY_OP_AT)) {
        if (op == PY_OP_AT || b.t == PV_NONE || b.t == PV_STR || b.t == PV_TUPLE || b.t == PV_LIST)
            return py_raise(I, "TypeError", "unsupported operand type(s) for %s: '%s' and '%s'",
                            op == PY_OP_DSTAR ? "** or pow()" : py_op_text((py_op)op),
                            reflected ? py_type_name(&b) : "Tensor", reflected ? "Tensor" : py_type_name(&b));
        return py_unsupported(I, "cnnc cannot follow %s between a tensor and a %s", name, py_type_name(&b));
    }
    if (op == PY_OP_DSTAR && (reflected || b.t == PV_TENSOR)) {   /* 2 ** x, x ** y: an exponent that is a tensor */
        /* of constants (500 ** (torch.arange(0, 16) / 16)): a constant of the broadcast shape */
        /* of a tensor the graph computes (GeM's x ** self.p): the same, and the trace check only */
        const int graph = pv_as_tensor(a)->node != TENSOR_CONST || (b.t == PV_TENSOR && pv_as_tensor(b)->node != TENSOR_CONST);
        if (py_tensor_broadcast_const(I, a, b, out)) return -1;   /* the broadcast rule and words, a constant result */
        if (graph && I->tracing) MARK_CONST_OPERAND(I);
        return 0;
    }
    const cnnc_layer_def *def = torch_functional_def(name, CNNC_FN_TORCH | CNNC_FN_TENSOR);
    if (!def) return py_unsupported(I, "cnnc cannot follow %s on tensors (no such operation in cnnc's registry)", name);
    /* 2 - x, 2 / x: the scalar on the left; x += y: in place */
    call_form form = {reflected && b.t != PV_TENSOR, I->inplace && !reflected, PY_BINDER_PYTHON, 0};
    I->inplace = 0;
    py_val args[2] = {a, b};
    if (reflected && b.t == PV_TENSOR) { args[0] = b; args[1] = a; }
    return torch_call_functional_as(I, def, "", args, 2, NULL, NULL, 0, &form, out);
}

/* A constant of the broadcast shape (binary ops' rule and words), for results whose values
 * the trace does not follow (x < y's mask, 2 ** arange(...)). Made from a tensor the graph
 * computes, it makes the trace one the engine does not replay (check follows it at each input). */
int py_tensor_broadcast_const(interp *I, py_val a, py_val b, py_val *out) {
    const cnnc_layer_def *add = torch_functional_def("add", CNNC_FN_TORCH);
    if (!add) return py_unsupported(I, "cnnc cannot follow this operation on tensor values");
    int graph = 0;
    if (a.t == PV_TENSOR && pv_as_tensor(a)->node != TENSOR_CONST) graph = 1;
    if (b.t == PV_TENSOR && pv_as_tensor(b)->node != TENSOR_CONST) graph = 1;
    py_val args[2] = {a.t == PV_TENSOR ? a : b, a.t == PV_TENSOR ? b : a};
    const int tracing = I->tracing;
    I->tracing = 0;   /* the broadcast only: no node */
    py_val r;
    int st = torch_call_functional(I, add, "", args, 2, NULL, NULL, 0, &r);
    I->tracing = tracing;
    if (st) return -1;
    if (graph && I->tracing) MARK_SHAPE_DEPENDENT(I);
    *out = pv_tensor(I, &pv_as_tensor(r)->shape, TENSOR_CONST);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

int torch_args_with_self(interp *I, py_val self, const py_val **a, int32_t *n) {
    if (self.t != PV_TENSOR) return 0;
    py_val *args = (py_val *)py_alloc(I->arena, (size_t)(*n + 1) * sizeof *args);
    if (!args) return py_nomem(I);
    args[0] = self;
    if (*n) memcpy(args + 1, *a, (size_t)*n * sizeof **a);
    *a = args;
    (*n)++;
    return 0;
}

int torch_const_like(interp *I, py_val from, const cnnc_shape *s, py_val *out) {
    const py_tensor *t = pv_as_tensor(from);
    if (torch_const_of(I, from, s, 0, out)) return -1;
    py_tensor *r = pv_as_tensor(*out);
    r->is_indices = t->is_indices;
    r->index_bound = t->index_bound;
    r->is_mask = t->is_mask;
    r->known_float = t->known_float || t->node != TENSOR_CONST;
    return 0;
}

int torch_const_of(interp *I, py_val from, const cnnc_shape *s, int is_complex, py_val *out) {
    if (pv_as_tensor(from)->node != TENSOR_CONST && I->tracing) MARK_SHAPE_DEPENDENT(I);
    *out = pv_tensor(I, s, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(*out)->is_complex = is_complex;
    return 0;
}

/* --------------------------------------------------------- indexing */

/* x[None] and x[:, None]: a dim of size 1 at `dim` of cur (a view that follows the batch). */
static int insert_dim(interp *I, py_val cur, int32_t dim, py_val *out) {
    const py_tensor *c = pv_as_tensor(cur);
    if (c->shape.ndim >= CNNC_MAX_DIMS) return py_unsupported(I, "cnnc tensors have at most %d dims", CNNC_MAX_DIMS);
    py_val sizes[CNNC_MAX_DIMS];
    int32_t m = 0;
    for (int32_t j = 0; j <= c->shape.ndim; j++) {
        if (j == dim) sizes[m++] = pv_int(1);
        if (j < c->shape.ndim) sizes[m++] = size_int(c, j);
    }
    return make_view(I, cur, sizes, m, "unsqueeze", out);
}

/* x[..., [2, 0, 5], ...]: one list of ints picks those entries of its dim, in order; the
 * dim stays where it is. Made of narrow (a run of consecutive indices at a time) and
 * cat, kinds the engines run. */
static int index_with_list(interp *I, py_val cur, int32_t dim, const py_seq *q, py_val *out) {
    const int64_t len = pv_as_tensor(cur)->shape.d[dim];
    if (q->n > 1024) return py_unsupported(I, "cnnc follows indexing with a list of at most 1024 entries");
    int64_t idx[1024];
    for (int32_t k = 0; k < q->n; k++) {
        const py_val v = q->v[k];
        if (v.t != PV_INT || v.big)
            return py_unsupported(I, "cnnc cannot follow indexing a tensor with a list of %s", py_type_name(&v));
        if (v.u.i < -len || v.u.i >= len)
            return torch_raise_shape(I, "IndexError", "index %lld is out of bounds for dimension 0 with size %lld",
                                     (long long)v.u.i, (long long)len);
        idx[k] = v.u.i < 0 ? v.u.i + len : v.u.i;
    }
    const cnnc_layer_def *narrow = kind_named("narrow"), *cat = kind_named("cat");
    if (!narrow || !cat) return py_unsupported(I, "cnnc cannot follow indexing a tensor with a list");
    py_val parts = pv_seq(I, PV_LIST, 0);
    if (parts.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < q->n || (q->n == 0 && k == 0);) {
        int32_t run = 1;
        while (k + run < q->n && idx[k + run] == idx[k + run - 1] + 1) run++;
        py_val args[4] = {cur, pv_int(dim), pv_int(q->n ? idx[k] : 0), pv_int(q->n ? run : 0)}, piece;
        if (torch_call_functional(I, narrow, "", args, 4, NULL, NULL, 0, &piece) || py_seq_push(I, parts, piece)) return -1;
        k += run;
    }
    if (pv_as_seq(parts)->n == 1) { *out = pv_as_seq(parts)->v[0]; return 0; }
    py_val args[2] = {parts, pv_int(dim)};
    return torch_call_functional(I, cat, "", args, 2, NULL, NULL, 0, out);
}

/* Basic indexing: ints, slices (with steps), None and one Ellipsis, as PyTorch's
 * applySlicing takes them (the count of indexed dims is checked first), and one list
 * of ints (index_with_list) where ints sit next to it, so advanced indexing puts the
 * result's dim where basic indexing would. */
/* An index array whose values are known to be 0, 1, 2 ... (np.argwhere of a vector of
 * ones, squeezed): the list of those ints (a 0-d one: the int), which indexing follows;
 * 1: not such an array. */
static int known_index_array(interp *I, py_val v, py_val *out) {
    if (v.t != PV_TENSOR || !pv_as_tensor(v)->is_numpy) return 1;
    const py_tensor *a = pv_as_tensor(v);
    const py_known *k = py_tensor_known(a);
    if (!k || !py_known_iota(k) || a->shape.ndim > 1) return 1;
    if (a->shape.ndim == 0) { *out = pv_int(0); return 0; }
    const int64_t len = a->shape.d[0];
    if (len > (1 << 20)) return py_unsupported(I, "cnnc follows index arrays of up to 2^20 values");
    py_val list = pv_seq(I, PV_LIST, (int32_t)len);
    if (list.t == PV_UNBOUND) return py_nomem(I);
    for (int64_t j = 0; j < len; j++) pv_as_seq(list)->v[j] = pv_int(j);
    *out = list;
    return 0;
}

static int tensor_getitem(interp *I, py_val t, py_val key, py_val *out);

/* basic indexing of a parameter that requires grad gives a view of it (param_view: autograd
 * refuses in-place writes into it); a tensor or list index copies */
int py_tensor_getitem(interp *I, py_val t, py_val key, py_val *out) {
    if (tensor_getitem(I, t, key, out)) return -1;
    int basic = key.t != PV_TENSOR && key.t != PV_LIST;
    for (int32_t k = 0; key.t == PV_TUPLE && k < pv_as_seq(key)->n; k++)
        basic &= pv_as_seq(key)->v[k].t != PV_TENSOR && pv_as_seq(key)->v[k].t != PV_LIST;
    if (basic && out->t == PV_TENSOR && out->u.p != t.u.p && py_tensor_requires_grad_leaf(I, pv_as_tensor(t)))
        pv_as_tensor(*out)->param_view = 1;
    return 0;
}

static int tensor_getitem(interp *I, py_val t, py_val key, py_val *out) {
    const py_tensor *x = pv_as_tensor(t);
    py_val *items = &key;
    int32_t n = 1;
    if (key.t == PV_TUPLE) { items = pv_as_seq(key)->v; n = pv_as_seq(key)->n; }
    /* x['out'] on a tensor (code that expects a dict): a short str is a sequence of one-character
     * indices to PyTorch's indexing, so more characters than dims are "too many indices"; else
     * each str reaches tensor creation */
    if (!x->is_numpy && key.t == PV_STR && pv_as_str(key)->len > 0) {   /* 32 characters and more: one index */
        if (pv_as_str(key)->len < 32 && pv_as_str(key)->len > x->shape.ndim)
            return torch_raise_shape(I, "IndexError", "too many indices for tensor of dimension %d", (int)x->shape.ndim);
        return py_raise(I, "TypeError", "new(): invalid data type 'str'");
    }
    if (!x->is_numpy && (key.t == PV_TUPLE || key.t == PV_LIST) && pv_as_seq(key)->n <= x->shape.ndim)
        for (int32_t k = 0; k < pv_as_seq(key)->n; k++)
            if (pv_as_seq(key)->v[k].t == PV_STR && pv_as_str(pv_as_seq(key)->v[k])->len > 0)
                return py_raise(I, "TypeError", "new(): invalid data type 'str'");
    for (int32_t k = 0; k < n; k++) {
        py_val as_list;
        const int r = known_index_array(I, items[k], &as_list);
        if (r < 0) return -1;
        if (r > 0) continue;
        if (key.t != PV_TUPLE) return py_tensor_getitem(I, t, as_list, out);
        py_val copy = pv_seq(I, PV_TUPLE, n);
        if (copy.t == PV_UNBOUND) return py_nomem(I);
        memcpy(pv_as_seq(copy)->v, items, (size_t)n * sizeof *items);
        pv_as_seq(copy)->v[k] = as_list;
        return py_tensor_getitem(I, t, copy, out);
    }
    for (int32_t k = 0; x->is_numpy && k < n; k++)   /* numpy's advanced indexing by ranges */
        if (items[k].t == PV_RANGE || items[k].t == PV_LIST) return py_numpy_index(I, x, key, out);
    int32_t consuming = 0, ellipses = 0, lists = 0, first_adv = -1, last_adv = -1;
    for (int32_t k = 0; k < n; k++) {
        if (items[k].t == PV_ELLIPSIS) ellipses++;
        else if (items[k].t != PV_NONE) consuming++;
        if (items[k].t == PV_LIST || (items[k].t == PV_TUPLE && key.t == PV_TUPLE)) lists++;
        if (items[k].t == PV_LIST || items[k].t == PV_TUPLE || pv_is_int(items[k])) {
            if (first_adv < 0) first_adv = k;
            last_adv = k;
        }
    }
    if (lists > 1) return py_unsupported(I, "cnnc cannot follow indexing a tensor with %d lists", (int)lists);
    for (int32_t k = first_adv; lists && k <= last_adv; k++)
        if (!(items[k].t == PV_LIST || items[k].t == PV_TUPLE || pv_is_int(items[k])))
            return py_unsupported(I, "cnnc cannot follow indexing with a list and an int apart (advanced indexing moves the dim)");
    if (ellipses > 1) return py_unsupported(I, "cnnc cannot follow an index with %d ellipses", (int)ellipses);
    if (consuming > x->shape.ndim)
        return torch_raise_shape(I, "IndexError", "too many indices for tensor of dimension %d", x->shape.ndim);
    const cnnc_layer_def *narrow = kind_named("narrow");
    int32_t n_tensor_items = 0;   /* tensors among the items (advanced indices that combine) */
    for (int32_t k = 0; k < n; k++) n_tensor_items += items[k].t == PV_TENSOR;
    py_val cur = t;
    int32_t dim = 0;   /* the position in cur that the next item indexes */
    for (int32_t k = 0; k < n; k++) {
        py_val it = items[k];
        if (it.t == PV_ELLIPSIS) {
            dim += x->shape.ndim - consuming;
            continue;
        }
        if (it.t == PV_NONE) {
            if (insert_dim(I, cur, dim, &cur)) return -1;
            dim++;
            continue;
        }
        if (it.t == PV_SLICE) {
            const py_slice *s = (const py_slice *)it.u.p;
            if (s->lo.t == PV_NONE && s->hi.t == PV_NONE && s->step.t == PV_NONE) { dim++; continue; }
            if (s->step.t != PV_NONE && !(pv_is_int(s->step) && s->step.u.i == 1)) {
                /* x[:, ::2]: torch.slice_copy with the step */
                if (!pv_is_int(s->step) || (s->lo.t != PV_NONE && !pv_is_int(s->lo)) || (s->hi.t != PV_NONE && !pv_is_int(s->hi)))
                    return py_raise(I, "TypeError", "slice indices must be integers or None or have an __index__ method");
                if (s->step.u.i == 0) return py_raise(I, "ValueError", "slice step cannot be zero");
                if (s->step.u.i < 0) return py_raise(I, "ValueError", "step must be greater than zero");
                const cnnc_layer_def *sl = kind_named("slice");
                if (!sl || !sl->functional) return py_unsupported(I, "cnnc cannot follow a strided slice of a tensor");
                py_val args[5] = {cur, pv_int(dim), s->lo, s->hi, s->step};
                args[2].prov = args[3].prov = args[4].prov = PROV_NONE;
                if (torch_call_functional(I, sl, "", args, 5, NULL, NULL, 0, &cur)) return -1;
                dim++;
                continue;
            }
            if (!narrow || !narrow->functional) return py_unsupported(I, "cnnc cannot follow slicing a tensor");
            int64_t len = pv_as_tensor(cur)->shape.d[dim], lo = 0, hi = len;
            if (s->lo.t != PV_NONE) { if (!pv_is_int(s->lo)) return py_raise(I, "TypeError", "slice indices must be integers or None or have an __index__ method"); lo = s->lo.u.i < 0 ? s->lo.u.i + len : s->lo.u.i; }
            if (s->hi.t != PV_NONE) { if (!pv_is_int(s->hi)) return py_raise(I, "TypeError", "slice indices must be integers or None or have an __index__ method"); hi = s->hi.u.i < 0 ? s->hi.u.i + len : s->hi.u.i; }
            if (lo < 0) lo = 0;
            if (lo > len) lo = len;
            if (hi < 0) hi = 0;
            if (hi > len) hi = len;
            if (hi < lo) hi = lo;
            py_val args[4] = {cur, pv_int(dim), pv_int(lo), pv_int(hi - lo)};
            if (torch_call_functional(I, narrow, "", args, 4, NULL, NULL, 0, &cur)) return -1;
            dim++;
            continue;
        }
        if (it.t == PV_LIST || (it.t == PV_TUPLE && key.t == PV_TUPLE)) {
            if (index_with_list(I, cur, dim, pv_as_seq(it), &cur)) return -1;
            dim++;
            continue;
        }
        if (it.t == PV_TENSOR && pv_as_tensor(it)->shape.ndim == 0 && pv_as_tensor(it)->is_indices &&
            pv_as_tensor(it)->index_bound > 0 && pv_as_tensor(cur)->node == TENSOR_CONST) {
            /* one of randperm's indices into a constant: its value is unknown, but below its
             * bound; where that fits the dim, the result's shape is an int index's */
            if (pv_as_tensor(it)->index_bound > pv_as_tensor(cur)->shape.d[dim])
                return py_unsupported(I, "cnnc cannot follow an index tensor whose values may pass the dim's size %lld",
                                      (long long)pv_as_tensor(cur)->shape.d[dim]);
            it = pv_int(0);
        }
        if (it.t == PV_TENSOR && pv_as_tensor(it)->node != TENSOR_CONST && !pv_as_tensor(it)->is_indices &&
            !pv_as_tensor(it)->is_mask)   /* a float tensor of the graph (the model's input) as an index */
            return torch_raise_shape(I, "IndexError", "tensors used as indices must be long, byte or bool tensors");
        double lo, hi;
        int bounded = 0;   /* it: int values known to lie in [lo, hi] */
        if (it.t == PV_TENSOR && pv_as_tensor(it)->node == TENSOR_CONST && pv_as_tensor(cur)->node == TENSOR_CONST &&
            lists == 0 && !pv_as_tensor(it)->is_mask) {
            const py_tensor *ix = pv_as_tensor(it);
            if (py_known_bounds(ix, &lo, &hi) && ix->known->is_int) {
                bounded = 1;
            } else if (ix->is_indices && ix->index_bound > 0) {   /* randint's, argmax's: in [0, bound) */
                lo = 0;
                hi = (double)(ix->index_bound - 1);
                bounded = 1;
            }
        }
        if (bounded) {
            /* a constant indexed by int values whose bounds fit the dim (Swin's relative position
             * bias table by its index, a diffusion schedule by random steps): every index is
             * valid, so the shape is certain; values unknown */
            const py_tensor *c = pv_as_tensor(cur), *ix = pv_as_tensor(it);
            const int64_t len = c->shape.d[dim];
            if (lo < (double)-len || hi >= (double)len)
                return py_unsupported(I, "cnnc cannot follow an index tensor whose values may pass the dim's size %lld", (long long)len);
            if (c->shape.ndim - 1 + ix->shape.ndim > CNNC_MAX_DIMS)
                return py_unsupported(I, "cnnc cannot follow a %d-dimensional index result", (int)(c->shape.ndim - 1 + ix->shape.ndim));
            cnnc_shape rs;
            memset(&rs, 0, sizeof rs);
            for (int32_t j = 0; j < dim; j++) rs.d[rs.ndim++] = c->shape.d[j];
            for (int32_t j = 0; j < ix->shape.ndim; j++) rs.d[rs.ndim++] = ix->shape.d[j];
            for (int32_t j = dim + 1; j < c->shape.ndim; j++) rs.d[rs.ndim++] = c->shape.d[j];
            py_val picked = pv_tensor(I, &rs, TENSOR_CONST);
            if (picked.t == PV_UNBOUND) return py_nomem(I);
            py_tensor_same_elements(pv_as_tensor(picked), c);
            pv_as_tensor(picked)->is_numpy = c->is_numpy;
            cur = picked;
            dim += ix->shape.ndim;
            continue;
        }
        if (it.t == PV_TENSOR && pv_as_tensor(it)->node == TENSOR_CONST && pv_as_tensor(it)->shape.ndim == 1 && lists == 0 &&
            n_tensor_items == 1 && !pv_as_tensor(it)->is_mask && py_known_bounds(pv_as_tensor(it), &lo, &hi) &&
            pv_as_tensor(it)->known->is_int && pv_as_tensor(it)->shape.d[0] <= 1024 &&
            lo >= (double)-pv_as_tensor(cur)->shape.d[dim] && hi < (double)pv_as_tensor(cur)->shape.d[dim]) {
            /* a tensor of the graph by a vector of known ints inside the dim: as that list of ints */
            const py_tensor *ix = pv_as_tensor(it);
            py_val list = pv_seq(I, PV_LIST, (int32_t)ix->shape.d[0]);
            if (list.t == PV_UNBOUND) return py_nomem(I);
            for (int64_t j = 0; j < ix->shape.d[0]; j++) pv_as_seq(list)->v[j] = pv_int((int64_t)py_known_at(ix->known, j));
            if (index_with_list(I, cur, dim, pv_as_seq(list), &cur)) return -1;
            dim++;
            continue;
        }
        if (!pv_is_int(it) || it.t == PV_BOOL) return py_unsupported(I, "cnnc cannot follow indexing a tensor with a %s", py_type_name(&it));
        int64_t len = pv_as_tensor(cur)->shape.d[dim], i = it.u.i;
        /* numpy names the array's axis; torch (applySelect's real_dim) the item's position in the index,
         * Nones and the ellipsis counted: x[..., 0] of a [N, C, T] with T == 0 is out of bounds "for dimension 1" */
        if (it.big || i < -len || i >= len)
            return torch_raise_shape(I, "IndexError", "index %lld is out of bounds for %s %d with size %lld", (long long)i,
                                     pv_as_tensor(cur)->is_numpy ? "axis" : "dimension",
                                     pv_as_tensor(cur)->is_numpy ? (int)dim : (int)k, (long long)len);
        if (i < 0) i += len;
        if (!narrow || !narrow->functional) return py_unsupported(I, "cnnc cannot follow indexing a tensor");
        py_val args[4] = {cur, pv_int(dim), pv_int(i), pv_int(1)};
        if (torch_call_functional(I, narrow, "", args, 4, NULL, NULL, 0, &cur)) return -1;
        /* drop the indexed dim */
        const py_tensor *c = pv_as_tensor(cur);
        py_val sizes[CNNC_MAX_DIMS];
        int32_t m = 0;
        for (int32_t j = 0; j < c->shape.ndim; j++)
            if (j != dim) sizes[m++] = size_int(c, j);
        if (make_view(I, cur, sizes, m, "select", &cur)) return -1;
    }
    const py_known *kn = py_tensor_known(x);
    if (kn && cur.t == PV_TENSOR && pv_as_tensor(cur) != x && pv_as_tensor(cur)->node == TENSOR_CONST) {
        py_tensor *r = pv_as_tensor(cur);
        if (x->shape.ndim == 1 && pv_is_int(key) && key.t != PV_BOOL && r->shape.ndim == 0) {
            /* t[i] of a vector whose values are known: item() reads it (drop-path rates) */
            const int64_t i = key.u.i < 0 ? key.u.i + x->shape.d[0] : key.u.i;
            r->value_kind = kn->is_int ? PV_INT : PV_FLOAT;
            r->value = py_known_at(kn, i);
            if (x->is_numpy) {   /* an array's element is a numpy scalar (np.int64, np.float64) */
                *out = kn->is_int ? pv_int((int64_t)r->value) : pv_float(r->value);
                out->pad = kn->is_int ? PV_NP_INT64 : PV_NP_FLOAT64;
                return 0;
            }
        } else if (kn->kind == KNOWN_FILL && !py_tensor_known(r)) {   /* any part of a fill is that fill */
            if (py_tensor_copy_known(I, r, kn)) return -1;
        }
    }
    if (x->is_indices && cur.t == PV_TENSOR && pv_as_tensor(cur) != x) {   /* a part of indices: indices, with their bound */
        pv_as_tensor(cur)->is_indices = 1;
        pv_as_tensor(cur)->index_bound = x->index_bound;
        /* the largest value is still there where every value is (x[None, :]) */
        pv_as_tensor(cur)->index_bound_met =
            x->index_bound_met && cnnc_shape_numel(&pv_as_tensor(cur)->shape) == cnnc_shape_numel(&x->shape);
    }
    *out = cur;
    return 0;
}

/* x[..., mask] = number (salt-and-pepper noise, masked fills): index_put's checks on the
 * mask's dims against the dims it covers; the shape stays, the values become the
 * assignment's (a trace through a tensor of the graph is check only). Keys of `...`,
 * `:` and ints around one mask are followed; 1: not such an assignment. */
static int setitem_mask(interp *I, py_val t, py_val key, py_val v) {
    if (!pv_is_num(v)) return 1;
    const py_val *items = &key;
    int32_t n = 1;
    if (key.t == PV_TUPLE) { items = pv_as_seq(key)->v; n = pv_as_seq(key)->n; }
    int32_t mask_at = -1, ellipsis_at = -1;
    for (int32_t k = 0; k < n; k++) {
        const py_val it = items[k];
        if (it.t == PV_TENSOR && pv_as_tensor(it)->is_mask) {
            if (mask_at >= 0) return 1;
            mask_at = k;
        } else if (it.t == PV_ELLIPSIS) {
            if (ellipsis_at >= 0) return 1;
            ellipsis_at = k;
        } else if (it.t == PV_SLICE) {
            const py_slice *sl = (const py_slice *)it.u.p;
            if (sl->lo.t != PV_NONE || sl->hi.t != PV_NONE || sl->step.t != PV_NONE) return 1;
        } else if (!pv_is_int(it) || it.big) {
            return 1;
        }
    }
    if (mask_at < 0) return 1;
    py_tensor *x = pv_as_tensor(t);
    const cnnc_shape *m = &pv_as_tensor(items[mask_at])->shape;
    const int32_t ndim = x->shape.ndim, consumed = n - 1 - (ellipsis_at >= 0) + m->ndim;
    if (consumed > ndim) return torch_raise_shape(I, "IndexError", "too many indices for tensor of dimension %d", (int)ndim);
    for (int32_t k = 0, dim = 0; k < n; k++) {   /* an int out of range is the indexing's own error: not followed here */
        if (pv_is_int(items[k])) {
            if (ellipsis_at >= 0 && k > ellipsis_at) return 1;
            if (!(items[k].u.i >= -x->shape.d[dim] && items[k].u.i < x->shape.d[dim])) return 1;
        }
        dim += k == mask_at ? m->ndim : 1;
    }
    /* the first dim the mask covers: its position, or counted from the end after a `...` */
    const int32_t at = ellipsis_at >= 0 && ellipsis_at < mask_at ? ndim - (n - 1 - mask_at) - m->ndim : mask_at;
    for (int32_t k = 0; k < m->ndim; k++)
        if (m->d[k] != x->shape.d[at + k]) {
            char ms[24 * CNNC_MAX_DIMS], xs[24 * CNNC_MAX_DIMS];
            cnnc_shape_format(m, ms, sizeof ms);
            cnnc_shape_format(&x->shape, xs, sizeof xs);
            return torch_raise_shape(I, "IndexError",
                                     "The shape of the mask %s at index %d does not match the shape of the indexed tensor %s at "
                                     "index %d", ms, (int)k, xs, (int)(at + k));
        }
    if (py_tensor_check_in_place(I, x, 1)) return -1;   /* index_put_ on the parameter (or its view) */
    x->value_kind = 0;
    if (x->node != TENSOR_CONST && I->tracing) MARK_CONST_OPERAND(I);   /* its values are now partly the mask's */
    return 0;
}

/* x[key] = value: PyTorch's checks in its order (the value's type, the index, the
 * leaf that requires grad, copy_'s expand of the value without its leading 1s). The
 * shapes do not change. A constant (a buffer, a mask made in __init__) stays one; a
 * tensor of the graph gets a node that the engines refuse, since its values are then
 * partly the assignment's, which the trace does not follow. */
/* x[key] = v where x's values are known ints and so are v's (a number, or a constant
 * broadcast to the region): x's new values (Swin's relative_coords[:, :, 0] += W - 1).
 * Keys of ints, int slices and one `...`; 1 written, 0 not such an assignment, -1 raised. */
static int setitem_known_values(interp *I, py_tensor *x, py_val key, py_val v) {
    const py_known *xk = py_tensor_known(x);
    if (!xk || !xk->is_int || x->node != TENSOR_CONST || x->shape.ndim == 0) return 0;
    const double *xv = py_known_values(I, x);
    if (!xv) return 0;
    const double *vv = NULL;
    double number = 0.0;
    cnnc_shape vs = {.ndim = 0};
    if (pv_is_int(v) && !v.big) number = (double)v.u.i;
    else if (v.t == PV_TENSOR && v.u.p != (void *)x && py_tensor_known(pv_as_tensor(v)) && py_tensor_known(pv_as_tensor(v))->is_int &&
             (vv = py_known_values(I, pv_as_tensor(v))) != NULL)
        vs = pv_as_tensor(v)->shape;
    else
        return 0;
    const py_val *items = &key;
    int32_t n = 1;
    if (key.t == PV_TUPLE) { items = pv_as_seq(key)->v; n = pv_as_seq(key)->n; }
    int32_t consuming = 0, ellipsis = -1;
    for (int32_t k = 0; k < n; k++) {
        if (items[k].t == PV_ELLIPSIS) { if (ellipsis >= 0) return 0; ellipsis = k; continue; }
        if (!(pv_is_int(items[k]) && items[k].t != PV_BOOL) && items[k].t != PV_SLICE) return 0;
        consuming++;
    }
    if (consuming > x->shape.ndim) return 0;
    int64_t start[CNNC_MAX_DIMS], step[CNNC_MAX_DIMS], count[CNNC_MAX_DIMS];
    int keep[CNNC_MAX_DIMS];
    int32_t d = 0;
    for (int32_t k = 0; k <= n && d < x->shape.ndim; k++) {
        if (k == n || items[k].t == PV_ELLIPSIS) {   /* the dims nothing names: whole */
            const int32_t upto = k == n ? x->shape.ndim : d + (x->shape.ndim - consuming);
            for (; d < upto; d++) { start[d] = 0; step[d] = 1; count[d] = x->shape.d[d]; keep[d] = 1; }
            if (k == n) break;
            continue;
        }
        const int64_t len = x->shape.d[d];
        if (items[k].t != PV_SLICE) {
            int64_t i = items[k].u.i;
            if (items[k].big || i < -len || i >= len) return 0;   /* the getitem before raised PyTorch's error */
            start[d] = i < 0 ? i + len : i; step[d] = 1; count[d] = 1; keep[d] = 0;
        } else {
            const py_slice *sl = (const py_slice *)items[k].u.p;
            if ((sl->lo.t != PV_NONE && !pv_is_int(sl->lo)) || (sl->hi.t != PV_NONE && !pv_is_int(sl->hi)) ||
                (sl->step.t != PV_NONE && (!pv_is_int(sl->step) || sl->step.u.i <= 0)))
                return 0;
            int64_t lo = sl->lo.t == PV_NONE ? 0 : sl->lo.u.i, hi = sl->hi.t == PV_NONE ? len : sl->hi.u.i;
            const int64_t st = sl->step.t == PV_NONE ? 1 : sl->step.u.i;
            if (lo < 0) lo = lo + len < 0 ? 0 : lo + len;
            if (hi < 0) hi = hi + len < 0 ? 0 : hi + len;
            if (lo > len) lo = len;
            if (hi > len) hi = len;
            start[d] = lo; step[d] = st; count[d] = hi > lo ? (hi - lo + st - 1) / st : 0; keep[d] = 1;
        }
        d++;
    }
    /* the value broadcast to the region's kept dims (its leading 1s dropped, as copy_ does) */
    int64_t rshape[CNNC_MAX_DIMS];
    int32_t rn = 0;
    for (int32_t j = 0; j < x->shape.ndim; j++)
        if (keep[j]) rshape[rn++] = count[j];
    int32_t lead = 0;
    while (lead < vs.ndim && vs.d[lead] == 1) lead++;
    if (vs.ndim - lead > rn) return 0;
    int64_t vstride[CNNC_MAX_DIMS];   /* per region dim: the value's stride (0 where broadcast) */
    for (int32_t j = rn - 1, vd = vs.ndim - 1, acc = 1; j >= 0; j--) {
        if (vd >= lead) {
            if (vs.d[vd] != rshape[j] && vs.d[vd] != 1) return 0;
            vstride[j] = vs.d[vd] == 1 ? 0 : acc;
            acc *= (int32_t)vs.d[vd];
            vd--;
        } else {
            vstride[j] = 0;
        }
    }
    const int64_t total = cnnc_shape_numel(&x->shape);
    double *nv = (double *)py_alloc(I->arena, (size_t)(total > 0 ? total : 1) * sizeof *nv);
    if (!nv) return py_nomem(I);
    memcpy(nv, xv, (size_t)total * sizeof *nv);
    int64_t region = 1;
    for (int32_t j = 0; j < x->shape.ndim; j++) region *= count[j];
    for (int64_t r = 0; r < region; r++) {
        int64_t rem = r, off = 0, scale = 1, voff = 0;
        int32_t rj = rn - 1;
        for (int32_t j = x->shape.ndim - 1; j >= 0; j--) {
            const int64_t c = rem % count[j];
            rem /= count[j];
            off += (start[j] + c * step[j]) * scale;
            scale *= x->shape.d[j];
            if (keep[j]) voff += c * vstride[rj--];
        }
        nv[off] = vv ? vv[voff] : number;
    }
    py_tensor_forget_values(x);
    if (py_tensor_set_values(I, x, nv, total, 1)) return -1;
    return 1;
}

int py_tensor_setitem(interp *I, py_val t, py_val key, py_val v) {
    if (v.t != PV_TENSOR && !pv_is_num(v))
        return py_raise(I, "TypeError", "can't assign a %s to a torch.FloatTensor", py_type_name(&v));
    const int masked = setitem_mask(I, t, key, v);
    if (masked <= 0) return masked;
    py_tensor *x = pv_as_tensor(t);
    py_val view;
    const int tracing = I->tracing;
    I->tracing = 0;   /* the view is only the target's shape: no nodes for it */
    int r = py_tensor_getitem(I, t, key, &view);
    I->tracing = tracing;
    if (r) return -1;
    /* w[0] = v copies into a view of w; w[...] and w[idx_tensor] write w itself */
    int whole = key.t == PV_ELLIPSIS || key.t == PV_TENSOR;
    for (int32_t k = 0; key.t == PV_TUPLE && k < pv_as_seq(key)->n; k++) whole |= pv_as_seq(key)->v[k].t == PV_TENSOR;
    if (py_tensor_check_in_place(I, x, whole)) return -1;
    if (v.t == PV_TENSOR) {
        const cnnc_shape *target = &pv_as_tensor(view)->shape;
        cnnc_shape val = pv_as_tensor(v)->shape;
        int32_t lead = 0;   /* copy_to drops the value's leading 1s first (slicePrefix1sSize) */
        while (lead < val.ndim && val.d[lead] == 1) lead++;
        memmove(val.d, val.d + lead, (size_t)(val.ndim - lead) * sizeof val.d[0]);
        val.ndim -= lead;
        cnnc_layer_shape ls;
        cnnc_error e;
        memset(&ls, 0, sizeof ls);
        cnnc_error_clear(&e);
        if (cnnc_expand_to(&val, target->d, target->ndim, &ls, &e)) {
            if (x->is_numpy) {   /* numpy's words, its shapes as tuples */
                char vs[24 * CNNC_MAX_DIMS], ts[24 * CNNC_MAX_DIMS];
                numpy_shape_text(pv_as_tensor(v)->shape.d, pv_as_tensor(v)->shape.ndim, vs, sizeof vs);
                numpy_shape_text(target->d, target->ndim, ts, sizeof ts);
                return py_raise(I, "ValueError", "could not broadcast input array from shape %s into shape %s", vs, ts);
            }
            py_raise_shape(I, &e);
            return -1;
        }
    }
    if (v.t == PV_TENSOR && pv_as_tensor(v)->is_complex && !x->is_complex)
        return py_unsupported(I, "cnnc cannot follow assigning a complex tensor into a real one (PyTorch's cast error is not modelled)");
    /* known values are written one by one where they can be, else forgotten */
    const int exact = setitem_known_values(I, x, key, v);
    if (exact < 0) return -1;
    if (!exact) py_tensor_forget_values(x);
    const int x_graph = x->node != TENSOR_CONST, v_graph = v.t == PV_TENSOR && pv_as_tensor(v)->node != TENSOR_CONST;
    if (!I->tracing || (!x_graph && !v_graph)) return 0;
    py_val ins[2] = {t, v}, written;
    if (py_trace_op(I, CNNC_SETITEM, NULL, ins, v_graph ? 2 : 1, NULL, "__setitem__", &written)) return -1;
    const int is_param = x->is_param;
    *x = *pv_as_tensor(written);   /* every name bound to x sees the written tensor */
    x->is_param = is_param;
    return 0;
}

/* ------------------------------------------------------ chunk, split */

/* split(x, [s0, s1, ...], dim): split_with_sizes's checks in its order, one narrow per piece. */
static int split_with_sizes(interp *I, py_val self, const py_seq *sizes, int32_t d, py_val *out) {
    const py_tensor *x = pv_as_tensor(self);
    const cnnc_layer_def *narrow = kind_named("narrow");
    char list[256] = "[";
    size_t len = 1;
    int64_t total = 0;
    int negative = 0;
    for (int32_t k = 0; k < sizes->n; k++) {
        if (!pv_is_int(sizes->v[k]) || sizes->v[k].big)
            return py_unsupported(I, "cnnc cannot follow split with a size of type %s", py_type_name(&sizes->v[k]));
        if (sizes->v[k].u.i < 0) negative = 1;
        total += sizes->v[k].u.i;
        if (len < sizeof list - 32) len += (size_t)snprintf(list + len, sizeof list - len, "%s%lld", k ? ", " : "", (long long)sizes->v[k].u.i);
    }
    if (len >= sizeof list - 32) return py_unsupported(I, "cnnc cannot follow split into %d pieces", (int)sizes->n);
    snprintf(list + len, sizeof list - len, "]");
    if (negative)
        return torch_raise_shape(I, "RuntimeError", "split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=%s", list);
    if (total != x->shape.d[d])
        return torch_raise_shape(I, "RuntimeError",
                        "split_with_sizes expects split_sizes to sum exactly to %lld (input tensor's size at dimension %d), but got "
                        "split_sizes=%s",
                        (long long)x->shape.d[d], (int)d, list);
    if (!narrow || !narrow->functional) return py_unsupported(I, "cnnc cannot follow split of a tensor");
    py_val r = pv_seq(I, PV_TUPLE, 0);
    if (r.t == PV_UNBOUND) return py_nomem(I);
    int64_t lo = 0;
    for (int32_t k = 0; k < sizes->n; k++) {
        py_val args[4] = {self, pv_int(d), pv_int(lo), pv_int(sizes->v[k].u.i)}, part;
        if (torch_call_functional(I, narrow, "", args, 4, NULL, NULL, 0, &part) || py_seq_push(I, r, part)) return -1;
        lo += sizes->v[k].u.i;
    }
    *out = r;
    return 0;
}

int tensor_chunk(ARGS) {
    UNUSED;
    const py_tensor *x = pv_as_tensor(self);
    const cnnc_layer_def *narrow = kind_named("narrow");
    int is_split = !strcmp(I->callee->name, "split");
    py_val size_arg = n > 0 ? a[0] : pv_unbound();
    py_val dim_arg = n > 1 ? a[1] : pv_int(0);
    if (n > 2) return py_unsupported(I, "cnnc cannot follow this call of %s()", I->callee->name);
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        /* chunk is C++'s and takes NumPy's axis for dim; split is Python's and does not */
        if (!strcmp(nm, "dim") || (!is_split && !strcmp(nm, "axis"))) dim_arg = kwv[k];
        /* split(tensor, split_size_or_sections, dim) and Tensor.split(split_size, dim); chunk(chunks, dim) */
        else if (is_split ? !strcmp(nm, "split_size_or_sections") || !strcmp(nm, "split_size") : !strcmp(nm, "chunks"))
            size_arg = kwv[k];
        else return py_unsupported(I, "cnnc cannot follow %s() with %s=", I->callee->name, nm);
    }
    if (dim_arg.t != PV_INT || dim_arg.big) return py_unsupported(I, "cnnc cannot follow %s() with a %s dim", I->callee->name, py_type_name(&dim_arg));
    const int64_t dim_v = dim_arg.u.i;
    if (size_arg.t == PV_UNBOUND)
        return py_raise(I, "TypeError", "%s() missing 1 required positional arguments: \"%s\"", I->callee->name, is_split ? "split_size" : "chunks");
    a = &size_arg;
    int32_t d = 0;
    if (torch_wrap_dim(I, dim_v, x->shape.ndim, &d)) return -1;
    int64_t len = x->shape.d[d], piece;
    if (is_split && (a[0].t == PV_LIST || a[0].t == PV_TUPLE)) return split_with_sizes(I, self, pv_as_seq(a[0]), d, out);
    if (!pv_is_int(a[0])) return py_unsupported(I, "cnnc cannot follow %s with a %s for its size", I->callee->name, py_type_name(&a[0]));
    if (is_split) piece = a[0].u.i;
    else {
        if (a[0].u.i <= 0) return py_raise(I, "RuntimeError", "chunk expects `chunks` to be greater than 0, got: %lld", (long long)a[0].u.i);
        piece = (len + a[0].u.i - 1) / a[0].u.i;
    }
    if (piece <= 0) return py_raise(I, "RuntimeError", "split expects split_size be non-negative, but got split_size=%lld", (long long)piece);
    if (!narrow || !narrow->functional) return py_unsupported(I, "cnnc cannot follow %s of a tensor", I->callee->name);
    py_val r = pv_seq(I, PV_TUPLE, 0);
    if (r.t == PV_UNBOUND) return py_nomem(I);
    for (int64_t lo = 0; lo < len || (len == 0 && lo == 0); lo += piece) {
        int64_t l = len - lo < piece ? len - lo : piece;
        py_val args[4] = {self, pv_int(d), pv_int(lo), pv_int(l)}, part;
        if (torch_call_functional(I, narrow, "", args, 4, NULL, NULL, 0, &part) || py_seq_push(I, r, part)) return -1;
        if (len == 0) break;
    }
    *out = r;
    return 0;
}


/* ------------------------------------------- stack, argmax, new_*, aliases */

/* torch.stack(tensors, dim=0): stack's checks in its order, then each tensor
 * unsqueezed at dim and the pieces concatenated (what stack computes). */
int torch_stack(ARGS) {
    (void)self;
    py_val seq = n > 0 ? a[0] : pv_unbound(), dimv = n > 1 ? a[1] : pv_unbound();
    if (n > 2) return py_unsupported(I, "cnnc cannot follow how PyTorch words stack() with %d arguments", (int)n);
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "tensors") && seq.t == PV_UNBOUND) seq = kwv[k];
        else if (!strcmp(nm, "dim") && dimv.t == PV_UNBOUND) dimv = kwv[k];
        else if (!(strcmp(nm, "out") == 0 && kwv[k].t == PV_NONE))
            return py_unsupported(I, "cnnc cannot follow how PyTorch words stack()'s argument %s", nm);
    }
    if (seq.t == PV_UNBOUND) return py_unsupported(I, "cnnc cannot follow how PyTorch words stack() without its tensors");
    if (seq.t != PV_LIST && seq.t != PV_TUPLE)
        return py_raise(I, "TypeError", "stack(): argument 'tensors' (position 1) must be tuple of Tensors, not %s",
                        seq.t == PV_TENSOR ? "Tensor" : py_type_name(&seq));
    const py_seq *q = pv_as_seq(seq);
    for (int32_t k = 0; k < q->n; k++)
        if (q->v[k].t != PV_TENSOR)
            return py_raise(I, "TypeError", "expected Tensor as element %d in argument 0, but got %s", (int)k, py_type_name(&q->v[k]));
    if (dimv.t != PV_UNBOUND && !(dimv.t == PV_INT && !dimv.big))
        return py_unsupported(I, "cnnc cannot follow stack() with a dim of type %s", py_type_name(&dimv));
    if (q->n == 0) return torch_raise_shape(I, "RuntimeError", "stack expects a non-empty TensorList");
    const py_tensor *t0 = pv_as_tensor(q->v[0]);
    if (t0->shape.ndim + 1 > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc tensors have at most %d dims", CNNC_MAX_DIMS);
    int32_t d = 0;
    if (torch_wrap_dim(I, dimv.t == PV_INT ? dimv.u.i : 0, t0->shape.ndim + 1, &d)) return -1;
    for (int32_t k = 1; k < q->n; k++) {
        const py_tensor *tk = pv_as_tensor(q->v[k]);
        if (tk->shape.ndim != t0->shape.ndim ||
            memcmp(tk->shape.d, t0->shape.d, (size_t)t0->shape.ndim * sizeof t0->shape.d[0]) != 0) {
            char s0[24 * CNNC_MAX_DIMS], sk[24 * CNNC_MAX_DIMS];
            cnnc_shape_format(&t0->shape, s0, sizeof s0);
            cnnc_shape_format(&tk->shape, sk, sizeof sk);
            return torch_raise_shape(I, "RuntimeError", "stack expects each tensor to be equal size, but got %s at entry 0 and %s at entry %d",
                               s0, sk, (int)k);
        }
    }
    py_val parts = pv_seq(I, PV_LIST, q->n);
    if (parts.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < q->n; k++)
        if (insert_dim(I, q->v[k], d, &pv_as_seq(parts)->v[k])) return -1;
    const cnnc_layer_def *cat = torch_functional_def("cat", CNNC_FN_TORCH);
    if (!cat) return py_unsupported(I, "cnnc cannot follow torch.stack (no cat in the registry)");
    py_val args[2] = {parts, pv_int(d)};
    return torch_call_functional(I, cat, "", args, 2, NULL, NULL, 0, out);
}

/* argmax/argmin(input, dim=None, keepdim=False): the indices, an int64 shape (not a node). */
int torch_argextremum(ARGS) {
    const char *fn = I->callee->name;
    const int is_method = self.t == PV_TENSOR;
    py_val input = is_method ? self : n > 0 ? a[0] : pv_unbound();
    const py_val *pos = is_method ? a : a + 1;
    int32_t npos = is_method ? n : n - 1;
    py_val dimv = npos > 0 ? pos[0] : pv_unbound(), keep = npos > 1 ? pos[1] : pv_unbound();
    int dim_named = 0, keep_named = 0;
    if (npos > 2) return py_unsupported(I, "cnnc cannot follow how PyTorch words %s() with %d arguments", fn, (int)n);
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        /* axis and keepdims: the binder's numpy spellings of dim and keepdim */
        if ((!strcmp(nm, "dim") || !strcmp(nm, "axis")) && dimv.t == PV_UNBOUND) { dimv = kwv[k]; dim_named = 1; }
        else if ((!strcmp(nm, "keepdim") || !strcmp(nm, "keepdims")) && keep.t == PV_UNBOUND) { keep = kwv[k]; keep_named = 1; }
        else if (!strcmp(nm, "input") && !is_method && input.t == PV_UNBOUND) input = kwv[k];
        else return py_unsupported(I, "cnnc cannot follow how PyTorch words %s()'s argument %s", fn, nm);
    }
    if (input.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow %s() of a %s", fn, py_type_name(&input));
    const int dim_pos = is_method ? 1 : 2;
    if (dimv.t != PV_UNBOUND && dimv.t != PV_NONE && dimv.t != PV_INT) {
        if (dim_named) return py_raise(I, "TypeError", "%s(): argument 'dim' must be int, not %s", fn, py_type_name(&dimv));
        return py_raise(I, "TypeError", "%s(): argument 'dim' (position %d) must be int, not %s", fn, dim_pos, py_type_name(&dimv));
    }
    if (keep.t != PV_UNBOUND && keep.t != PV_BOOL) {
        if (keep_named) return py_raise(I, "TypeError", "%s(): argument 'keepdim' must be bool, not %s", fn, py_type_name(&keep));
        return py_raise(I, "TypeError", "%s(): argument 'keepdim' (position %d) must be bool, not %s", fn, dim_pos + 1,
                        py_type_name(&keep));
    }
    const py_tensor *x = pv_as_tensor(input);
    const int keepdim = keep.t == PV_BOOL && keep.u.i;
    cnnc_shape o;
    memset(&o, 0, sizeof o);
    if (dimv.t != PV_INT) {
        if (keepdim) return py_unsupported(I, "cnnc cannot follow %s() with keepdim and no dim", fn);
        if (cnnc_shape_numel(&x->shape) == 0)
            return torch_raise_shape(I, "IndexError", "%s(): Expected reduction dim to be specified for input.numel() == 0.", fn);
    } else {
        if (dimv.big) return torch_raise_shape(I, "RuntimeError", "Overflow when unpacking long");
        int32_t d = 0;
        if (torch_wrap_dim(I, dimv.u.i, x->shape.ndim, &d)) return -1;
        if (x->shape.ndim > 0 && x->shape.d[d] == 0)
            return torch_raise_shape(I, "IndexError", "%s(): Expected reduction dim %d to have non-zero size.", fn, (int)d);
        for (int32_t k = 0; k < x->shape.ndim; k++) {
            if (k != d) o.d[o.ndim++] = x->shape.d[k];
            else if (keepdim) o.d[o.ndim++] = 1;
        }
    }
    *out = pv_tensor(I, &o, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(*out)->is_indices = 1;
    /* the values lie below the reduced dim's size (the flat size with no dim) */
    pv_as_tensor(*out)->index_bound = dimv.t != PV_INT ? cnnc_shape_numel(&x->shape) : torch_dim_size(&x->shape, dimv.u.i);
    return 0;
}

/* x.type(dtype): the same shapes; x.type() is the type's name. */
static int t_type(ARGS) {
    UNUSED;
    (void)a;
    if (n == 0 && !n_kw) {
        *out = pv_cstr(I, pv_as_tensor(self)->is_indices ? "torch.LongTensor" : "torch.FloatTensor");
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    *out = self;
    if (n >= 1 && is_float_dtype(a[0])) return indices_as_float(I, self, out);
    return 0;
}

/* x.long() of a constant: int64 (indices whose values cnnc knows no bound for, unless they
 * were indices already); a known value is truncated toward zero */
static int t_long(ARGS) {
    UNUSED; (void)a; (void)n;
    const py_tensor *x = pv_as_tensor(self);
    *out = self;
    if (x->node != TENSOR_CONST)   /* the graph's tensors are float: an int64 one is not followed */
        return py_unsupported(I, "cnnc cannot follow Tensor.long on a tensor computed from the input");
    if (x->is_indices) return 0;
    if ((*out = pv_tensor_copy(I, x)).t == PV_UNBOUND) return py_nomem(I);
    py_tensor *r = pv_as_tensor(*out);
    r->is_indices = 1;   /* int64 now, values unknown (index_bound 0) unless known below */
    r->known_float = 0;
    if (x->value_kind && x->value_kind != PV_INT) {
        r->value_kind = PV_INT;
        r->value = x->value < 0 ? ceil(x->value) : floor(x->value);
    }
    const py_known *k = py_tensor_known(x);
    if (!k) return 0;
    if (k->is_int) {   /* another storage, the same values */
        if (py_tensor_copy_known(I, r, k)) return -1;
    } else {   /* another storage, the values truncated toward zero */
        const int64_t numel = cnnc_shape_numel(&x->shape);
        const double *v = numel <= PY_KNOWN_VALUES_MAX ? py_known_values(I, x) : NULL;
        double *t = v && numel > 0 ? (double *)py_alloc(I->arena, (size_t)numel * sizeof *t) : NULL;
        if (!t) return py_tensor_set_known(I, r, KNOWN_NONE, 0.0);
        for (int64_t j = 0; j < numel; j++) t[j] = trunc(v[j]);
        if (py_tensor_set_values(I, r, t, numel, 1)) return -1;
    }
    torch_indices_of_known(r);
    return 0;
}

/* x.type_as(y): y's dtype */
static int t_type_as(ARGS) {
    UNUSED;
    *out = self;
    if (n == 1 && a[0].t == PV_TENSOR && !pv_as_tensor(a[0])->is_indices) return indices_as_float(I, self, out);
    return 0;
}

/* x.new_zeros(size) and kin: a tensor of constants of that size. */
static int t_new(ARGS) {
    UNUSED;
    const py_val *dims = a;
    int32_t nd = n;
    py_val size = n == 1 ? a[0] : pv_unbound();
    for (int32_t k = 0; k < n_kw; k++) {   /* size= as the binding names it; dtype, device ... change no shape */
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "size") && n == 0) size = kwv[k];
        else if (strcmp(nm, "dtype") && strcmp(nm, "device") && strcmp(nm, "requires_grad") && strcmp(nm, "layout") &&
                 strcmp(nm, "pin_memory"))
            return py_unsupported(I, "cnnc cannot follow %s() with %s=", I->callee->name, nm);
    }
    if (n == 0 && size.t == PV_UNBOUND)
        return py_raise(I, "TypeError", "%s() missing 1 required positional arguments: \"size\"", I->callee->name);
    if (n == 0) { dims = &size; nd = 1; }
    if (nd == 1 && (size.t == PV_TUPLE || size.t == PV_LIST || size.t == PV_SIZE)) { dims = pv_as_seq(size)->v; nd = pv_as_seq(size)->n; }
    if (nd > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc cannot follow a %d-dimensional tensor", (int)nd);
    cnnc_shape sh;
    memset(&sh, 0, sizeof sh);
    sh.ndim = nd;
    for (int32_t k = 0; k < nd; k++) {
        if (!pv_is_int(dims[k]) || dims[k].big) return py_unsupported(I, "cnnc cannot follow %s() with a size of type %s", I->callee->name, py_type_name(&dims[k]));
        sh.d[k] = dims[k].u.i;
    }
    for (int32_t k = 0; k < nd; k++)
        if (sh.d[k] < 0) {
            char buf[24 * CNNC_MAX_DIMS];
            cnnc_shape_format(&sh, buf, sizeof buf);
            return torch_raise_shape(I, "RuntimeError", "Trying to create tensor with negative dimension %lld: %s", (long long)sh.d[k], buf);
        }
    *out = pv_tensor(I, &sh, TENSOR_CONST);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

/* x.t(): transpose(0, 1) of a matrix; a vector or a scalar as it is. */
static int t_transpose2d(ARGS) {
    UNUSED;
    (void)a;
    if (n) return py_raise(I, "TypeError", "t() takes no arguments (%d given)", (int)n);
    const py_tensor *x = pv_as_tensor(self);
    if (x->shape.ndim > 2)
        return torch_raise_shape(I, "RuntimeError", "t() expects a tensor with <= 2 dimensions, but self is %dD", (int)x->shape.ndim);
    if (x->shape.ndim < 2) { *out = self; return 0; }
    const cnnc_layer_def *tr = kind_named("transpose");
    if (!tr || !tr->functional) return py_unsupported(I, "cnnc cannot follow Tensor.t");
    py_val args[3] = {self, pv_int(0), pv_int(1)};
    return torch_call_functional(I, tr, "", args, 3, NULL, NULL, 0, out);
}

/* x.outer(vec2) / x.ger(vec2): ATen's self.reshape({n, 1}) * vec2 over two 1-d tensors. */
static int t_outer(ARGS) {
    UNUSED;
    py_val vec2;
    const py_sig *sig = py_sig_cached(I, "vec2", -1);
    if (!sig || py_bind_sig_as(I, sig, I->callee->name, 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, &vec2)) return -1;
    if (vec2.t != PV_TENSOR)
        return py_raise(I, "TypeError", "%s(): argument 'vec2' (position 1) must be Tensor, not %s", I->callee->name,
                        py_type_name(&vec2));
    const int32_t d1 = pv_as_tensor(self)->shape.ndim, d2 = pv_as_tensor(vec2)->shape.ndim;
    if (d1 != 1 || d2 != 1)
        return torch_raise_shape(I, "RuntimeError", "outer: Expected 1-D argument %s, but got %d-D", d1 != 1 ? "self" : "vec2",
                                 (int)(d1 != 1 ? d1 : d2));
    py_val one = pv_int(1), column;
    if (py_call_method(I, self, "unsqueeze", &one, 1, &column)) return -1;
    return py_binop(I, PY_OP_STAR, column, vec2, out);
}

/* x.T reverses every dim (PyTorch warns beyond 2-d, and still does it); x.mT swaps the
 * last two and needs two. */
static int t_reverse_dims(interp *I, py_val self, int last_two, py_val *out) {
    const py_tensor *x = pv_as_tensor(self);
    const int32_t nd = x->shape.ndim;
    if (last_two && nd < 2)
        return torch_raise_shape(I, "RuntimeError", "tensor.mT is only supported on matrices or batches of matrices. Got %d-D tensor.", (int)nd);
    if (nd < 2) { *out = self; return 0; }
    const cnnc_layer_def *def = kind_named(last_two || nd == 2 ? "transpose" : "permute");
    if (!def || !def->functional) return py_unsupported(I, "cnnc cannot follow Tensor.%s", last_two ? "mT" : "T");
    if (last_two || nd == 2) {
        py_val args[3] = {self, pv_int(nd - 2), pv_int(nd - 1)};
        return torch_call_functional(I, def, "", args, 3, NULL, NULL, 0, out);
    }
    py_val dims = pv_seq(I, PV_TUPLE, nd);
    if (dims.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < nd; k++) pv_as_seq(dims)->v[k] = pv_int(nd - 1 - k);
    py_val args[2] = {self, dims};
    return torch_call_functional(I, def, "", args, 2, NULL, NULL, 0, out);
}

/* x.new(...), the legacy constructor: sizes (ints, a torch.Size), or data (a list or tuple). */
static int t_new_legacy(ARGS) {
    if (n == 1 && (a[0].t == PV_TUPLE || a[0].t == PV_LIST)) return torch_tensor_data(I, pv_unbound(), a, 1, kw, kwv, n_kw, out);
    if (n == 0) {
        cnnc_shape s;
        memset(&s, 0, sizeof s);
        s.ndim = 1;   /* x.new() is empty */
        *out = pv_tensor(I, &s, TENSOR_CONST);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    return t_new(I, self, a, n, kw, kwv, n_kw, out);
}

/* torch.square, torch.rsqrt and torch.neg (and their methods) are pow and mul nodes. */
int torch_pow_alias(ARGS) {
    UNUSED;
    const char *fn = I->callee->name;
    py_val x = self.t == PV_TENSOR ? self : n > 0 ? a[0] : pv_unbound();
    const int32_t extra = self.t == PV_TENSOR ? n : n - 1;
    if (x.t != PV_TENSOR || extra != 0 || n_kw)
        return py_unsupported(I, "cnnc cannot follow this call of %s()", fn);
    const int neg = !strcmp(fn, "neg") || !strcmp(fn, "negative");
    const cnnc_layer_def *def = torch_functional_def(neg ? "mul" : "pow", CNNC_FN_TORCH);
    if (!def) return py_unsupported(I, "cnnc cannot follow %s()", fn);
    py_val args[2] = {x, neg ? pv_int(-1) : !strcmp(fn, "square") ? pv_int(2) : pv_float(-0.5)};
    return torch_call_functional(I, def, "", args, 2, NULL, NULL, 0, out);
}

/* torch.pow(input, exponent), x.pow(exponent): a tensor exponent is `x ** t`'s (GeM's
 * x.pow(self.p) with a learnable p: a constant of the broadcast shape, check only); else the
 * registry's pow, as any other function of it. */
int torch_pow(ARGS) {
    const int method = self.t == PV_TENSOR;
    py_val v[2] = {method ? self : pv_unbound(), pv_unbound()};
    int32_t at = method;
    for (int32_t k = 0; k < n && at < 2; k++) v[at++] = a[k];
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "exponent") && v[1].t == PV_UNBOUND) v[1] = kwv[k];
        else if (!method && (!strcmp(nm, "input") || !strcmp(nm, "self")) && v[0].t == PV_UNBOUND) v[0] = kwv[k];
    }
    if (n + method <= 2 && v[1].t == PV_TENSOR && (v[0].t == PV_TENSOR || pv_is_num(v[0])))
        return py_binop(I, PY_OP_DSTAR, v[0], v[1], out);
    const cnnc_layer_def *def = torch_functional_def("pow", CNNC_FN_TORCH | CNNC_FN_TENSOR);
    if (!def) return py_unsupported(I, "cnnc cannot follow pow()");
    const py_val fn = pv_builtin(I, "pow", torch_fn_native, self, def, 0);
    if (fn.t == PV_UNBOUND) return py_nomem(I);
    return py_call(I, fn, a, n, kw, kwv, n_kw, out);
}

/* x.data: a new tensor on the same storage that does not require grad */
static int detached(interp *I, py_val t, py_val *out) {
    const py_tensor *x = pv_as_tensor(t);
    if ((*out = pv_tensor_copy(I, x)).t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(*out)->is_param = pv_as_tensor(*out)->param_view = 0;
    pv_as_tensor(*out)->known = x->known;   /* the same storage */
    /* a one-element value is kept per name, not per storage: a write through either
     * name could leave the other's stale, so once aliased neither keeps it */
    pv_as_tensor(*out)->value_kind = 0;
    pv_as_tensor(t)->value_kind = 0;
    return 0;
}

/* x.detach(): of a parameter (or a view of one), its .data (`m.bias.detach().zero_()` is
 * allowed); of any other tensor, itself */
static int t_detach(ARGS) {
    UNUSED;
    (void)a;
    if (n) return py_unsupported(I, "cnnc cannot follow detach() with arguments");
    const py_tensor *x = pv_as_tensor(self);
    if (!x->is_param && !x->param_view) { *out = self; return 0; }
    return detached(I, self, out);
}

/* x.register_hook(fn): under no_grad (forward, as the oracles run it) a tensor that is no parameter
 * requiring grad has no grad to hook: autograd's RuntimeError. Hooks that would run are refused. */
static int t_register_hook(ARGS) {
    UNUSED;
    (void)a;
    (void)n;
    (void)out;
    const py_tensor *x = pv_as_tensor(self);
    if (I->no_grad && !py_tensor_requires_grad_leaf(I, x) && requires_grad_set(I, x) != 1)
        return py_raise(I, "RuntimeError", "cannot register a hook on a tensor that doesn't require gradient");
    return py_unsupported(I, "cnnc cannot follow Tensor.register_hook on a tensor that requires grad (hooks run in backward)");
}

/* ------------------------------------------------------- tensor attributes */

int py_tensor_getattr(interp *I, py_val t, py_sym name, py_val *out) {
    const char *nm = py_sym_name(I->syms, name);
    if (!strcmp(nm, "swapaxes") || !strcmp(nm, "swapdims")) {   /* transpose under numpy's names */
        name = py_s(I, "transpose");
        nm = "transpose";
    }
    const py_tensor *x = pv_as_tensor(t);
    if (!strcmp(nm, "shape")) return t_size(I, t, NULL, 0, NULL, NULL, 0, out);
    if (!strcmp(nm, "ndim")) { *out = pv_int(x->shape.ndim); return 0; }
    if (!strcmp(nm, "data")) return detached(I, t, out);
    if (x->is_numpy && !strcmp(nm, "size")) { *out = pv_int(cnnc_shape_numel(&x->shape)); return 0; }   /* an array's size is its count */
    if (x->is_numpy && (!strcmp(nm, "reshape") || !strcmp(nm, "repeat"))) {
        *out = pv_builtin(I, nm, nm[2] == 's' ? t_np_reshape : py_ndarray_repeat, t, NULL, 0);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    if (x->is_numpy) {   /* ndarray methods whose meaning is not Tensor's of that name (repeat is repeat_interleave) */
        static const char *const differ[] = {"view", "transpose", "flip", "expand", "permute", "unsqueeze",
                                             "sort", "max", "min", "sum", "mean", "std", "var", "prod", "argmax", "argmin",
                                             "squeeze", "clip", "round", "cumsum", "all", "any"};
        for (size_t k = 0; k < sizeof differ / sizeof differ[0]; k++)
            if (!strcmp(nm, differ[k])) return py_unsupported(I, "cnnc cannot follow numpy's ndarray.%s", nm);
    }
    if (x->is_numpy && !strcmp(nm, "astype")) {   /* a numpy array's dtype: its shape stays */
        *out = pv_builtin(I, "astype", t_self, t, NULL, 0);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    if (!strcmp(nm, "T") || !strcmp(nm, "mT")) return t_reverse_dims(I, t, nm[0] == 'm', out);
    if (!strcmp(nm, "requires_grad")) {
        const py_val *set = x->extra ? py_attrs_find(x->extra, name) : NULL;
        *out = set ? *set : pv_bool(x->is_param);
        return 0;
    }
    if (!strcmp(nm, "is_cuda")) { *out = pv_bool(0); return 0; }
    if (!strcmp(nm, "dtype"))
        { *out = pv_ptr(PV_DTYPE, (void *)(x->is_indices ? "int64" : x->is_complex ? "complex64" : "float32")); return 0; }
    if (!strcmp(nm, "real") || !strcmp(nm, "imag")) {   /* a complex tensor's parts; a real tensor is its own real part */
        if (!x->is_complex) {
            if (nm[0] == 'r') { *out = t; return 0; }
            return torch_raise_shape(I, "RuntimeError", "imag is not implemented for tensors with non-complex dtypes.");
        }
        return torch_const_of(I, t, &x->shape, 0, out);
    }
    if (!strcmp(nm, "device")) { *out = pv_cstr(I, "cpu"); return 0; }
    if (!strcmp(nm, "grad")) {   /* None until a backward() has run */
        if (I->backward_seen) return py_unsupported(I, "cnnc cannot follow Tensor.grad after backward() (it follows shapes, not gradients)");
        *out = pv_none();
        return 0;
    }
    static const struct { const char *name; py_native fn; } methods[] = {
        {"size", t_size}, {"dim", t_dim}, {"ndimension", t_dim}, {"numel", t_numel}, {"nelement", t_numel}, {"numpy", t_numpy}, {"tolist", t_tolist}, {"view", t_view}, {"reshape", t_view},
        {"contiguous", t_contiguous}, {"clone", t_clone}, {"detach", t_detach}, {"register_hook", t_register_hook}, {"to", t_to}, {"cuda", t_cuda}, {"cpu", t_self},
        {"float", t_float}, {"long", t_long}, {"type_as", t_type_as}, {"requires_grad_", t_requires_grad_}, {"squeeze", t_squeeze},
        {"unsqueeze", t_unsqueeze}, {"chunk", tensor_chunk}, {"split", tensor_chunk}, {"flatten", t_flatten},
        {"view_as", t_view_as}, {"reshape_as", t_view_as}, {"max", torch_extremum}, {"min", torch_extremum},
        {"argmax", torch_argextremum}, {"argmin", torch_argextremum}, {"type", t_type}, {"new_zeros", t_new},
        {"new_ones", t_new}, {"new_empty", t_new}, {"new", t_new_legacy}, {"t", t_transpose2d}, {"square", torch_pow_alias}, {"rsqrt", torch_pow_alias},
        {"neg", torch_pow_alias}, {"negative", torch_pow_alias}, {"norm", torch_norm}, {"triu", torch_triangle}, {"tril", torch_triangle},
        {"addcmul", torch_addc}, {"addcdiv", torch_addc}, {"bool", t_mask}, {"byte", t_mask},
        {"masked_fill", t_masked_fill}, {"masked_fill_", t_masked_fill}, {"unbind", t_unbind}, {"roll", t_roll}, {"unfold", t_unfold}, {"clamp_min", torch_clamp_one}, {"clamp_max", torch_clamp_one}, {"clamp_min_", torch_clamp_one}, {"clamp_max_", torch_clamp_one}, {"flip", torch_flip}, {"fliplr", torch_flip_lr_ud}, {"flipud", torch_flip_lr_ud}, {"rot90", torch_rot90}, {"topk", torch_topk}, {"prod", torch_prod}, {"diag", torch_diag}, {"sort", torch_sort}, {"argsort", torch_argsort}, {"diagonal", torch_diagonal}, {"diag_embed", torch_diag_embed}, {"cumprod", torch_cumprod}, {"unflatten", t_unflatten}, {"pow", torch_pow}, {"eq", torch_compare}, {"ne", torch_compare}, {"gt", torch_compare}, {"lt", torch_compare},
        {"ge", torch_compare}, {"le", torch_compare}, {"not_equal", torch_compare}, {"greater", torch_compare},
        {"less", torch_compare}, {"greater_equal", torch_compare}, {"less_equal", torch_compare},
        {"unsqueeze_", t_inplace_view}, {"squeeze_", t_inplace_view}, {"floor", torch_round}, {"ceil", torch_round},
        {"round", torch_round}, {"trunc", torch_round}, {"fix", torch_round}, {"floor_", torch_round},
        {"ceil_", torch_round}, {"round_", torch_round}, {"trunc_", torch_round}, {"var", torch_moment},
        {"std", torch_moment}, {"renorm", torch_renorm}, {"item", torch_item},
        {"index_select", torch_index_select}, {"gather", torch_gather}, {"scatter", torch_scatter}, {"scatter_", torch_scatter},
        {"scatter_add", torch_scatter}, {"scatter_add_", torch_scatter}, {"repeat_interleave", torch_repeat_interleave}, {"where", torch_where},
        /* in-place initialisers: values, not shapes */
        {"normal_", t_fill}, {"uniform_", t_fill}, {"fill_", t_fill}, {"zero_", t_fill}, {"copy_", t_copy},
        {"random_", t_fill}, {"bernoulli_", t_fill}, {"exponential_", t_fill}, {"cauchy_", t_fill},
        {"log_normal_", t_fill}, {"geometric_", t_fill}, {"renorm_", t_fill}, {"erfinv_", t_fill}, {"lerp_", torch_lerp}, {"lerp", torch_lerp}, {"outer", t_outer}, {"ger", t_outer}, {"bernoulli", torch_bernoulli}, {"backward", t_backward}, {"retain_grad", t_none_method},
        {"isnan", torch_isnan_like}, {"isinf", torch_isnan_like}, {"isfinite", torch_isnan_like}, {"isneginf", torch_isnan_like},
        {"isposinf", torch_isnan_like}, {"any", torch_any_all}, {"all", torch_any_all},
    };
    for (size_t k = 0; k < sizeof methods / sizeof methods[0]; k++) {
        if (strcmp(methods[k].name, nm)) continue;
        if (!methods[k].fn) break;
        *out = pv_builtin(I, methods[k].name, methods[k].fn, t, NULL, 0);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    if (torch_is_const_unary(nm)) {
        *out = pv_builtin(I, nm, torch_const_unary, t, NULL, 0);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    if (torch_is_const_binary(nm)) {
        *out = pv_builtin(I, nm, torch_const_binary, t, NULL, 0);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    /* in-place variants x.relu_() act like x.relu() here */
    char base[64];
    snprintf(base, sizeof base, "%s", nm);
    size_t len = strlen(base);
    if (len > 1 && base[len - 1] == '_' && base[len - 2] != '_') base[len - 1] = '\0';
    const cnnc_layer_def *def = torch_functional_def(base, CNNC_FN_TENSOR);
    if (def) {
        *out = pv_builtin(I, nm, torch_fn_native, t, def, 0);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    /* x.mul(y), x.add(y) ... as the operators */
    static const struct { const char *name; int op; } ops[] = {
        {"add", PY_OP_PLUS}, {"sub", PY_OP_MINUS}, {"mul", PY_OP_STAR}, {"div", PY_OP_SLASH}, {"matmul", PY_OP_AT},
    };
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++)
        if (!strcmp(ops[k].name, base)) return py_unsupported(I, "cnnc cannot follow Tensor.%s (no such operation in cnnc's registry)", nm);
    if (x->extra) {   /* set by the model's code */
        const py_val *v = py_attrs_find(x->extra, name);
        if (v) { *out = *v; return 0; }
    }
    if (py_real_name("Tensor", nm)) return py_unsupported(I, "cnnc cannot follow Tensor.%s", nm);
    return py_raise(I, "AttributeError", "'%s' object has no attribute '%s'", py_type_name(&t), nm);
}

