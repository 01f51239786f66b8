/* torch_functions.c — the torch.* functions that are not layers (factories,
 * *_like, Parameter, is_tensor, init helpers, no-op contexts) and the setup
 * (py_torch_init) that binds torch's modules and names. */
#include "py/nn_internal.h"
#include "py/torch_internal.h"
#include "py/call_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------ torch functions */

/* torch.zeros(2, 3) / torch.ones((2, 3)) / torch.randn(...): a tensor of constants. */
/* Among the keywords, dtype= is torch.cfloat / torch.complex64: 1, another dtype: 0, none: -1 */
static int dtype_kw_is_complex(interp *I, const py_sym *kw, const py_val *kwv, int32_t n_kw) {
    for (int32_t k = 0; k < n_kw; k++)
        if (!strcmp(py_sym_name(I->syms, kw[k]), "dtype"))
            return kwv[k].t == PV_DTYPE && !strcmp((const char *)kwv[k].u.p, "complex64");
    return -1;
}

static int t_factory(ARGS) {
    UNUSED;
    if (py_refuse_cuda_args(I, NULL, 0, kw, kwv, n_kw)) return -1;   /* device='cuda' */
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    const py_val *dims = a;
    int32_t nd = n;
    for (int32_t k = 0; k < n_kw; k++)   /* torch.ones(size=(2, 3)) */
        if (!strcmp(py_sym_name(I->syms, kw[k]), "size")) {
            if (n) return py_unsupported(I, "cnnc cannot follow %s() with both sizes and size=", I->callee->name);
            dims = &kwv[k];
            nd = 1;
        }
    if (nd == 1 && (dims[0].t == PV_TUPLE || dims[0].t == PV_LIST || dims[0].t == PV_SIZE)) {
        nd = pv_as_seq(dims[0])->n;
        dims = pv_as_seq(dims[0])->v;
    }
    if (nd > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc cannot follow a %d-dimensional tensor", (int)nd);
    /* 1.13's words: zeros, ones and empty take SymInts, rand and randn ints */
    const char *of = I->callee->name[0] == 'r' ? "ints" : "SymInts";
    if (nd == 1 && dims == a && !pv_is_int(dims[0]))   /* one argument that is neither a size nor sizes */
        return py_raise(I, "TypeError", "%s(): argument 'size' (position 1) must be tuple of %s, not %s", I->callee->name, of,
                        py_type_name(&dims[0]));
    for (int32_t k = 0; k < nd; k++) {
        if (!pv_is_int(dims[k]))
            return py_raise(I, "TypeError", "%s(): argument 'size' must be tuple of %s, but found element of type %s at pos %d",
                            I->callee->name, of, py_type_name(&dims[k]), (int)k + 1);
        if (dims[k].u.i < 0) {
            char buf[128];
            cnnc_shape tmp;
            memset(&tmp, 0, sizeof tmp);
            tmp.ndim = nd;
            for (int32_t j = 0; j < nd; j++) tmp.d[j] = pv_is_int(dims[j]) ? dims[j].u.i : 0;
            cnnc_shape_format(&tmp, buf, sizeof buf);
            return torch_raise_shape(I, "RuntimeError", "Trying to create tensor with negative dimension %lld: %s", (long long)dims[k].u.i, buf);
        }
        s.d[k] = dims[k].u.i;
    }
    s.ndim = nd;
    *out = pv_tensor(I, &s, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(*out)->is_complex = dtype_kw_is_complex(I, kw, kwv, n_kw) > 0;
    pv_as_tensor(*out)->is_mask = torch_dtype_kind(I, kw, kwv, n_kw) == PV_BOOL;   /* a mask masked_fill takes */
    const char *fn = I->callee->name;
    if (!strcmp(fn, "zeros") || !strcmp(fn, "ones"))
        return py_tensor_set_known(I, pv_as_tensor(*out), KNOWN_FILL, fn[0] == 'o' ? 1.0 : 0.0);
    return 0;
}

/* torch.Tensor(...) / torch.FloatTensor(...), the legacy constructor: one list or tuple
 * is data (torch.Tensor([0.5, 1.0]) has shape [2]), a tensor is itself, torch.Size
 * and ints are sizes, and no argument is an empty tensor. */
static int t_legacy(ARGS) {
    if (n == 1 && n_kw == 0) {
        const py_val v = a[0];
        if (v.t == PV_LIST || v.t == PV_TUPLE) return torch_tensor_from_data(I, v, out);
        if (v.t == PV_TENSOR) {
            *out = pv_tensor(I, &pv_as_tensor(v)->shape, TENSOR_CONST);
            return out->t == PV_UNBOUND ? py_nomem(I) : 0;
        }
        if (v.t == PV_FLOAT) return py_raise(I, "TypeError", "new(): data must be a sequence (got float)");
        if (v.t == PV_STR) return py_raise(I, "TypeError", "new(): invalid data type 'str'");
    }
    for (int32_t k = 0; n > 1 && k < n; k++) {
        if (a[k].t == PV_FLOAT)
            return py_raise(I, "TypeError", "new(): argument 'size' must be tuple of ints, but found element of type float at pos %d",
                            (int)k + 1);
        if (!pv_is_int(a[k])) return py_unsupported(I, "cnnc cannot follow %s() with these arguments", I->callee->name);
    }
    if (n == 0 && n_kw == 0) {
        cnnc_shape s;
        memset(&s, 0, sizeof s);
        s.ndim = 1;
        *out = pv_tensor(I, &s, TENSOR_CONST);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    return t_factory(I, self, a, n, kw, kwv, n_kw, out);
}

/* torch.LongTensor(...), torch.IntTensor(...): the legacy constructor's int tensors
 * (values unknown unless given as data; a shape and an int dtype) */
static int t_legacy_int(ARGS) {
    if (t_legacy(I, self, a, n, kw, kwv, n_kw, out)) return -1;
    if (out->t == PV_TENSOR) pv_as_tensor(*out)->is_indices = 1;
    return 0;
}

/* torch.get_rng_state(): the CPU generator's state, a ByteTensor of 5056 bytes in 1.13;
 * torch.set_rng_state(state) puts one back (code that builds a probe input in its
 * constructor saves and restores the state around it). Shapes only. */
#define RNG_STATE_BYTES 5056
static int t_get_rng_state(ARGS) {
    UNUSED;
    (void)a;
    if (n) return py_raise(I, "TypeError", "get_rng_state() takes 0 positional arguments but %d were given", (int)n);
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    s.ndim = 1;
    s.d[0] = RNG_STATE_BYTES;
    *out = pv_tensor(I, &s, TENSOR_CONST);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}
static int t_set_rng_state(ARGS) {
    UNUSED;
    if (n != 1 || n_kw) return py_unsupported(I, "cnnc cannot follow this call of torch.set_rng_state");
    if (a[0].t != PV_TENSOR) return py_raise(I, "TypeError", "expected a torch.ByteTensor, but got %s", py_type_name(&a[0]));
    const py_tensor *t = pv_as_tensor(a[0]);
    if (t->node != TENSOR_CONST || t->shape.ndim != 1 || t->shape.d[0] != RNG_STATE_BYTES)
        return py_unsupported(I, "cnnc cannot follow torch.set_rng_state of a tensor other than get_rng_state()'s");
    *out = pv_none();
    return 0;
}

/* torch.Size(sizes): a tuple of ints that torch.Tensor(...) and new_* read as sizes */
static int t_size(ARGS) {
    UNUSED;
    if (n_kw || n > 1) return py_unsupported(I, "cnnc cannot follow this call of torch.Size");
    py_val r = pv_seq(I, PV_SIZE, 0);
    if (r.t == PV_UNBOUND) return py_nomem(I);
    if (n == 1) {
        if (a[0].t != PV_LIST && a[0].t != PV_TUPLE && a[0].t != PV_SIZE)
            return py_unsupported(I, "cnnc cannot follow torch.Size of a %s", py_type_name(&a[0]));
        const py_seq *q = pv_as_seq(a[0]);
        for (int32_t k = 0; k < q->n; k++) {
            if (!pv_is_int(q->v[k]))
                return py_raise(I, "TypeError", "torch.Size() takes an iterable of 'int' (item %d is '%s')", (int)k,
                                py_type_name(&q->v[k]));
            if (py_seq_push(I, r, q->v[k])) return -1;
        }
    }
    *out = r;
    return 0;
}

/* torch.full(size, fill_value, *, dtype=None, ...): a constant of that size */
static int t_full(ARGS) {
    UNUSED;
    if (py_refuse_cuda_args(I, NULL, 0, kw, kwv, n_kw)) return -1;
    py_val size = n > 0 ? a[0] : pv_unbound(), fill = n > 1 ? a[1] : pv_unbound();
    if (n > 2) return py_unsupported(I, "cnnc cannot follow torch.full with %d positional arguments", (int)n);
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "size")) size = kwv[k];
        else if (!strcmp(nm, "fill_value")) fill = kwv[k];
    }
    if (size.t == PV_UNBOUND || fill.t == PV_UNBOUND)
        return py_unsupported(I, "cnnc cannot follow this call of torch.full");
    if (size.t != PV_TUPLE && size.t != PV_LIST && size.t != PV_SIZE)
        return py_raise(I, "TypeError", "full(): argument 'size' (position 1) must be tuple of SymInts, not %s", py_type_name(&size));
    if (!pv_is_num(fill) && !(fill.t == PV_TENSOR && pv_as_tensor(fill)->shape.ndim == 0))
        return py_raise(I, "TypeError", "full(): argument 'fill_value' (position 2) must be Number, not %s", py_type_name(&fill));
    if (t_factory(I, self, &size, 1, NULL, NULL, 0, out)) return -1;
    /* its dtype: dtype=, else the fill's (an int fills int64, a bool a mask) */
    if (fill.t == PV_TENSOR) return 0;
    int kind = torch_dtype_kind(I, kw, kwv, n_kw);
    const int int64 = kind ? torch_dtype_is_int64(I, kw, kwv, n_kw) : fill.t == PV_INT;
    if (!kind) kind = fill.t == PV_FLOAT ? PV_FLOAT : fill.t == PV_BOOL ? PV_BOOL : PV_INT;
    py_tensor *t = pv_as_tensor(*out);
    const double v = fill.t == PV_FLOAT ? fill.u.f : (double)fill.u.i;
    if (kind == PV_BOOL) {
        t->is_mask = 1;
        t->mask_known = v != 0.0 ? 1 : -1;
    } else if (int64 && fill.t != PV_FLOAT && !fill.big) {   /* full((B,), null_id, dtype=torch.long): ids to embed */
        if (py_tensor_set_known(I, t, KNOWN_FILL, v)) return -1;
        t->known->is_int = 1;
        torch_indices_of_known(t);
    }
    return 0;
}

