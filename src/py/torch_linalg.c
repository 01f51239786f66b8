/* torch_linalg.c — the linear algebra that flows and orthogonal initialisers call on
 * square weights (Glow's `torch.qr(torch.randn(c, c))[0]`, `torch.slogdet(self.w)[1]`,
 * `torch.inverse(w)`): torch.qr, slogdet, det, logdet and inverse, and torch.linalg's
 * qr, slogdet, det and inv, with ATen's checks and words on the input's shape. The
 * results are constants of the right shapes (their values are not followed); made
 * from a tensor the graph computes, they make the trace check only. */
#include "py/torch_internal.h"

#include <stdio.h>
#include <string.h>

/* The (input) argument every function here takes first, as PyTorch's binder words it. */
static int matrix_arg(interp *I, const char *fn, const char *param, const py_val *a, int32_t n, py_val *x) {
    if (n < 1 || a[0].t != PV_TENSOR)
        return py_raise(I, "TypeError", "%s(): argument '%s' (position 1) must be Tensor, not %s", fn, param,
                        n ? py_type_name(&a[0]) : "nothing");
    *x = a[0];
    return 0;
}

/* b[0..1] bound to `sig` in PyTorch's C++ binder's words for `binder`, and *x its matrix (`param`) */
static int bind_matrix(interp *I, const char *sig_text, const char *binder, const char *param, const py_val *a, int32_t n,
                       const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *b, py_val *x) {
    const py_sig *sig = py_sig_cached(I, sig_text, -1);
    if (!sig || py_bind_sig_as(I, sig, binder, 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    return matrix_arg(I, binder, param, b, 1, x);
}

/* ATen's checks of a batch of matrices (square ones where `square`), in `who`'s words. */
static int check_matrices(interp *I, const char *who, const cnnc_shape *s, int square) {
    if (s->ndim < 2) return torch_raise_shape(I, "RuntimeError", "%s: The input tensor A must have at least 2 dimensions.", who);
    if (square && s->d[s->ndim - 1] != s->d[s->ndim - 2])
        return torch_raise_shape(I, "RuntimeError", "%s: A must be batches of square matrices, but they are %lld by %lld matrices",
                                 who, (long long)s->d[s->ndim - 2], (long long)s->d[s->ndim - 1]);
    return 0;
}

/* The result a torch.return_types namedtuple holds: `t` gets its field names (lu.P, qr.Q). */
int torch_return_type(interp *I, const char *name, const char *const *fields, int32_t n, py_val t) {
    py_ntuple *nt = (py_ntuple *)py_alloc(I->arena, sizeof *nt);
    py_val f = pv_seq(I, PV_TUPLE, n);
    if (!nt || f.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < n; k++)
        if ((pv_as_seq(f)->v[k] = pv_cstr(I, fields[k])).t == PV_UNBOUND) return py_nomem(I);
    memset(nt, 0, sizeof *nt);
    nt->name = name;
    nt->new_qual = name;
    nt->fields = pv_as_seq(f);
    nt->defaults = nt->field_defaults = pv_none();
    nt->type = pv_unbound();
    pv_as_seq(t)->nt = nt;
    return 0;
}

/* A pair (Q, R) or (sign, logabsdet). */
static int pair(interp *I, py_val from, const cnnc_shape *s0, const cnnc_shape *s1, py_val *out) {
    py_val t = pv_seq(I, PV_TUPLE, 2);
    if (t.t == PV_UNBOUND) return py_nomem(I);
    if (torch_const_of(I, from, s0, 0, &pv_as_seq(t)->v[0]) || torch_const_of(I, from, s1, 0, &pv_as_seq(t)->v[1])) return -1;
    *out = t;
    return 0;
}

/* Q and R of mode 'reduced' (k = min(m, n) columns), 'complete' or 'r' (Q empty). */
static int qr_shapes(interp *I, py_val x, const char *mode, int linalg, py_val *out) {
    const cnnc_shape *s = &pv_as_tensor(x)->shape;
    if (check_matrices(I, "linalg.qr", s, 0)) return -1;
    const int64_t m = s->d[s->ndim - 2], nn = s->d[s->ndim - 1], k = m < nn ? m : nn;
    cnnc_shape q = *s, r = *s;
    if (!strcmp(mode, "complete")) { q.d[q.ndim - 1] = m; r.d[r.ndim - 2] = m; }
    else { q.d[q.ndim - 1] = k; r.d[r.ndim - 2] = k; }
    if (!strcmp(mode, "r")) { memset(&q, 0, sizeof q); q.ndim = 1; }
    if (pair(I, x, &q, &r, out)) return -1;
    static const char *const fields[] = {"Q", "R"};
    return torch_return_type(I, linalg ? "torch.return_types.linalg_qr" : "torch.return_types.qr", fields, 2, *out);
}

/* torch.qr(input, some=True) */
static int t_qr(ARGS) {
    UNUSED;
    py_val b[2], x = pv_unbound();
    if (bind_matrix(I, "input, some=True", "qr", "input", a, n, kw, kwv, n_kw, b, &x)) return -1;
    int some = 1;
    if (b[1].t != PV_UNBOUND && py_truthy(I, b[1], &some)) return -1;
    return qr_shapes(I, x, some ? "reduced" : "complete", 0, out);
}

/* torch.linalg.qr(A, mode='reduced') */
static int t_linalg_qr(ARGS) {
    UNUSED;
    py_val b[2], x = pv_unbound();
    if (bind_matrix(I, "A, mode='reduced'", "linalg_qr", "A", a, n, kw, kwv, n_kw, b, &x)) return -1;
    const char *mode = b[1].t == PV_STR ? pv_as_str(b[1])->s : "reduced";
    if (b[1].t != PV_UNBOUND && b[1].t != PV_STR) return py_unsupported(I, "cnnc follows linalg.qr with a str mode");
    if (strcmp(mode, "reduced") && strcmp(mode, "complete") && strcmp(mode, "r"))
        return torch_raise_shape(I, "RuntimeError", "qr received unrecognized mode '%s' but expected one of 'reduced' (default), 'r', or 'complete'", mode);
    return qr_shapes(I, x, mode, 1, out);
}

/* torch.linalg.lu(A, *, pivot=True): P [*, m, m], L [*, m, k], U [*, k, n] with k = min(m, n), the
 * LU decomposition of Glow's invertible 1x1 convolution (values not followed) */
static int t_linalg_lu(ARGS) {
    UNUSED;
    py_val b[2], x = pv_unbound();
    if (bind_matrix(I, "A, *, pivot=True", "linalg_lu", "A", a, n, kw, kwv, n_kw, b, &x)) return -1;
    const cnnc_shape *s = &pv_as_tensor(x)->shape;
    if (s->ndim < 2) {
        char buf[24 * CNNC_MAX_DIMS];
        cnnc_shape_format(s, buf, sizeof buf);
        return torch_raise_shape(I, "RuntimeError", "linalg.lu: Expected tensor with 2 or more dimensions. Got size: %s instead", buf);
    }
    int pivot = 1;
    if (b[1].t != PV_UNBOUND && py_truthy(I, b[1], &pivot)) return -1;
    if (!pivot) return torch_raise_shape(I, "RuntimeError", "linalg.lu_factor: LU without pivoting is not implemented on the CPU");
    const int64_t m = s->d[s->ndim - 2], nn = s->d[s->ndim - 1], k = m < nn ? m : nn;
    cnnc_shape ps = *s, ls = *s, us = *s;
    ps.d[ps.ndim - 1] = m;
    ls.d[ls.ndim - 1] = k;
    us.d[us.ndim - 2] = k;
    py_val t = pv_seq(I, PV_TUPLE, 3);
    if (t.t == PV_UNBOUND) return py_nomem(I);
    if (torch_const_of(I, x, &ps, 0, &pv_as_seq(t)->v[0]) || torch_const_of(I, x, &ls, 0, &pv_as_seq(t)->v[1]) ||
        torch_const_of(I, x, &us, 0, &pv_as_seq(t)->v[2]))
        return -1;
    static const char *const fields[] = {"P", "L", "U"};
    if (torch_return_type(I, "torch.return_types.linalg_lu", fields, 3, t)) return -1;
    *out = t;
    return 0;
}

/* slogdet, det, logdet and inverse under their names (torch.X and torch.linalg.X) */
static int t_square(ARGS) {
    UNUSED;
    const char *fn = I->callee->name;
    const int linalg = self.t == PV_MODULE;   /* bound to torch.linalg (below) */
    const char *param = linalg ? "A" : "input";
    char binder[32];
    snprintf(binder, sizeof binder, "%s%s", linalg ? "linalg_" : "", fn);
    if (n != 1 || n_kw) return py_unsupported(I, "cnnc cannot follow this call of %s", binder);
    py_val x = pv_unbound();
    if (matrix_arg(I, binder, param, a, n, &x)) return -1;
    const cnnc_shape *s = &pv_as_tensor(x)->shape;
    const char *who = !strcmp(fn, "logdet") ? "logdet" : !strcmp(fn, "inverse") || !strcmp(fn, "inv") ? "linalg.inv"
                    : !strcmp(fn, "det") ? "linalg.det" : "linalg.slogdet";
    if (check_matrices(I, who, s, 1)) return -1;
    cnnc_shape batch = *s;
    batch.ndim -= 2;
    if (!strcmp(fn, "inverse") || !strcmp(fn, "inv")) return torch_const_of(I, x, s, 0, out);
    if (!strcmp(fn, "slogdet")) return pair(I, x, &batch, &batch, out);
    return torch_const_of(I, x, &batch, 0, out);
}

int py_torch_linalg_init(interp *I) {
    py_module_ns *T = I->m_torch, *L = py_module_new(I, "torch.linalg");
    if (!L) return py_nomem(I);
    static const struct { const char *name; py_native fn; int torch, linalg; } fns[] = {
        {"qr", t_qr, 1, 0}, {"slogdet", t_square, 1, 1}, {"det", t_square, 1, 1}, {"logdet", t_square, 1, 0},
        {"inverse", t_square, 1, 0}, {"inv", t_square, 0, 1},
    };
    for (size_t k = 0; k < sizeof fns / sizeof fns[0]; k++) {
        if (fns[k].torch) {
            py_val f = pv_builtin(I, fns[k].name, fns[k].fn, pv_unbound(), NULL, 0);
            if (f.t == PV_UNBOUND || py_module_set(I, T, fns[k].name, f)) return py_nomem(I);
        }
        if (fns[k].linalg) {
            py_val f = pv_builtin(I, fns[k].name, fns[k].fn, pv_ptr(PV_MODULE, L), NULL, 0);
            if (f.t == PV_UNBOUND || py_module_set(I, L, fns[k].name, f)) return py_nomem(I);
        }
    }
    py_val q = pv_builtin(I, "qr", t_linalg_qr, pv_unbound(), NULL, 0);
    if (q.t == PV_UNBOUND || py_module_set(I, L, "qr", q)) return py_nomem(I);
    py_val lu = pv_builtin(I, "lu", t_linalg_lu, pv_unbound(), NULL, 0);
    if (lu.t == PV_UNBOUND || py_module_set(I, L, "lu", lu)) return py_nomem(I);
    static const char *const norms[] = {"norm", "vector_norm"};   /* torch_norm.c */
    for (size_t k = 0; k < 2; k++) {
        py_val f = pv_builtin(I, norms[k], torch_linalg_norm, pv_unbound(), NULL, 0);
        if (f.t == PV_UNBOUND || py_module_set(I, L, norms[k], f)) return py_nomem(I);
    }
    return py_module_set(I, T, "linalg", pv_ptr(PV_MODULE, L));
}
