/* torch_pool.c — MaxPool2d's indices and MaxUnpool2d: a max pool with
 * return_indices gives (values, indices), the indices a shape only (int64,
 * not in the graph) that remembers the plane it indexes; nn.MaxUnpool2d and
 * F.max_unpool2d check them as PyTorch 1.13 does (_unpool_output_size, then
 * max_unpooling2d's checks). Whether an index falls outside a smaller output
 * plane depends on where the maxima are, so such an unpool is refused. */
#include "py/torch_internal.h"
#include "layers/layer_util.h"

#include <stdio.h>
#include <string.h>

int torch_pool_with_indices(interp *I, cnnc_layer_kind kind, const cnnc_layer_params *p, py_val input, py_val *out) {
    if ((kind != CNNC_MAXPOOL2D && kind != CNNC_MAXPOOL1D) || !p->pool.return_indices || out->t != PV_TENSOR) return 0;
    const cnnc_shape *in = &pv_as_tensor(input)->shape;
    py_val idx = pv_tensor(I, &pv_as_tensor(*out)->shape, TENSOR_CONST);
    py_val pair = pv_seq(I, PV_TUPLE, 2);
    if (idx.t == PV_UNBOUND || pair.t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(idx)->is_indices = 1;
    if (kind == CNNC_MAXPOOL1D) pv_as_tensor(idx)->index_plane = in->ndim >= 1 ? in->d[in->ndim - 1] : 0;   /* no unpool1d */
    else if (in->ndim >= 2) pv_as_tensor(idx)->index_plane = in->d[in->ndim - 2] * in->d[in->ndim - 1];
    pv_as_seq(pair)->v[0] = *out;
    pv_as_seq(pair)->v[1] = idx;
    *out = pair;
    return 0;
}

static void dims_text(const cnnc_shape *s, char *buf, size_t cap) { cnnc_shape_format(s, buf, cap); }

/* The unpool of x by `indices` with q's kernel, stride and padding to output_size (unbound: the default). */
static int unpool(interp *I, py_val x, py_val indices, cnnc_unpool2d_params q, py_val output_size, py_nn *module, py_val *out) {
    if (x.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow max_unpool2d of a %s", py_type_name(&x));
    const cnnc_shape *in = &pv_as_tensor(x)->shape;
    if (in->ndim < 2) return py_unsupported(I, "cnnc cannot follow max_unpool2d of a %d-d tensor", (int)in->ndim);
    /* _unpool_output_size */
    int64_t def[2], os[2];
    for (int d = 0; d < 2; d++) def[d] = (in->d[in->ndim - 2 + d] - 1) * q.stride[d] + q.kernel_size[d] - 2 * q.padding[d];
    if (output_size.t == PV_UNBOUND || output_size.t == PV_NONE) {
        os[0] = def[0];
        os[1] = def[1];
    } else {
        if (!pv_is_seq(output_size)) return py_unsupported(I, "cnnc cannot follow max_unpool2d with an output_size of type %s", py_type_name(&output_size));
        py_val sz = output_size;
        if (pv_as_seq(sz)->n == 4) {   /* output_size[2:] */
            py_slice *sl = (py_slice *)py_alloc(I->arena, sizeof *sl);
            if (!sl) return py_nomem(I);
            sl->lo = pv_int(2);
            sl->hi = sl->step = pv_none();
            if (py_getitem(I, output_size, pv_ptr(PV_SLICE, sl), &sz)) return -1;
        }
        const py_seq *sq = pv_as_seq(sz);
        if (sq->n != 2)
            return torch_raise_shape(I, "ValueError",
                                     "output_size should be a sequence containing 2 or 4 elements, but it has a length of '%d'",
                                     (int)sq->n);
        for (int d = 0; d < 2; d++) {
            if (!pv_is_int(sq->v[d])) return py_unsupported(I, "cnnc cannot follow max_unpool2d with an output size of type %s", py_type_name(&sq->v[d]));
            const int64_t lo = def[d] - q.stride[d], hi = def[d] + q.stride[d];
            if (!(lo < sq->v[d].u.i && sq->v[d].u.i < hi)) {
                char r[256];
                cnnc_strbuf sb;
                cnnc_sb_fixed(&sb, r, sizeof r);
                py_repr(I, sz, &sb);
                return torch_raise_shape(I, "ValueError", "invalid output_size \"%s\" (dim %d must be between %lld and %lld)", r,
                                         d, (long long)lo, (long long)hi);
            }
            os[d] = sq->v[d].u.i;
        }
    }
    /* max_unpooling2d_forward_out_cpu */
    if (indices.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow max_unpool2d with indices of type %s", py_type_name(&indices));
    const py_tensor *t = pv_as_tensor(indices);
    if (!t->is_indices) return torch_raise_shape(I, "RuntimeError", "elements in indices should be type int64 but got: Float");
    if (in->ndim != 3 && in->ndim != 4)
        return torch_raise_shape(I, "RuntimeError",
                                 "Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with %d dimensions.",
                                 (int)in->ndim);
    if (t->shape.ndim != in->ndim || memcmp(t->shape.d, in->d, (size_t)in->ndim * sizeof in->d[0])) {
        char a[24 * CNNC_MAX_DIMS], b[24 * CNNC_MAX_DIMS];
        dims_text(in, a, sizeof a);
        dims_text(&t->shape, b, sizeof b);
        return torch_raise_shape(I, "RuntimeError",
                                 "Expected shape of indices to be same as that of the input tensor (%s) but got indices tensor "
                                 "with shape: %s", a, b);
    }
    if (t->index_plane <= 0)
        return py_unsupported(I, "cnnc cannot follow max_unpool2d with indices that are not a max pool's");
    if (os[0] > 0 && os[1] > 0 && t->index_plane > os[0] * os[1])
        return py_unsupported(I, "cnnc cannot follow this max_unpool2d: its output plane (%lldx%lld) is smaller than its pool's "
                                 "input (%lld elements), so whether PyTorch finds an index out of range depends on where the "
                                 "maxima fall", (long long)os[0], (long long)os[1], (long long)t->index_plane);
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    p.unpool = q;
    p.unpool.out_h = os[0];
    p.unpool.out_w = os[1];
    return py_trace_op(I, CNNC_MAXUNPOOL2D, &p, &x, 1, module, "max_unpool2d", out);
}

/* nn.MaxUnpool2d.forward(input, indices, output_size=None) */
int torch_unpool_module(interp *I, py_nn *nn, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                        py_val *out) {
    py_val b[3];
    const py_sig *sig = py_sig_cached(I, "input, indices, output_size=None", -1);
    if (!sig || py_bind_sig(I, sig, "MaxUnpool2d.forward", 1, a, n, kw, kwv, n_kw, b)) return -1;
    return unpool(I, b[0], b[1], nn->layer.p.unpool, b[2], nn, out);
}

/* F.max_unpool2d(input, indices, kernel_size, stride=None, padding=0, output_size=None): Python. */
int torch_max_unpool2d(ARGS) {
    UNUSED;
    py_val b[6];
    const py_sig *sig = py_sig_cached(I, "input, indices, kernel_size, stride=None, padding=0, output_size=None", -1);
    if (!sig || py_bind_sig(I, sig, "max_unpool2d", 0, a, n, kw, kwv, n_kw, b)) return -1;
    cnnc_arg args[3];
    const cnnc_arg *argp[3] = {NULL, NULL, NULL};
    for (int k = 0; k < 3; k++) {
        if (b[2 + k].t == PV_UNBOUND) continue;
        if (py_to_arg(I, b[2 + k], I->line, I->col, &args[k])) return -1;
        argp[k] = &args[k];
    }
    cnnc_layer L;
    memset(&L, 0, sizeof L);
    cnnc_error e;
    cnnc_error_clear(&e);
    if (cnnc_layer_maxunpool2d.build(&L, argp, NULL, &e) != CNNC_OK) {
        py_raise(I, e.type[0] ? e.type : "TypeError", "%s", e.message);
        I->ex.status = e.status == CNNC_ERR_UNSUPPORTED ? e.status : CNNC_ERR_PARSE;
        return -1;
    }
    return unpool(I, b[0], b[1], L.p.unpool, b[5], NULL, out);
}

/* F.lp_pool2d(input, norm_type, kernel_size, stride=None, ceil_mode=False) and F.lp_pool1d: 1.13
 * writes them over avg_pool (of input.pow(norm_type)), whose checks and output size they have (CBAM's
 * 'lp' channel pool over the whole plane). The p-norms are not among the engines' kinds: the result
 * is a constant of the pooled shape, and the trace is check only. */
int torch_f_lp_pool(ARGS) {
    UNUSED;
    const char *fn = I->callee->name;
    const int two_d = fn[7] == '2';
    py_val b[5];
    const py_sig *sig = py_sig_cached(I, "input, norm_type, kernel_size, stride=None, ceil_mode=False", -1);
    if (!sig || py_bind_sig_as(I, sig, fn, 0, PY_BINDER_PYTHON, a, n, kw, kwv, n_kw, b)) return -1;
    if (b[0].t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow %s of a %s", fn, py_type_name(&b[0]));
    if (!pv_is_num(b[1]) || b[1].t == PV_BOOL) return py_unsupported(I, "cnnc follows %s with a number norm_type", fn);
    const py_val k = b[2];
    const int k_ok = (pv_is_int(k) && k.t != PV_BOOL) ||
                     (two_d && pv_is_seq(k) && pv_as_seq(k)->n == 2 && pv_is_int(pv_as_seq(k)->v[0]) && pv_is_int(pv_as_seq(k)->v[1]));
    if (!k_ok) return py_unsupported(I, "cnnc follows %s with a kernel_size of %s", fn, two_d ? "an int or two ints" : "an int");
    const cnnc_layer_def *avg = torch_functional_def(two_d ? "avg_pool2d" : "avg_pool1d", CNNC_FN_NN_F);
    if (!avg) return py_unsupported(I, "cnnc cannot follow %s", fn);
    py_val args[5] = {b[0], k, b[3], pv_int(0), b[4]};
    int32_t na = 5;
    py_sym ks[2];
    py_val kv[2];
    int32_t nk = 0;
    if (b[3].t == PV_UNBOUND || b[3].t == PV_NONE) {   /* avg_pool(x, kernel_size, padding=0, ceil_mode=ceil_mode) */
        na = 2;
        ks[nk] = py_s(I, "padding");
        kv[nk++] = pv_int(0);
        ks[nk] = py_s(I, "ceil_mode");
        kv[nk++] = b[4].t == PV_UNBOUND ? pv_bool(0) : b[4];
    } else if (b[4].t == PV_UNBOUND) {
        args[4] = pv_bool(0);
    }
    py_val pooled;
    if (torch_call_functional(I, avg, "", args, na, ks, kv, nk, &pooled)) return -1;
    if (pooled.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow %s", fn);
    if (torch_const_of(I, pooled, &pv_as_tensor(pooled)->shape, 0, out)) return -1;
    pv_as_tensor(*out)->known_float = 1;
    return 0;
}