/* torch.eye(n, m=None, *, dtype=None, ...): an identity matrix's shape, (n, m or n) */
static int t_eye(ARGS) {
    UNUSED;
    if (py_refuse_cuda_args(I, NULL, 0, kw, kwv, n_kw)) return -1;
    py_val nm[2] = {n > 0 ? a[0] : pv_unbound(), n > 1 ? a[1] : pv_none()};
    if (n > 2) return py_unsupported(I, "cnnc cannot follow torch.eye with %d positional arguments", (int)n);
    for (int32_t k = 0; k < n_kw; k++) {
        const char *name = py_sym_name(I->syms, kw[k]);
        if (!strcmp(name, "n") && n == 0) nm[0] = kwv[k];
        else if (!strcmp(name, "m") && n < 2) nm[1] = kwv[k];
        else if (strcmp(name, "dtype") && strcmp(name, "device") && strcmp(name, "requires_grad") && strcmp(name, "layout"))
            return py_unsupported(I, "cnnc cannot follow torch.eye with %s=", name);
    }
    if (nm[0].t == PV_UNBOUND) return py_unsupported(I, "cnnc cannot follow torch.eye without n");
    if (nm[1].t == PV_NONE) nm[1] = nm[0];
    cnnc_shape s = {.ndim = 2};
    for (int k = 0; k < 2; k++) {
        if (!pv_is_int(nm[k]) || nm[k].t == PV_BOOL)
            return py_raise(I, "TypeError", "eye(): argument '%c' (position %d) must be int, not %s", "nm"[k], k + 1,
                            py_type_name(&nm[k]));
        if (nm[k].u.i < 0)
            return py_raise(I, "RuntimeError", "%c must be greater or equal to 0, got %lld", "nm"[k], (long long)nm[k].u.i);
        s.d[k] = nm[k].u.i;
    }
    *out = pv_tensor(I, &s, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(*out)->is_mask = torch_dtype_kind(I, kw, kwv, n_kw) == PV_BOOL;   /* torch.eye(n, dtype=torch.bool) */
    return 0;
}

static int t_like(ARGS) {
    UNUSED;
    if (n < 1 || a[0].t != PV_TENSOR)
        return py_raise(I, "TypeError", "%s(): argument 'input' (position 1) must be Tensor, not %s", I->callee->name,
                        n ? py_type_name(&a[0]) : "nothing");
    /* randn_like of the graph's tensor is a node (fresh noise each step); zeros_like a constant */
    const cnnc_layer_def *d = torch_functional_def(I->callee->name, CNNC_FN_TORCH);
    const int dtype_complex = dtype_kw_is_complex(I, kw, kwv, n_kw);
    const int complex = dtype_complex >= 0 ? dtype_complex : pv_as_tensor(a[0])->is_complex;   /* the input's without dtype= */
    if (complex && d) return py_unsupported(I, "cnnc cannot follow %s of a complex tensor", I->callee->name);
    if (d) return torch_call_functional(I, d, "", a, n, kw, kwv, n_kw, out);
    *out = pv_tensor(I, &pv_as_tensor(a[0])->shape, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(*out)->is_complex = complex;
    pv_as_tensor(*out)->is_mask = torch_dtype_kind(I, kw, kwv, n_kw) == PV_BOOL;   /* zeros_like(x, dtype=torch.bool) */
    return 0;
}

/* torch.bernoulli(input[, p], *, generator=None) and x.bernoulli([p]): 0/1 draws of the
 * input's shape, values unknown (a constant to the graph: the engines refuse to replay it,
 * the check follows it) */
int torch_bernoulli(ARGS) {
    (void)kw; (void)kwv; (void)n_kw;
    const int is_method = self.t == PV_TENSOR;
    const py_val x = is_method ? self : n > 0 ? a[0] : pv_unbound();
    if (x.t != PV_TENSOR)
        return py_raise(I, "TypeError", "bernoulli(): argument 'input' (position 1) must be Tensor, not %s",
                        x.t == PV_UNBOUND ? "nothing" : py_type_name(&x));
    if (n - !is_method > 1) return py_unsupported(I, "cnnc cannot follow bernoulli with %d positional arguments", (int)n);
    *out = pv_tensor(I, &pv_as_tensor(x)->shape, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    /* a probability of exactly 0 or 1 draws nothing random (stochastic depth's survival
     * draw with its default 1.0): the result is known where the probabilities are */
    const py_tensor *p = pv_as_tensor(x);
    py_tensor *r = pv_as_tensor(*out);
    if (p->node == TENSOR_CONST && p->value_kind && (p->value == 0.0 || p->value == 1.0) && cnnc_shape_numel(&p->shape) == 1) {
        r->value_kind = PV_FLOAT;
        r->value = p->value;
    }
    const py_known *k = py_tensor_known(p);
    if (p->node == TENSOR_CONST && k && k->kind == KNOWN_FILL && (k->fill == 0.0 || k->fill == 1.0))
        return py_tensor_set_known(I, r, KNOWN_FILL, k->fill);
    return 0;
}

/* torch.load(f, ...): a checkpoint cnnc does not read (refused), unless the path names no
 * file, which is Python's FileNotFoundError wherever the script runs from (the relative
 * path resolved against the working directory, as open() does). */
static int t_load(ARGS) {
    UNUSED;
    (void)out;
    py_val f = n > 0 ? a[0] : pv_unbound();
    for (int32_t k = 0; k < n_kw; k++)
        if (!strcmp(py_sym_name(I->syms, kw[k]), "f") && f.t == PV_UNBOUND) f = kwv[k];
    if (f.t != PV_STR) return py_unsupported(I, "cnnc cannot follow torch.load of a %s", py_type_name(&f));
    const int r = py_raise_if_no_file(I, f);
    return r <= 0 ? -1 : py_unsupported(I, "cnnc cannot follow torch.load (it does not read checkpoints from .py sources)");
}

/* torch.dropout(input, p, train): ATen's dropout, every argument required, train a bool and
 * p checked with a RuntimeError (F.dropout's is a ValueError); then F.dropout's node. */
static int t_dropout(ARGS) {
    UNUSED;
    py_val b[3];
    const py_sig *sig = py_sig_cached(I, "input, p, train", -1);
    if (!sig || py_bind_sig_as(I, sig, "dropout", 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    if (b[0].t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow torch.dropout of a %s", py_type_name(&b[0]));
    if (!pv_is_num(b[1]) || b[1].t == PV_BOOL)
        return py_unsupported(I, "cnnc cannot follow torch.dropout with p of type %s", py_type_name(&b[1]));
    if (b[2].t != PV_BOOL)
        return py_raise(I, "TypeError", "dropout(): argument 'train' (position 3) must be bool, not %s", py_type_name(&b[2]));
    const double p = b[1].t == PV_FLOAT ? b[1].u.f : (double)b[1].u.i;
    if (!(p >= 0.0 && p <= 1.0)) {
        /* ATen streams the double: C++'s default 6 significant digits */
        return torch_raise_shape(I, "RuntimeError", "dropout probability has to be between 0 and 1, but got %g", p);
    }
    const cnnc_layer_def *def = torch_functional_def("dropout", CNNC_FN_NN_F);
    if (!def) return py_unsupported(I, "cnnc cannot follow torch.dropout");
    return torch_call_functional(I, def, "", b, 3, NULL, NULL, 0, out);
}

/* torch.randperm(n, *, dtype=torch.int64, ...): a permutation of range(n), values unknown
 * but each below n (indices whose bound is known). */
static int t_randperm(ARGS) {
    UNUSED;
    if (py_refuse_cuda_args(I, NULL, 0, kw, kwv, n_kw)) return -1;
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (strcmp(nm, "device") && strcmp(nm, "requires_grad") && strcmp(nm, "generator"))
            return py_unsupported(I, "cnnc cannot follow randperm() with %s=", nm);
    }
    if (n != 1) return py_unsupported(I, "cnnc cannot follow randperm() with %d positional arguments", (int)n);
    if (a[0].t != PV_INT || a[0].big)
        return py_unsupported(I, "cnnc cannot follow randperm() of a %s", py_type_name(&a[0]));
    if (a[0].u.i < 0)
        return py_raise(I, "RuntimeError", "Trying to create tensor with negative dimension %lld: [%lld]", (long long)a[0].u.i, (long long)a[0].u.i);
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    s.ndim = 1;
    s.d[0] = a[0].u.i;
    *out = pv_tensor(I, &s, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(*out)->is_indices = 1;
    pv_as_tensor(*out)->index_bound = a[0].u.i;
    return 0;
}

/* torch.randint(high, size) / randint(low, high, size), *, dtype=None: int64 values in
 * [low, high) (a diffusion step per sample: `t = torch.randint(0, T, (x.shape[0],))`), which
 * index tables of T entries in range. Tensor creation's checks, then random_'s. */
static int t_randint(ARGS) {
    UNUSED;
    if (py_refuse_cuda_args(I, NULL, 0, kw, kwv, n_kw)) return -1;
    py_val low = pv_unbound(), high = pv_unbound(), size = pv_unbound();
    if (n == 2) { high = a[0]; size = a[1]; }
    else if (n == 3) { low = a[0]; high = a[1]; size = a[2]; }
    else if (n > 3 || n == 1) return py_unsupported(I, "cnnc cannot follow randint() with %d positional arguments", (int)n);
    int as_float = 0;
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "low") && low.t == PV_UNBOUND) low = kwv[k];
        else if (!strcmp(nm, "high") && high.t == PV_UNBOUND) high = kwv[k];
        else if (!strcmp(nm, "size") && size.t == PV_UNBOUND) size = kwv[k];
        else if (!strcmp(nm, "dtype")) {
            const int kind = kwv[k].t == PV_NONE ? PV_INT : kwv[k].t == PV_DTYPE ? torch_dtype_kind(I, kw, kwv, n_kw) : 0;
            as_float = kwv[k].t == PV_DTYPE && !strcmp((const char *)kwv[k].u.p, "float32");
            if (kind != PV_INT && !as_float) return py_unsupported(I, "cnnc follows randint() with an integer dtype or torch.float32");
        } else if (strcmp(nm, "device") && strcmp(nm, "requires_grad") && strcmp(nm, "generator"))
            return py_unsupported(I, "cnnc cannot follow randint() with %s=", nm);
    }
    if (low.t == PV_UNBOUND) low = pv_int(0);
    if (high.t == PV_UNBOUND || size.t == PV_UNBOUND) return py_unsupported(I, "cnnc cannot follow randint() without high and size");
    if (!pv_is_int(low) || !pv_is_int(high) || low.big || high.big)
        return py_unsupported(I, "cnnc follows randint() with int bounds, not %s and %s", py_type_name(&low), py_type_name(&high));
    if (!pv_is_seq(size)) return py_unsupported(I, "cnnc follows randint() with a tuple size, not a %s", py_type_name(&size));
    const py_seq *q = pv_as_seq(size);
    if (q->n > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc tensors have at most %d dims", CNNC_MAX_DIMS);
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    s.ndim = q->n;
    for (int32_t k = 0; k < q->n; k++) {
        if (!pv_is_int(q->v[k]) || q->v[k].t == PV_BOOL || q->v[k].big)
            return py_unsupported(I, "cnnc follows randint() with a size of ints, not one holding a %s", py_type_name(&q->v[k]));
        s.d[k] = q->v[k].u.i;
    }
    for (int32_t k = 0; k < q->n; k++)
        if (s.d[k] < 0) {
            char buf[24 * CNNC_MAX_DIMS];
            cnnc_shape_format(&s, buf, sizeof buf);
            return py_raise(I, "RuntimeError", "Trying to create tensor with negative dimension %lld: %s", (long long)s.d[k], buf);
        }
    if (low.u.i >= high.u.i)
        return py_raise(I, "RuntimeError", "random_ expects 'from' to be less than 'to', but got from=%lld >= to=%lld",
                        (long long)low.u.i, (long long)high.u.i);
    *out = pv_tensor(I, &s, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    py_tensor *t = pv_as_tensor(*out);
    if (as_float) { t->known_float = 1; return 0; }
    t->is_indices = 1;
    t->index_bound = low.u.i >= 0 ? high.u.i : 0;   /* every value below high */
    return 0;
}

/* torch.hann_window(window_length, periodic=True, *, dtype=None, ...) and the other windows: a
 * float32 vector of that length (its values not followed), after the length's checks */
static int t_window(ARGS) {
    UNUSED;
    const char *fn = I->callee->name;
    if (py_refuse_cuda_args(I, NULL, 0, kw, kwv, n_kw)) return -1;
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "dtype") && (kwv[k].t == PV_NONE || (kwv[k].t == PV_DTYPE && !strcmp((const char *)kwv[k].u.p, "float32")))) continue;
        if (strcmp(nm, "periodic") && strcmp(nm, "device") && strcmp(nm, "requires_grad") && strcmp(nm, "layout") &&
            strcmp(nm, "beta") && strcmp(nm, "alpha"))
            return py_unsupported(I, "cnnc cannot follow %s() with %s=", fn, nm);
    }
    if (n < 1 || n > 3) return py_unsupported(I, "cnnc cannot follow %s() with %d positional arguments", fn, (int)n);
    if (!pv_is_int(a[0]) || a[0].t == PV_BOOL || a[0].big)
        return py_raise(I, "TypeError", "%s(): argument 'window_length' (position 1) must be int, not %s", fn, py_type_name(&a[0]));
    if (a[0].u.i < 0)
        return py_raise(I, "RuntimeError", "%s requires non-negative window_length, got window_length=%lld", fn, (long long)a[0].u.i);
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    s.ndim = 1;
    s.d[0] = a[0].u.i;
    if ((*out = pv_tensor(I, &s, TENSOR_CONST)).t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(*out)->known_float = 1;
    return 0;
}

/* torch.diag(input, diagonal=0) / x.diag(): a vector's diagonal matrix, or a matrix's
 * diagonal. Of a constant: its shape (values unknown); of a tensor of the graph, the main
 * diagonal only, as x.unsqueeze(0) * eye(n) or (x * eye(r, c)).sum(1)[:min(r, c)] (nodes
 * the engines run, with eye a constant operand). */
int torch_diag(ARGS) {
    UNUSED;
    py_val b[2];
    const py_sig *sig = py_sig_cached(I, "input, diagonal=0", -1);
    if (torch_args_with_self(I, self, &a, &n)) return -1;   /* x.diag(k) */
    if (!sig || py_bind_sig_as(I, sig, "diag", 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    if (b[0].t != PV_TENSOR)
        return py_raise(I, "TypeError", "diag(): argument 'input' (position 1) must be Tensor, not %s", py_type_name(&b[0]));
    if (b[1].t != PV_UNBOUND && (!pv_is_int(b[1]) || b[1].big))
        return py_raise(I, "TypeError", "diag(): argument 'diagonal' (position 2) must be int, not %s", py_type_name(&b[1]));
    const int64_t k = b[1].t == PV_UNBOUND ? 0 : b[1].u.i;
    const py_tensor *x = pv_as_tensor(b[0]);
    if (x->shape.ndim != 1 && x->shape.ndim != 2) return torch_raise_shape(I, "RuntimeError", "matrix or a vector expected");
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    if (x->shape.ndim == 1) {
        s.ndim = 2;
        s.d[0] = s.d[1] = x->shape.d[0] + (k < 0 ? -k : k);
    } else {
        const int64_t r = x->shape.d[0], c = x->shape.d[1];
        const int64_t len = k >= 0 ? (r < c - k ? r : c - k) : (r + k < c ? r + k : c);
        if (len < 0) return py_unsupported(I, "cnnc cannot follow diag() past the matrix's corner");
        s.ndim = 1;
        s.d[0] = len;
    }
    if (x->node == TENSOR_CONST) {
        *out = pv_tensor(I, &s, TENSOR_CONST);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    if (k != 0) return py_unsupported(I, "cnnc follows diag() of a tensor computed from the input on the main diagonal only");
    const py_val *eye_fn = py_attrs_find(I->m_torch->attrs, py_s(I, "eye"));
    if (!eye_fn) return py_unsupported(I, "cnnc cannot follow diag()");
    py_val eye, prod;
    if (x->shape.ndim == 1) {
        py_val un;
        const py_val zero = pv_int(0), size = pv_int(x->shape.d[0]);
        if (py_call(I, *eye_fn, &size, 1, NULL, NULL, 0, &eye) ||
            py_call_method(I, b[0], "unsqueeze", &zero, 1, &un))
            return -1;
        return py_binop(I, PY_OP_STAR, un, eye, out);
    }
    const int64_t r = x->shape.d[0], c = x->shape.d[1], m = r < c ? r : c;
    const py_val dims[2] = {pv_int(r), pv_int(c)}, one = pv_int(1);
    py_val summed;
    if (py_call(I, *eye_fn, dims, 2, NULL, NULL, 0, &eye) || py_binop(I, PY_OP_STAR, b[0], eye, &prod) ||
        py_call_method(I, prod, "sum", &one, 1, &summed))
        return -1;
    if (m == r) { *out = summed; return 0; }
    py_slice *sl = (py_slice *)py_alloc(I->arena, sizeof *sl);
    if (!sl) return py_nomem(I);
    sl->lo = pv_none();
    sl->hi = pv_int(m);
    sl->step = pv_none();
    return py_getitem(I, summed, pv_ptr(PV_SLICE, sl), out);
}

/* torch.eq(input, other) and kin, x.eq(other): the bool mask a comparison operator makes
 * (a tensor and a tensor or a number, broadcast). */
static const struct { const char *name; int op; } compare_ops[] = {
    {"eq", PY_CMP_EQ}, {"ne", PY_CMP_NE}, {"not_equal", PY_CMP_NE}, {"gt", PY_CMP_GT}, {"greater", PY_CMP_GT},
    {"lt", PY_CMP_LT}, {"less", PY_CMP_LT}, {"ge", PY_CMP_GE}, {"greater_equal", PY_CMP_GE}, {"le", PY_CMP_LE},
    {"less_equal", PY_CMP_LE}};

int torch_compare(ARGS) {
    const char *fn = I->callee->name;
    int op = 0;
    for (size_t k = 0; k < sizeof compare_ops / sizeof compare_ops[0] && !op; k++)
        if (!strcmp(compare_ops[k].name, fn)) op = compare_ops[k].op;
    const int method = self.t == PV_TENSOR;
    py_val v[2] = {method ? self : pv_unbound(), pv_unbound()};
    int32_t at = method;
    for (int32_t k = 0; k < n; k++) {
        if (at > 1) return py_unsupported(I, "cnnc cannot follow %s() with %d arguments", fn, (int)n);
        v[at++] = a[k];
    }
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        const int slot = !strcmp(nm, "other") ? 1 : !strcmp(nm, "input") && !method ? 0 : -1;
        if (slot < 0 || v[slot].t != PV_UNBOUND) return py_unsupported(I, "cnnc cannot follow %s() with %s=", fn, nm);
        v[slot] = kwv[k];
    }
    if (!op || v[0].t == PV_UNBOUND || v[1].t == PV_UNBOUND) return py_unsupported(I, "cnnc cannot follow this call of %s()", fn);
    if (v[0].t != PV_TENSOR || (v[1].t != PV_TENSOR && !pv_is_num(v[1]))) {
        if (method || n_kw) return py_unsupported(I, "cnnc cannot follow %s() of a %s and a %s", fn, py_type_name(&v[0]), py_type_name(&v[1]));
        return py_raise(I, "TypeError", "%s() received an invalid combination of arguments - got (%s, %s), but expected one of:\n"
                        " * (Tensor input, Tensor other, *, Tensor out)\n * (Tensor input, Number other, *, Tensor out)\n", fn,
                        v[0].t == PV_TENSOR ? "Tensor" : py_type_name(&v[0]), v[1].t == PV_TENSOR ? "Tensor" : py_type_name(&v[1]));
    }
    return py_tensor_compare(I, op, v[0], v[1], out);
}

/* torch.dtype: a type (annotations, isinstance); PyTorch makes its instances itself */
static int t_dtype_type(ARGS) {
    UNUSED;
    (void)a; (void)n; (void)out;
    return py_raise(I, "TypeError", "cannot create 'torch.dtype' instances");
}

static int t_param(ARGS) {
    UNUSED;
    py_val data = n > 0 ? a[0] : pv_unbound(), grad = n > 1 ? a[1] : pv_unbound();
    for (int32_t k = 0; k < n_kw; k++) {   /* nn.Parameter(data=..., requires_grad=...) */
        if (!strcmp(py_sym_name(I->syms, kw[k]), "data")) data = kwv[k];
        else if (!strcmp(py_sym_name(I->syms, kw[k]), "requires_grad")) grad = kwv[k];
    }
    if (data.t == PV_UNBOUND || data.t == PV_NONE) {   /* nn.Parameter() is torch.empty(0), as Parameter.__new__ makes it */
        cnnc_shape empty = {1, {0}};
        *out = pv_tensor(I, &empty, TENSOR_CONST);
        if (out->t == PV_UNBOUND) return py_nomem(I);
        pv_as_tensor(*out)->is_param = 1;
        return grad.t == PV_BOOL ? py_tensor_set_requires_grad(I, *out, grad) : 0;
    }
    if (data.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow nn.Parameter of a %s", py_type_name(&data));
    *out = pv_tensor(I, &pv_as_tensor(data)->shape, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(*out)->is_param = 1;
    pv_as_tensor(*out)->is_complex = pv_as_tensor(data)->is_complex;
    pv_as_tensor(*out)->known = pv_as_tensor(data)->known;   /* the same storage */
    if (grad.t != PV_UNBOUND && grad.t != PV_BOOL) return py_unsupported(I, "cnnc follows nn.Parameter with a bool requires_grad");
    return grad.t == PV_BOOL ? py_tensor_set_requires_grad(I, *out, grad) : 0;
}

static int t_is_tensor(ARGS) { UNUSED; (void)I; *out = pv_bool(n && a[0].t == PV_TENSOR); return 0; }
/* torch.nn.modules.utils._pair(x): an int repeated, an iterable as a tuple */
static int t_ntuple(ARGS) {
    (void)self; (void)kw; (void)kwv; (void)n_kw;
    const char *nm = I->callee->name;
    int32_t k = !strcmp(nm, "_single") ? 1 : !strcmp(nm, "_pair") ? 2 : !strcmp(nm, "_triple") ? 3 : 4;
    if (n != 1) return py_raise(I, "TypeError", "parse() takes 1 positional argument but %d were given", (int)n);
    if (a[0].t == PV_TENSOR) return py_unsupported(I, "cnnc cannot follow %s of a tensor", nm);
    /* any Iterable becomes tuple(x): a str its characters ('SAME' -> ('S', 'A', 'M', 'E')), a dict its keys */
    const int iterable = a[0].t == PV_TUPLE || a[0].t == PV_LIST || a[0].t == PV_SIZE || a[0].t == PV_STR || a[0].t == PV_DICT ||
                         a[0].t == PV_SET || a[0].t == PV_RANGE ||
                         (a[0].t == PV_OBJ && py_class_lookup(pv_as_obj(a[0])->cls, py_s(I, "__iter__"), NULL));
    if (iterable) {
        py_val *items;
        int32_t cnt;
        if (py_iterate(I, a[0], &items, &cnt)) return -1;
        py_val t = pv_seq(I, PV_TUPLE, cnt);
        if (t.t == PV_UNBOUND) return py_nomem(I);
        if (cnt) memcpy(pv_as_seq(t)->v, items, (size_t)cnt * sizeof(py_val));
        *out = t;
        return 0;
    }
    py_val t = pv_seq(I, PV_TUPLE, k);
    if (t.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t j = 0; j < k; j++) pv_as_seq(t)->v[j] = a[0];
    *out = t;
    return 0;
}

/* torch.split(x, n, dim) / torch.chunk(x, k, dim): the methods with the tensor first */
static int t_split_fn(ARGS) {
    (void)self;
    if (n < 1 || a[0].t != PV_TENSOR)
        return py_raise(I, "TypeError", "%s(): argument 'input' (position 1) must be Tensor, not %s", I->callee->name,
                        n ? py_type_name(&a[0]) : "NoneType");
    return tensor_chunk(I, a[0], a + 1, n - 1, kw, kwv, n_kw, out);
}

static int t_false(ARGS) { UNUSED; (void)I; (void)a; (void)n; *out = pv_bool(0); return 0; }
static int t_none(ARGS) { UNUSED; (void)I; (void)a; (void)n; *out = pv_none(); return 0; }
static int t_zero(ARGS) { UNUSED; (void)I; (void)a; (void)n; *out = pv_int(0); return 0; }
static int t_first(ARGS) { UNUSED; (void)I; *out = n ? a[0] : pv_none(); return 0; }
/* nn.init.X(tensor, ...): values only, so the tensor itself; on None (a layer built with
 * bias=False) the first method the initialiser calls fails, as in PyTorch. */
static int t_init(ARGS) {
    UNUSED;
    py_val tensor = n ? a[0] : pv_unbound();
    for (int32_t k = 0; k < n_kw && !n; k++)   /* nn.init.normal_(tensor=w, mean=0.0, std=0.1) */
        if (!strcmp(py_sym_name(I->syms, kw[k]), "tensor")) tensor = kwv[k];
    if (tensor.t == PV_UNBOUND) {   /* the deprecated nn.init.normal calls normal_(*args, **kwargs) */
        const char *fn = I->callee->name;
        return py_raise(I, "TypeError", "%s%s() missing 1 required positional argument: 'tensor'", fn,
                        fn[strlen(fn) - 1] == '_' ? "" : "_");
    }
    if (tensor.t == PV_NONE) {
        const char *fn = I->callee->name;
        static const struct { const char *fn, *attr; } first[] = {
            {"constant_", "fill_"}, {"zeros_", "zero_"}, {"ones_", "fill_"}, {"normal_", "normal_"}, {"uniform_", "uniform_"},
            {"kaiming_normal_", "shape"}, {"kaiming_uniform_", "shape"}, {"xavier_uniform_", "dim"}, {"xavier_normal_", "dim"},
            {"trunc_normal_", "uniform_"}, {"orthogonal_", "ndimension"}, {"eye_", "ndimension"}, {"dirac_", "ndimension"},
            {"sparse_", "ndimension"}};
        for (size_t k = 0; k < sizeof first / sizeof first[0]; k++)
            if (!strcmp(fn, first[k].fn)) return py_raise(I, "AttributeError", "'NoneType' object has no attribute '%s'", first[k].attr);
        return py_unsupported(I, "cnnc cannot follow nn.init.%s of None", fn);
    }
    *out = tensor;
    return 0;
}
/* nn.init._calculate_fan_in_and_fan_out(tensor): (size(1) * receptive field, size(0) * receptive field) */
static int t_fan_in_out(ARGS) {
    UNUSED;
    if (n != 1 || n_kw) return py_unsupported(I, "cnnc cannot follow this call of _calculate_fan_in_and_fan_out()");
    if (a[0].t != PV_TENSOR) return py_raise(I, "AttributeError", "'%s' object has no attribute 'dim'", py_type_name(&a[0]));
    const cnnc_shape *s = &pv_as_tensor(a[0])->shape;
    if (s->ndim < 2)
        return py_raise(I, "ValueError", "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
    int64_t field = 1;
    for (int32_t d = 2; d < s->ndim; d++) field *= s->d[d];
    *out = pv_seq(I, PV_TUPLE, 2);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    pv_as_seq(*out)->v[0] = pv_int(s->d[1] * field);
    pv_as_seq(*out)->v[1] = pv_int(s->d[0] * field);
    return 0;
}

int py_is_cuda_device(py_val v) {
    if (v.t == PV_INT && !v.big) return 1;   /* .to(0), .cuda(0): CUDA device 0 */
    if (v.t != PV_STR) return 0;
    const py_str *s = pv_as_str(v);
    return s->len >= 4 && !memcmp(s->s, "cuda", 4);
}

/* Raised as the forward's error (a shape error's status), as torch_raise_shape does. */
int py_raise_no_cuda(interp *I) { return torch_raise_shape(I, "AssertionError", "Torch not compiled with CUDA enabled"); }

/* float64, float16 and bfloat16 tensors meet float32 layers with dtype errors cnnc does not
 * model (it follows float32 values): refused where a tensor is made or moved to one */
static int refuse_wide_dtype(interp *I, py_val v) {
    if (v.t != PV_DTYPE) return 0;
    const char *d = (const char *)v.u.p;
    if (!strcmp(d, "float64") || !strcmp(d, "double") || !strcmp(d, "float16") || !strcmp(d, "half") || !strcmp(d, "bfloat16"))
        return py_unsupported(I, "cnnc follows float32 tensors, not torch.%s ones (PyTorch checks the dtypes that meet)", d);
    if (!strcmp(d, "complex128")) return py_unsupported(I, "cnnc follows complex64 tensors, not torch.complex128 ones");
    return 0;
}

int py_refuse_cuda_args(interp *I, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw) {
    for (int32_t k = 0; k < n; k++) {
        if (py_is_cuda_device(a[k])) return py_raise_no_cuda(I);
        if (refuse_wide_dtype(I, a[k])) return -1;
    }
    for (int32_t k = 0; k < n_kw; k++) {
        const char *nm = py_sym_name(I->syms, kw[k]);
        if (!strcmp(nm, "device") && py_is_cuda_device(kwv[k])) return py_raise_no_cuda(I);
        if (!strcmp(nm, "dtype") && refuse_wide_dtype(I, kwv[k])) return -1;
    }
    return 0;
}

/* torch.cuda.FloatTensor(...) without CUDA */
static int t_cuda_tensor_type(ARGS) {
    UNUSED;
    (void)a; (void)n; (void)out;
    return py_raise(I, "TypeError", "type torch.cuda.%s not available. Torch not compiled with CUDA enabled.", I->callee->name);
}

/* torch.device(type, index=None): its text ("cpu", "cuda", "cuda:1"); a CUDA device can be
 * named without CUDA, only moving to it fails. */
static int t_device(ARGS) {
    UNUSED;
    if (n >= 1 && a[0].t == PV_STR) {
        if (n == 2 && a[1].t == PV_INT) {
            char buf[64];
            snprintf(buf, sizeof buf, "%.40s:%lld", pv_as_str(a[0])->s, (long long)a[1].u.i);
            *out = pv_cstr(I, buf);
        } else {
            *out = a[0];
        }
        return 0;
    }
    if (n >= 1 && a[0].t == PV_INT) {
        char buf[32];
        snprintf(buf, sizeof buf, "cuda:%lld", (long long)a[0].u.i);
        *out = pv_cstr(I, buf);
        return 0;
    }
    *out = pv_cstr(I, "cpu");
    return 0;
}
static int t_calc_gain(ARGS) {
    UNUSED;
    const char *nl = n && a[0].t == PV_STR ? pv_as_str(a[0])->s : "linear";
    double g = 1.0;
    if (!strcmp(nl, "relu")) g = sqrt(2.0);
    else if (!strcmp(nl, "tanh")) g = 5.0 / 3.0;
    else if (!strcmp(nl, "leaky_relu")) {
        double s = n > 1 && pv_is_num(a[1]) ? (a[1].t == PV_FLOAT ? a[1].u.f : (double)a[1].u.i) : 0.01;
        g = sqrt(2.0 / (1 + s * s));
    } else if (!strcmp(nl, "selu")) g = 0.75;
    *out = pv_float(g);
    (void)I;
    return 0;
}

/* torch.no_grad() and other context managers: an object `with` accepts */
/* torch.no_grad(): a context manager (with torch.no_grad(): ...) that is also a decorator
 * (@torch.no_grad() def f ...): calling it with a function gives the function back (t_first). */
/* the context torch.no_grad() / enable_grad() makes: its data2 the grad mode (1 no grad, 2 grad);
 * applied to a function (@torch.no_grad()), that function, which then runs in the mode */
static int t_grad_context(ARGS) {
    UNUSED;
    if (n == 1 && a[0].t == PV_FUNC) ((py_func *)a[0].u.p)->grad_mode = I->callee->data2;
    *out = n ? a[0] : pv_none();
    return 0;
}

int py_grad_mode_of(py_val v) {
    return v.t == PV_BUILTIN && ((const py_builtin *)v.u.p)->fn == t_grad_context ? ((const py_builtin *)v.u.p)->data2 : 0;
}

static int t_context(ARGS) {
    UNUSED;
    const int mode = strcmp(I->callee->name, "enable_grad") ? 1 : 2;
    if (n == 1 && a[0].t == PV_FUNC) {   /* @torch.no_grad without the call */
        ((py_func *)a[0].u.p)->grad_mode = mode;
        *out = a[0];
        return 0;
    }
    *out = pv_builtin(I, I->callee->name, t_grad_context, pv_unbound(), NULL, mode);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}
/* torch.utils.checkpoint.checkpoint(function, *args, use_reentrant=..., ...): function(*args) */
static int t_checkpoint(ARGS) {
    (void)self; (void)kw; (void)kwv; (void)n_kw;
    if (n < 1) return py_raise(I, "TypeError", "checkpoint() missing 1 required positional argument: 'function'");
    return py_call(I, a[0], a + 1, n - 1, NULL, NULL, 0, out);
}

/* torch.optim.X(params, ...) in a constructor (self.optimizer = Adam(self.parameters(), lr=1e-3)):
 * an object of class X, with PyTorch's own checks on its params (an empty list, a tensor).
 * Nothing else about it matters to shapes; a negative learning rate is refused. */
static int optim_init(ARGS) {
    UNUSED;
    if (n < 1 || a[0].t != PV_OBJ) return py_raise(I, "TypeError", "__init__ needs an object");
    const char *cls = pv_as_obj(a[0])->cls->name;
    py_val params = n > 1 ? a[1] : pv_unbound();
    for (int32_t k = 0; k < n_kw; k++)
        if (!strcmp(py_sym_name(I->syms, kw[k]), "params")) params = kwv[k];
    if (params.t == PV_UNBOUND) return py_unsupported(I, "cnnc cannot follow %s() without its params", cls);
    if (params.t == PV_TENSOR)
        return py_raise(I, "TypeError", "params argument given to the optimizer should be an iterable of Tensors or dicts, "
                                        "but got torch.FloatTensor");
    if (params.t != PV_LIST && params.t != PV_TUPLE && params.t != PV_ITER)
        return py_unsupported(I, "cnnc cannot follow %s() of a %s", cls, py_type_name(&params));
    py_val *items;
    int32_t n_params;
    if (py_iterate(I, params, &items, &n_params)) return -1;
    if (n_params == 0) return py_raise(I, "ValueError", "optimizer got an empty parameter list");
    py_val lr = n > 2 ? a[2] : pv_unbound();
    for (int32_t k = 0; k < n_kw; k++)
        if (!strcmp(py_sym_name(I->syms, kw[k]), "lr")) lr = kwv[k];
    if ((lr.t == PV_INT && lr.u.i < 0) || (lr.t == PV_FLOAT && lr.u.f < 0))
        return py_unsupported(I, "cnnc cannot follow %s() with a negative learning rate", cls);
    *out = pv_none();
    return 0;
}

/* an optimizer's zero_grad() and step(): gradients and values, nothing of shapes; its other
 * methods are refused by name */
static int optim_method(ARGS) {
    UNUSED;
    (void)a;
    const char *fn = I->callee->name;
    if ((!strcmp(fn, "zero_grad") || !strcmp(fn, "step")) && n == 1) { *out = pv_none(); return 0; }
    return py_unsupported(I, "cnnc cannot follow Optimizer.%s (cnnc follows forward passes, not training steps)", fn);
}

static int optim_getattr(interp *I, py_module_ns *m, py_sym name, py_val *out) {
    static const char *const optimizers[] = {"SGD", "Adam", "AdamW", "Adamax", "Adagrad", "Adadelta", "RMSprop",
                                             "Rprop", "ASGD", "NAdam", "RAdam"};
    const char *nm = py_sym_name(I->syms, name);
    for (size_t k = 0; k < sizeof optimizers / sizeof optimizers[0]; k++) {
        if (strcmp(nm, optimizers[k])) continue;
        py_class *c = py_class_new(I, optimizers[k], PB_OBJECT, NULL);
        if (!c) return py_nomem(I);
        c->module = "torch.optim";
        py_val init = pv_builtin(I, "__init__", optim_init, pv_unbound(), NULL, 1);
        if (init.t == PV_UNBOUND || py_attrs_set(I, &c->dict, I->s_init, init)) return py_nomem(I);
        static const char *const methods[] = {"zero_grad", "step", "state_dict", "load_state_dict", "add_param_group"};
        for (size_t j = 0; j < sizeof methods / sizeof methods[0]; j++) {
            py_val f = pv_builtin(I, methods[j], optim_method, pv_unbound(), NULL, 1);
            if (f.t == PV_UNBOUND || py_attrs_set(I, &c->dict, py_s(I, methods[j]), f)) return py_nomem(I);
        }
        *out = pv_ptr(PV_CLASS, c);
        return py_module_set(I, m, optimizers[k], *out);
    }
    return 1;
}

static int torch_fn_inplace_variant(ARGS);

static int torch_getattr(interp *I, py_module_ns *m, py_sym name, py_val *out) {
    const char *nm = py_sym_name(I->syms, name);
    if (m == I->m_torch && !strcmp(nm, "distributions")) {
        py_module_ns *d = py_torch_distributions(I);
        if (!d) return -1;
        *out = pv_ptr(PV_MODULE, d);
        return 0;
    }
    if (m == I->m_torch && !strcmp(nm, "__version__"))   /* a branch on the version: which one, cnnc does not say */
        return py_unsupported(I, "cnnc cannot follow torch.__version__ (code that depends on PyTorch's version)");
    if (m == I->m_torch && !strcmp(nm, "quantization")) {
        py_module_ns *q = py_torch_quantization(I);
        if (!q) return -1;
        *out = pv_ptr(PV_MODULE, q);
        return 0;
    }
    unsigned where = !strcmp(m->name, "torch.nn.functional") ? CNNC_FN_NN_F : CNNC_FN_TORCH;
    const cnnc_layer_def *def = torch_functional_def(nm, where);
    const size_t nm_len = strlen(nm);
    if (!def && where == CNNC_FN_NN_F && nm_len > 1 && nm_len < 64 && nm[nm_len - 1] == '_') {
        /* F.relu_, F.elu_, F.leaky_relu_ ...: the function with inplace=True */
        char base[64];
        memcpy(base, nm, nm_len - 1);
        base[nm_len - 1] = '\0';
        const cnnc_layer_def *d = torch_functional_def(base, where);
        if (d && d->functional && strstr(d->functional, "inplace=")) {
            *out = pv_builtin(I, nm, torch_fn_inplace_variant, pv_unbound(), d, 0);
            return out->t == PV_UNBOUND ? py_nomem(I) : 0;
        }
    }
    if (!def && where == CNNC_FN_NN_F && !strncmp(nm, "upsample", 8)) {
        /* F.upsample, F.upsample_nearest, F.upsample_bilinear: deprecated spellings of F.interpolate */
        if (!strcmp(nm, "upsample")) def = torch_functional_def("interpolate", where);
        else if (!strcmp(nm, "upsample_nearest") || !strcmp(nm, "upsample_bilinear"))
            return py_unsupported(I, "cnnc cannot follow F.%s (a deprecated spelling of F.interpolate: use that)", nm);
    }
    if (!def && where == CNNC_FN_TORCH && (!strcmp(nm, "concat") || !strcmp(nm, "concatenate")))
        def = torch_functional_def("cat", where);   /* aliases */
    if (!def && where == CNNC_FN_TORCH && torch_is_const_unary(nm)) {
        *out = pv_builtin(I, nm, torch_const_unary, pv_unbound(), NULL, 0);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    if (!def && where == CNNC_FN_TORCH && torch_is_const_binary(nm)) {
        *out = pv_builtin(I, nm, torch_const_binary, pv_unbound(), NULL, 0);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    if (!def && (where == CNNC_FN_NN_F || !strcmp(nm, "cosine_similarity"))) {
        const int lr = torch_loss_function(I, nm, out);
        if (lr <= 0) return lr;
    }
    if (!def && where == CNNC_FN_NN_F && (!strcmp(nm, "multi_head_attention_forward") || !strcmp(nm, "celu")))
        return py_nn_python_class(I, nm, out);   /* written in Python beside nn.MultiheadAttention, nn.CELU */
    if (def) {
        static const char *const dispatched[] = {"max_pool1d", "max_pool2d", "max_pool3d", "adaptive_max_pool1d", "adaptive_max_pool2d"};
        /* F's functions that are torch's own C++ builtins (torch/nn/functional.py, 1.13) */
        static const char *const cpp_f[] = {"avg_pool1d", "avg_pool2d", "avg_pool3d", "adaptive_avg_pool1d", "pad",
                                            "pixel_shuffle", "pixel_unshuffle", "softplus", "hardshrink", "gelu",
                                            "logsigmoid"};
        int flag = where == CNNC_FN_TORCH ? TORCH_FN_CPP_OVERLOADED : 0;
        for (size_t k = 0; where == CNNC_FN_NN_F && k < sizeof dispatched / sizeof dispatched[0]; k++)
            if (!strcmp(nm, dispatched[k])) flag = TORCH_FN_BOOL_DISPATCH;
        for (size_t k = 0; where == CNNC_FN_NN_F && k < sizeof cpp_f / sizeof cpp_f[0]; k++)
            if (!strcmp(nm, cpp_f[k])) flag = TORCH_FN_CPP;
        *out = pv_builtin(I, nm, torch_fn_native, pv_unbound(), def, flag);
        return out->t == PV_UNBOUND ? py_nomem(I) : 0;
    }
    return 1;
}

/* F.relu_(x, ...): F.relu(x, ..., inplace=True) */
static int torch_fn_inplace_variant(ARGS) {
    for (int32_t k = 0; k < n_kw; k++)
        if (!strcmp(py_sym_name(I->syms, kw[k]), "inplace"))
            return py_raise(I, "TypeError", "%s() got an unexpected keyword argument 'inplace'", I->callee->name);
    py_sym *k2 = (py_sym *)py_alloc(I->arena, (size_t)(n_kw + 1) * sizeof *k2);
    py_val *v2 = (py_val *)py_alloc(I->arena, (size_t)(n_kw + 1) * sizeof *v2);
    if (!k2 || !v2) return py_nomem(I);
    if (n_kw) {
        memcpy(k2, kw, (size_t)n_kw * sizeof *k2);
        memcpy(v2, kwv, (size_t)n_kw * sizeof *v2);
    }
    k2[n_kw] = py_s(I, "inplace");
    v2[n_kw] = pv_bool(1);
    return torch_fn_native(I, self, a, n, k2, v2, n_kw + 1, out);
}

/* torch._jit_internal: the typing names that TorchScript-era code annotates with
 * (torch._jit_internal.Optional[torch.Tensor], copied from nn.MultiheadAttention) */
static int jit_internal_getattr(interp *I, py_module_ns *m, py_sym name, py_val *out) {
    (void)m;
    const char *nm = py_sym_name(I->syms, name);
    static const char *const typing_names[] = {"Any", "Dict", "Final", "List", "Optional", "Tuple", "Union"};
    for (size_t k = 0; k < sizeof typing_names / sizeof typing_names[0]; k++)
        if (!strcmp(nm, typing_names[k])) return py_getattr(I, pv_ptr(PV_MODULE, I->m_typing), name, out);
    if (nm[0] == '_' && nm[1] == '_') return 1;
    return py_unsupported(I, "cnnc cannot follow torch._jit_internal.%s", nm);
}

static int torch_functional_getattr(interp *I, py_module_ns *m, py_sym name, py_val *out) {
    (void)m;
    const char *nm = py_sym_name(I->syms, name);
    static const char *const exported[] = {"atleast_1d", "atleast_2d", "atleast_3d", "align_tensors", "broadcast_shapes",
                                           "broadcast_tensors", "cartesian_prod", "block_diag", "cdist", "chain_matmul", "einsum",
                                           "istft", "lu", "norm", "meshgrid", "pca_lowrank", "split", "stft", "svd_lowrank",
                                           "tensordot", "unique", "unique_consecutive", "Tensor"};
    for (size_t k = 0; k < sizeof exported / sizeof exported[0]; k++)
        if (!strcmp(nm, exported[k])) return py_getattr(I, pv_ptr(PV_MODULE, I->m_torch), name, out);
    if (!strcmp(nm, "F")) { *out = pv_ptr(PV_MODULE, I->m_f); return 0; }
    if (!strcmp(nm, "torch")) { *out = pv_ptr(PV_MODULE, I->m_torch); return 0; }
    static const char *const typing_names[] = {"Any", "List", "Optional", "Sequence", "Tuple", "Union"};
    for (size_t k = 0; k < sizeof typing_names / sizeof typing_names[0]; k++)
        if (!strcmp(nm, typing_names[k])) return py_getattr(I, pv_ptr(PV_MODULE, I->m_typing), name, out);
    static const char *const internal[] = {"TYPE_CHECKING", "_VF", "_add_docstr", "boolean_dispatch", "handle_torch_function",
                                           "has_torch_function", "has_torch_function_unary", "has_torch_function_variadic",
                                           "opt_einsum", "overload", "_ListOrSeq", "_meshgrid", "_lu_impl", "_unique_impl"};
    for (size_t k = 0; k < sizeof internal / sizeof internal[0]; k++)
        if (!strcmp(nm, internal[k])) return py_unsupported(I, "cnnc cannot follow torch.functional.%s", nm);
    if (nm[0] == '_' && nm[1] == '_') return 1;   /* __name__ and kin: the generic module attributes */
    if (nm[0] == '_') return py_unsupported(I, "cnnc cannot follow torch.functional.%s", nm);
    return py_raise(I, "AttributeError", "module 'torch.functional' has no attribute '%s'", nm);
}

/* torch.reshape(input, shape), torch.squeeze(input, dim), torch.unsqueeze(input, dim):
 * the Tensor methods of the same names on input. */
static int torch_as_method(ARGS) {
    (void)self;
    const char *fn = I->callee->name;
    if (n < 1 || a[0].t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow this call of torch.%s", fn);
    py_val m;
    if (py_tensor_getattr(I, a[0], py_s(I, fn), &m)) return -1;
    return py_call(I, m, a + 1, n - 1, kw, kwv, n_kw, out);
}

/* No-op methods of the ctx a torch.autograd.Function's forward receives. */
static int ctx_noop(ARGS) { UNUSED; (void)I; (void)a; (void)n; *out = pv_none(); return 0; }

/* Function.apply(*args) on a subclass: its forward(ctx, *args), traced as it
 * computes; the nodes it makes are marked, since their gradient is the user's backward. */
static int autograd_apply(ARGS) {
    (void)self;
    if (n < 1 || a[0].t != PV_CLASS) return py_unsupported(I, "cnnc cannot follow Function.apply without its class");
    py_val fwd;
    if (py_getattr(I, a[0], py_s(I, "forward"), &fwd)) return -1;
    /* apply calls cls.forward(ctx, *args) whatever forward is: a staticmethod, a
     * classmethod (bound to the class), or a plain def whose self is the ctx */
    if (fwd.t != PV_FUNC && fwd.t != PV_BOUND)
        return py_unsupported(I, "cnnc cannot follow %s.apply (its forward is a %s)", ((py_class *)a[0].u.p)->name,
                              py_type_name(&fwd));
    py_obj *ctx = (py_obj *)py_alloc(I->arena, sizeof *ctx);
    if (!ctx) return py_nomem(I);
    ctx->cls = I->c_autograd_ctx;
    py_val *args = (py_val *)py_alloc(I->arena, (size_t)n * sizeof *args);
    if (!args) return py_nomem(I);
    args[0] = pv_ptr(PV_OBJ, ctx);
    for (int32_t k = 1; k < n; k++) args[k] = a[k];
    const int32_t first = I->g.n;
    if (py_call(I, fwd, args, n, kw, kwv, n_kw, out)) return -1;
    for (int32_t k = first; k < I->g.n; k++) I->g.nodes[k].node_flags |= CNNC_NODE_CUSTOM_BACKWARD;
    return 0;
}

/* Function.__call__: 1.13 no longer runs a legacy (instance-called) Function. */
static int autograd_legacy_call(ARGS) {
    UNUSED;
    (void)a; (void)n; (void)out;
    return py_raise(I, "RuntimeError",
                    "Legacy autograd function with non-static forward method is deprecated. Please use new-style "
                    "autograd function with static forward method. (Example: "
                    "https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)");
}

/* Function(*args, **kwargs): 1.13 takes anything (and warns); XNOR code calls BinWeight(self.weight)
 * for its effect, which a Function instance never runs */
static int autograd_function_init(ARGS) {
    UNUSED;
    (void)I; (void)a; (void)n;
    *out = pv_none();
    return 0;
}

/* InplaceFunction(inplace=False): a Function that records inplace */
static int autograd_inplace_init(ARGS) {
    UNUSED;
    if (n > 2) return py_raise(I, "TypeError", "InplaceFunction.__init__() takes from 1 to 2 positional arguments but %d were given", (int)n);
    py_val inplace = n == 2 ? a[1] : pv_bool(0);
    for (int32_t k = 0; k < n_kw; k++) {
        if (strcmp(py_sym_name(I->syms, kw[k]), "inplace"))
            return py_raise(I, "TypeError", "InplaceFunction.__init__() got an unexpected keyword argument '%s'", py_sym_name(I->syms, kw[k]));
        if (n == 2) return py_raise(I, "TypeError", "InplaceFunction.__init__() got multiple values for argument 'inplace'");
        inplace = kwv[k];
    }
    *out = pv_none();
    return n >= 1 && a[0].t == PV_OBJ ? py_attrs_set(I, &pv_as_obj(a[0])->attrs, py_s(I, "inplace"), inplace) : 0;
}

/* torch.autograd.Function, and the class of its forward's ctx. */
static int define_autograd_function(interp *I) {
    py_class *ctx = py_class_new(I, "BackwardCFunction", PB_OBJECT, NULL);
    if (!ctx) return py_nomem(I);
    static const char *const ctx_methods[] = {"save_for_backward", "mark_dirty", "mark_non_differentiable",
                                              "set_materialize_grads", "save_for_forward"};
    for (size_t k = 0; k < sizeof ctx_methods / sizeof ctx_methods[0]; k++) {
        py_val m = pv_builtin(I, ctx_methods[k], ctx_noop, pv_unbound(), NULL, 1);
        if (m.t == PV_UNBOUND || py_attrs_set(I, &ctx->dict, py_s(I, ctx_methods[k]), m)) return py_nomem(I);
    }
    I->c_autograd_ctx = ctx;
    py_class *fn = py_class_new(I, "Function", PB_OBJECT, NULL);
    py_val *cm = (py_val *)py_alloc(I->arena, 2 * sizeof *cm);
    if (!fn || !cm) return py_nomem(I);
    fn->module = "torch.autograd";
    cm[0] = pv_builtin(I, "apply", autograd_apply, pv_unbound(), NULL, 0);
    cm[1] = pv_unbound();
    if (cm[0].t == PV_UNBOUND || py_attrs_set(I, &fn->dict, py_s(I, "apply"), pv_ptr(PV_CLASSMETHOD, cm))) return py_nomem(I);
    py_val legacy = pv_builtin(I, "__call__", autograd_legacy_call, pv_unbound(), NULL, 1);
    py_val init = pv_builtin(I, "__init__", autograd_function_init, pv_unbound(), NULL, 1);
    if (legacy.t == PV_UNBOUND || init.t == PV_UNBOUND || py_attrs_set(I, &fn->dict, I->s_call, legacy) ||
        py_attrs_set(I, &fn->dict, I->s_init, init))
        return py_nomem(I);
    /* torch.autograd.function.InplaceFunction, which binarized-net code derives from */
    py_class *inplace = py_class_new(I, "InplaceFunction", PB_OBJECT, fn);
    py_val iinit = pv_builtin(I, "__init__", autograd_inplace_init, pv_unbound(), NULL, 1);
    if (!inplace || iinit.t == PV_UNBOUND) return py_nomem(I);
    inplace->module = "torch.autograd.function";
    if (py_attrs_set(I, &inplace->dict, I->s_init, iinit) ||
        py_module_set(I, I->m_torch_utils, "InplaceFunction", pv_ptr(PV_CLASS, inplace)))
        return -1;
    return py_module_set(I, I->m_torch_utils, "Function", pv_ptr(PV_CLASS, fn));
}

static int def_fn(interp *I, py_module_ns *m, const char *name, py_native fn) {
    py_val v = pv_builtin(I, name, fn, pv_unbound(), NULL, 0);
    if (v.t == PV_UNBOUND) return py_nomem(I);
    return py_module_set(I, m, name, v);
}

int py_torch_init(interp *I) {
    if (!(I->m_torch = py_module_new(I, "torch")) || !(I->m_f = py_module_new(I, "torch.nn.functional")) ||
        !(I->m_init = py_module_new(I, "torch.nn.init")) || !(I->m_torch_utils = py_module_new(I, "torch.utils")))
        return py_nomem(I);
    I->m_torch->getattr = torch_getattr;
    I->m_f->getattr = torch_getattr;
    py_module_ns *T = I->m_torch;
    /* an alias is its dtype under another name (torch.long is torch.int64, and prints so) */
    static const char *const dtypes[][2] = {{"float32", "float32"}, {"float", "float32"}, {"float64", "float64"},
                                            {"double", "float64"}, {"float16", "float16"}, {"half", "float16"},
                                            {"bfloat16", "bfloat16"}, {"int64", "int64"}, {"long", "int64"},
                                            {"int32", "int32"}, {"int", "int32"}, {"uint8", "uint8"}, {"bool", "bool"}};
    for (size_t k = 0; k < sizeof dtypes / sizeof dtypes[0]; k++)
        if (py_module_set(I, T, dtypes[k][0], pv_ptr(PV_DTYPE, (void *)dtypes[k][1]))) return -1;
    static const char *const complex_dtypes[][2] = {{"cfloat", "complex64"}, {"complex64", "complex64"},
                                                    {"cdouble", "complex128"}, {"complex128", "complex128"}};
    for (size_t k = 0; k < sizeof complex_dtypes / sizeof complex_dtypes[0]; k++)
        if (py_module_set(I, T, complex_dtypes[k][0], pv_ptr(PV_DTYPE, (void *)complex_dtypes[k][1]))) return -1;
    static const char *const factories[] = {"zeros", "ones", "randn", "rand", "empty"};
    for (size_t k = 0; k < sizeof factories / sizeof factories[0]; k++)
        if (def_fn(I, T, factories[k], t_factory)) return -1;
    for (size_t k = 0; k < sizeof compare_ops / sizeof compare_ops[0]; k++)
        if (def_fn(I, T, compare_ops[k].name, torch_compare)) return -1;
    if (def_fn(I, T, "Tensor", t_legacy) || def_fn(I, T, "FloatTensor", t_legacy) || def_fn(I, T, "pow", torch_pow) || def_fn(I, T, "get_rng_state", t_get_rng_state) ||
        def_fn(I, T, "set_rng_state", t_set_rng_state) || def_fn(I, T, "LongTensor", t_legacy_int) ||
        def_fn(I, T, "IntTensor", t_legacy_int) || def_fn(I, T, "Size", t_size) || def_fn(I, T, "dtype", t_dtype_type) || def_fn(I, T, "from_numpy", builtin_from_numpy) ||
        def_fn(I, T, "full", t_full) || def_fn(I, T, "randperm", t_randperm) || def_fn(I, T, "randint", t_randint) || def_fn(I, T, "hann_window", t_window) || def_fn(I, T, "hamming_window", t_window) || def_fn(I, T, "blackman_window", t_window) || def_fn(I, T, "bartlett_window", t_window) || def_fn(I, T, "kaiser_window", t_window) || def_fn(I, T, "sort", torch_sort) || def_fn(I, T, "argsort", torch_argsort) || def_fn(I, T, "diagonal", torch_diagonal) || def_fn(I, T, "diag_embed", torch_diag_embed) || def_fn(I, T, "block_diag", torch_block_diag) || def_fn(I, T, "cumprod", torch_cumprod) || def_fn(I, T, "load", t_load) || def_fn(I, T, "diag", torch_diag) || def_fn(I, T, "eye", t_eye) || def_fn(I, T, "triu", torch_triangle) || def_fn(I, T, "tril", torch_triangle) ||
        def_fn(I, T, "addcmul", torch_addc) || def_fn(I, T, "addcdiv", torch_addc))
        return -1;
    static const char *const likes[] = {"zeros_like", "ones_like", "randn_like", "rand_like", "empty_like", "full_like"};
    for (size_t k = 0; k < sizeof likes / sizeof likes[0]; k++)
        if (def_fn(I, T, likes[k], t_like)) return -1;
    if (def_fn(I, T, "split", t_split_fn) || def_fn(I, T, "chunk", t_split_fn) || def_fn(I, T, "max", torch_extremum) ||
        def_fn(I, T, "min", torch_extremum) || def_fn(I, T, "stack", torch_stack) || def_fn(I, T, "argmax", torch_argextremum) ||
        def_fn(I, T, "argmin", torch_argextremum) || def_fn(I, T, "square", torch_pow_alias) ||
        def_fn(I, T, "rsqrt", torch_pow_alias) || def_fn(I, T, "neg", torch_pow_alias) || def_fn(I, T, "negative", torch_pow_alias) ||
        def_fn(I, T, "norm", torch_norm) || def_fn(I, T, "reshape", torch_as_method) ||
        def_fn(I, T, "squeeze", torch_as_method) || def_fn(I, T, "unsqueeze", torch_as_method) || def_fn(I, T, "outer", torch_as_method) || def_fn(I, T, "bernoulli", torch_bernoulli) ||
        def_fn(I, T, "isnan", torch_isnan_like) || def_fn(I, T, "isinf", torch_isnan_like) || def_fn(I, T, "isfinite", torch_isnan_like) ||
        def_fn(I, T, "isneginf", torch_isnan_like) || def_fn(I, T, "isposinf", torch_isnan_like) || def_fn(I, T, "any", torch_any_all) ||
        def_fn(I, T, "all", torch_any_all) || def_fn(I, T, "ger", torch_as_method) ||
        def_fn(I, T, "t", torch_as_method) || def_fn(I, T, "swapaxes", torch_as_method) || def_fn(I, T, "swapdims", torch_as_method) ||
        def_fn(I, T, "masked_fill", torch_as_method) || def_fn(I, T, "unbind", torch_as_method) || def_fn(I, T, "roll", torch_roll) ||
        def_fn(I, T, "floor", torch_round) || def_fn(I, T, "ceil", torch_round) || def_fn(I, T, "round", torch_round) ||
        def_fn(I, T, "trunc", torch_round) || def_fn(I, T, "fix", torch_round) || def_fn(I, T, "var", torch_moment) ||
        def_fn(I, T, "std", torch_moment) || def_fn(I, T, "std_mean", torch_moment) || def_fn(I, T, "var_mean", torch_moment) || def_fn(I, T, "renorm", torch_renorm) || def_fn(I, T, "pairwise_distance", torch_pairwise_distance) ||
        def_fn(I, I->m_f, "normalize", torch_normalize) || def_fn(I, I->m_f, "max_unpool2d", torch_max_unpool2d) || def_fn(I, I->m_f, "conv2d", torch_f_conv2d) || def_fn(I, I->m_f, "conv1d", torch_f_conv1d) || def_fn(I, I->m_f, "conv_transpose2d", torch_f_conv_transpose2d) || def_fn(I, I->m_f, "linear", torch_f_linear) || def_fn(I, I->m_f, "batch_norm", torch_f_batch_norm) ||
        def_fn(I, T, "conv2d", torch_f_conv2d) || def_fn(I, T, "conv1d", torch_f_conv1d) || def_fn(I, T, "conv_transpose2d", torch_f_conv_transpose2d) || def_fn(I, T, "tensor", torch_tensor_data) || def_fn(I, T, "as_tensor", torch_as_tensor) || def_fn(I, T, "arange", torch_arange) || def_fn(I, T, "linspace", torch_linspace) || def_fn(I, T, "normal", torch_normal) || def_fn(I, I->m_f, "pairwise_distance", torch_pairwise_distance) ||
        def_fn(I, T, "index_select", torch_index_select) || def_fn(I, T, "gather", torch_gather) || def_fn(I, T, "scatter", torch_scatter) ||
        def_fn(I, T, "scatter_add", torch_scatter) || def_fn(I, I->m_f, "one_hot", torch_one_hot) ||
        def_fn(I, I->m_f, "mse_loss", torch_f_loss) || def_fn(I, I->m_f, "l1_loss", torch_f_loss) ||
        def_fn(I, T, "einsum", torch_einsum) || def_fn(I, T, "range", torch_range) ||
        def_fn(I, T, "meshgrid", torch_meshgrid) || def_fn(I, T, "repeat_interleave", torch_repeat_interleave) ||
        def_fn(I, I->m_f, "grid_sample", torch_grid_sample) || def_fn(I, I->m_f, "affine_grid", torch_affine_grid) ||
        def_fn(I, T, "where", torch_where) || def_fn(I, T, "lerp", torch_lerp) || def_fn(I, T, "dropout", t_dropout) ||
        def_fn(I, T, "flip", torch_flip) || def_fn(I, T, "fliplr", torch_flip_lr_ud) || def_fn(I, T, "flipud", torch_flip_lr_ud) ||
        def_fn(I, T, "rot90", torch_rot90) || def_fn(I, T, "clamp_min", torch_clamp_one) || def_fn(I, T, "vstack", torch_stack_along) || def_fn(I, T, "hstack", torch_stack_along) || def_fn(I, T, "clamp_max", torch_clamp_one) || def_fn(I, T, "topk", torch_topk) || def_fn(I, T, "prod", torch_prod) ||
        def_fn(I, I->m_f, "conv3d", torch_f_conv3d) || def_fn(I, I->m_f, "layer_norm", torch_f_layer_norm) || def_fn(I, I->m_f, "group_norm", torch_f_group_norm) || def_fn(I, I->m_f, "lp_pool2d", torch_f_lp_pool) || def_fn(I, I->m_f, "lp_pool1d", torch_f_lp_pool) || def_fn(I, T, "conv3d", torch_f_conv3d))
        return -1;
    /* torch.functional: torch/functional.py's own names (torch.norm, torch.split ... are its);
     * any other name is Python's AttributeError (`import torch.functional as F` is a bug) */
    if (!(I->m_torch_functional = py_module_new(I, "torch.functional"))) return py_nomem(I);
    I->m_torch_functional->getattr = torch_functional_getattr;
    if (py_module_set(I, T, "functional", pv_ptr(PV_MODULE, I->m_torch_functional))) return -1;
    /* torch.jit: a ScriptModule is an nn.Module; its decorators leave the function as it is */
    py_module_ns *jit = py_module_new(I, "torch.jit");
    if (!jit || !(I->c_script_module = py_class_new(I, "ScriptModule", PB_MODULE, I->c_module))) return py_nomem(I);
    I->c_script_module->module = "torch.jit._script";
    if (py_module_set(I, T, "jit", pv_ptr(PV_MODULE, jit)) ||
        py_module_set(I, jit, "ScriptModule", pv_ptr(PV_CLASS, I->c_script_module)) || def_fn(I, jit, "script_method", t_first) ||
        def_fn(I, jit, "script", t_first) || def_fn(I, jit, "ignore", t_first) || def_fn(I, jit, "unused", t_first) ||
        def_fn(I, jit, "export", t_first) || def_fn(I, jit, "is_scripting", t_false) || def_fn(I, jit, "is_tracing", t_false))
        return -1;
    py_module_ns *jit_internal = py_module_new(I, "torch._jit_internal");
    if (!jit_internal) return py_nomem(I);
    jit_internal->getattr = jit_internal_getattr;
    if (py_module_set(I, T, "_jit_internal", pv_ptr(PV_MODULE, jit_internal))) return -1;
    /* torch.nn.modules.utils: _pair and friends */
    py_module_ns *nnutils = py_module_new(I, "torch.nn.modules.utils");
    if (!nnutils || def_fn(I, nnutils, "_single", t_ntuple) || def_fn(I, nnutils, "_pair", t_ntuple) ||
        def_fn(I, nnutils, "_triple", t_ntuple) || def_fn(I, nnutils, "_quadruple", t_ntuple))
        return -1;
    I->m_nn_utils = nnutils;
    if (def_fn(I, T, "is_tensor", t_is_tensor) || def_fn(I, T, "manual_seed", t_none) || def_fn(I, T, "no_grad", t_context) ||
        def_fn(I, T, "enable_grad", t_context) || def_fn(I, T, "device", t_device) ||
        py_module_set(I, T, "nn", pv_ptr(PV_MODULE, I->m_nn)) || py_module_set(I, T, "utils", pv_ptr(PV_MODULE, I->m_torch_utils)) ||
        py_module_set(I, I->m_nn, "functional", pv_ptr(PV_MODULE, I->m_f)) ||
        py_module_set(I, I->m_nn, "init", pv_ptr(PV_MODULE, I->m_init)))
        return -1;
    if (!(I->m_optim = py_module_new(I, "torch.optim"))) return py_nomem(I);
    I->m_optim->getattr = optim_getattr;
    if (py_module_set(I, T, "optim", pv_ptr(PV_MODULE, I->m_optim))) return -1;
    py_module_ns *cuda = py_module_new(I, "torch.cuda");
    if (!cuda || def_fn(I, cuda, "is_available", t_false) || def_fn(I, cuda, "device_count", t_zero) ||
        py_module_set(I, T, "cuda", pv_ptr(PV_MODULE, cuda)))
        return -1;
    /* without a GPU these are queued for CUDA's lazy init, which never comes: no error */
    static const char *const cuda_lazy[] = {"manual_seed", "manual_seed_all", "seed", "seed_all", "empty_cache"};
    for (size_t k = 0; k < sizeof cuda_lazy / sizeof cuda_lazy[0]; k++)
        if (def_fn(I, cuda, cuda_lazy[k], t_none)) return -1;
    /* torch.cuda.FloatTensor and kin exist without CUDA (isinstance is False); building one fails */
    static const char *const cuda_types[] = {"FloatTensor", "DoubleTensor", "HalfTensor", "LongTensor", "IntTensor",
                                             "ByteTensor", "BoolTensor"};
    for (size_t k = 0; k < sizeof cuda_types / sizeof cuda_types[0]; k++) {
        py_val ty = pv_builtin(I, cuda_types[k], t_cuda_tensor_type, pv_unbound(), NULL, PY_CUDA_TENSOR_TYPE);
        if (ty.t == PV_UNBOUND || py_module_set(I, cuda, cuda_types[k], ty)) return -1;
    }
    py_val param = pv_builtin(I, "Parameter", t_param, pv_unbound(), NULL, 0);
    if (param.t == PV_UNBOUND) return py_nomem(I);
    /* nn.Parameter(tensor) makes a parameter; isinstance(x, nn.Parameter) works through the class */
    py_val pinit = pv_builtin(I, "__init__", t_param, pv_unbound(), NULL, 1);
    (void)pinit;
    if (py_module_set(I, I->m_nn, "Parameter", param)) return -1;
    /* torch.nn.parameter, the module nn.Parameter lives in (calling the module itself is Python's TypeError) */
    py_module_ns *nn_parameter = py_module_new(I, "torch.nn.parameter");
    if (!nn_parameter || py_module_set(I, nn_parameter, "Parameter", param) ||
        py_module_set(I, I->m_nn, "parameter", pv_ptr(PV_MODULE, nn_parameter)))
        return py_nomem(I);
    /* nn.init: the shapes do not change; cnnc initialises as PyTorch's reset_parameters */
    static const char *const inits[] = {"kaiming_normal_", "kaiming_uniform_", "xavier_normal_", "xavier_uniform_",
                                        "normal_", "uniform_", "constant_", "zeros_", "ones_", "orthogonal_",
                                        "trunc_normal_", "eye_", "dirac_", "sparse_", "kaiming_normal", "xavier_uniform",
                                        "xavier_normal", "kaiming_uniform", "normal", "constant", "uniform"};
    for (size_t k = 0; k < sizeof inits / sizeof inits[0]; k++)
        if (def_fn(I, I->m_init, inits[k], t_init)) return -1;
    if (def_fn(I, I->m_init, "calculate_gain", t_calc_gain) || def_fn(I, I->m_init, "_calculate_fan_in_and_fan_out", t_fan_in_out))
        return -1;
    if (define_autograd_function(I) || py_module_set(I, I->m_torch, "autograd", pv_ptr(PV_MODULE, I->m_torch_utils))) return -1;
    /* torch.utils.* that model code touches without effect on shapes */
    if (def_fn(I, I->m_torch_utils, "load_state_dict_from_url", t_none) || def_fn(I, I->m_torch_utils, "checkpoint", t_checkpoint) ||
        def_fn(I, I->m_torch_utils, "Variable", t_first))   /* torch.autograd.Variable(t) is t since PyTorch 0.4 */
        return -1;
    if (py_torch_linalg_init(I) || py_torch_complex_init(I)) return -1;
    py_module_ns *fft = py_torch_fft(I);
    return fft ? py_module_set(I, I->m_torch, "fft", pv_ptr(PV_MODULE, fft)) : -1;
}
