/* torch_fft.c — torch.fft as spectral layers call it (the Fourier Neural Operator's
 * `torch.fft.rfft2(x)`, a cfloat weight mixed in with einsum, `irfft2(out_ft, s=(h, w))`):
 * fft, ifft, rfft, irfft and their 2-d and n-d forms, fftshift/ifftshift and the
 * frequency helpers, with ATen's argument checks and words (canonicalize_fft_shape_and_dim_args:
 * dims wrapped and unique, s and dim of one length, points >= 1; rfft of a complex input).
 * The results are complex64 constants (real for the c2r transforms) of the transformed
 * shapes; their values are not followed, so a trace through them is check only. */
#include "py/torch_internal.h"

#include <stdio.h>
#include <string.h>

typedef enum { FFT_C2C, FFT_R2C, FFT_C2R } fft_kind;

/* A sequence of ints (or one int) into out[]; -1 raised. */
static int int_list(interp *I, py_val v, const char *fn, const char *arg, int64_t *out, int32_t *n) {
    if (pv_is_int(v) && !v.big) { out[0] = v.u.i; *n = 1; return 0; }
    if (v.t != PV_TUPLE && v.t != PV_LIST && v.t != PV_SIZE)
        return py_unsupported(I, "cnnc cannot follow %s with %s of type %s", fn, arg, py_type_name(&v));
    const py_seq *q = pv_as_seq(v);
    if (q->n > CNNC_MAX_DIMS) return py_unsupported(I, "cnnc cannot follow %s over %d dims", fn, (int)q->n);
    for (int32_t k = 0; k < q->n; k++) {
        if (!pv_is_int(q->v[k]) || q->v[k].big)
            return py_raise(I, "TypeError", "%s(): argument '%s' must be tuple of ints, but found element of type %s at pos %d",
                            fn, arg, py_type_name(&q->v[k]), (int)k + 1);
        out[k] = q->v[k].u.i;
    }
    *n = q->n;
    return 0;
}

static int check_norm(interp *I, py_val norm) {
    if (norm.t == PV_UNBOUND || norm.t == PV_NONE) return 0;
    if (norm.t != PV_STR) return py_unsupported(I, "cnnc follows torch.fft with a str norm");
    const char *s = pv_as_str(norm)->s;
    if (strcmp(s, "forward") && strcmp(s, "backward") && strcmp(s, "ortho"))
        return torch_raise_shape(I, "RuntimeError", "Invalid normalization mode: \"%s\"", s);
    return 0;
}

/* The transform of x over dims (given, or from s, or the defaults) with sizes s. */
static int fft_shape(interp *I, py_val x, fft_kind kind, const int64_t *s, int32_t ns, int have_s, const int64_t *dim,
                     int32_t nd, int have_dim, int32_t default_dims, py_val *out) {
    const py_tensor *t = pv_as_tensor(x);
    if (kind == FFT_R2C && t->is_complex)
        return torch_raise_shape(I, "RuntimeError", "rfft expects a real input tensor, but got ComplexFloat");
    const int32_t ndim = t->shape.ndim;
    int32_t dims[CNNC_MAX_DIMS], n_dims = 0;
    if (have_dim) {
        for (int32_t k = 0; k < nd; k++)
            if (torch_wrap_dim(I, dim[k], ndim, &dims[k])) return -1;
        n_dims = nd;
        for (int32_t a = 0; a < n_dims; a++)
            for (int32_t b = a + 1; b < n_dims; b++)
                if (dims[a] == dims[b]) return torch_raise_shape(I, "RuntimeError", "FFT dims must be unique");
        if (have_s && ns != nd)
            return torch_raise_shape(I, "RuntimeError", "When given, dim and shape arguments must have the same length");
    } else if (have_s) {
        if (ns > ndim)
            return torch_raise_shape(I, "RuntimeError", "Got shape with %d values but input tensor only has %d dimensions.",
                                     (int)ns, (int)ndim);
        for (int32_t k = 0; k < ns; k++) dims[k] = ndim - ns + k;
        n_dims = ns;
    } else {
        const int32_t want = default_dims < 0 ? ndim : default_dims;
        for (int32_t k = 0; k < want; k++)
            if (torch_wrap_dim(I, k - want, ndim, &dims[k])) return -1;
        n_dims = want;
    }
    cnnc_shape o = t->shape;
    for (int32_t k = 0; k < n_dims; k++) {
        const int given = have_s && s[k] != -1, last = k == n_dims - 1;
        /* c2r's last dim, not given: the onesided input's 2 * (n - 1) points */
        const int64_t size = given ? s[k] : kind == FFT_C2R && last ? 2 * (o.d[dims[k]] - 1) : o.d[dims[k]];
        if (size < 1) return torch_raise_shape(I, "RuntimeError", "Invalid number of data points (%lld) specified", (long long)size);
        o.d[dims[k]] = kind == FFT_R2C && last ? size / 2 + 1 : size;
    }
    return torch_const_of(I, x, &o, kind != FFT_C2R, out);
}

static fft_kind kind_of(const char *fn) {
    const char *base = fn[0] == 'i' ? fn + 1 : fn;
    if (base[0] == 'r') return fn[0] == 'i' ? FFT_C2R : FFT_R2C;
    return FFT_C2C;
}

/* fft, ifft, rfft, irfft(input, n=None, dim=-1, norm=None) */
static int t_fft1(ARGS) {
    UNUSED;
    const char *fn = I->callee->name;
    char qual[32];
    snprintf(qual, sizeof qual, "fft_%s", fn);
    py_val b[4];
    const py_sig *sig = py_sig_cached(I, "input, n=None, dim=-1, norm=None", -1);
    if (!sig || py_bind_sig_as(I, sig, qual, 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    if (b[0].t != PV_TENSOR)
        return py_raise(I, "TypeError", "%s(): argument 'input' (position 1) must be Tensor, not %s", qual, py_type_name(&b[0]));
    if (check_norm(I, b[3])) return -1;
    int64_t s = -1, dim = -1;
    int have_s = 0;
    if (b[1].t != PV_UNBOUND && b[1].t != PV_NONE) {
        if (!pv_is_int(b[1]) || b[1].big) return py_unsupported(I, "cnnc follows %s with an int n", qual);
        s = b[1].u.i;
        have_s = 1;
        if (s < 1) return torch_raise_shape(I, "RuntimeError", "Invalid number of data points (%lld) specified", (long long)s);
    }
    if (b[2].t != PV_UNBOUND) {
        if (!pv_is_int(b[2]) || b[2].big) return py_unsupported(I, "cnnc follows %s with an int dim", qual);
        dim = b[2].u.i;
    }
    return fft_shape(I, b[0], kind_of(fn), &s, 1, have_s, &dim, 1, 1, 1, out);
}

/* the 2-d (dim=(-2, -1)) and n-d (dim=None: all) forms: (input, s=None, dim, norm=None) */
static int t_fftn(ARGS) {
    UNUSED;
    const char *fn = I->callee->name;
    const size_t len = strlen(fn);
    const int two = fn[len - 1] == '2';
    char qual[32];
    snprintf(qual, sizeof qual, "fft_%s", fn);
    py_val b[4];
    const py_sig *sig = py_sig_cached(I, "input, s=None, dim=None, norm=None", -1);
    if (!sig || py_bind_sig_as(I, sig, qual, 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    if (b[0].t != PV_TENSOR)
        return py_raise(I, "TypeError", "%s(): argument 'input' (position 1) must be Tensor, not %s", qual, py_type_name(&b[0]));
    if (check_norm(I, b[3])) return -1;
    int64_t s[CNNC_MAX_DIMS], dim[CNNC_MAX_DIMS] = {-2, -1};
    int32_t ns = 0, nd = two ? 2 : 0;
    const int have_s = b[1].t != PV_UNBOUND && b[1].t != PV_NONE;
    int have_dim = b[2].t != PV_UNBOUND && b[2].t != PV_NONE;
    if (have_s && int_list(I, b[1], qual, "s", s, &ns)) return -1;
    if (have_dim && int_list(I, b[2], qual, "dim", dim, &nd)) return -1;
    if (two && !have_dim) have_dim = 1;   /* fft2's dim=(-2, -1) is given */
    return fft_shape(I, b[0], kind_of(fn), s, ns, have_s, dim, nd, have_dim, -1, out);
}

/* fftshift/ifftshift(input, dim=None): a roll; the shape stays */
static int t_fftshift(ARGS) {
    UNUSED;
    py_val b[2];
    const py_sig *sig = py_sig_cached(I, "input, dim=None", -1);
    if (!sig || py_bind_sig_as(I, sig, I->callee->name, 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    if (b[0].t != PV_TENSOR)
        return py_raise(I, "TypeError", "%s(): argument 'input' (position 1) must be Tensor, not %s", I->callee->name,
                        py_type_name(&b[0]));
    const py_tensor *t = pv_as_tensor(b[0]);
    if (b[1].t != PV_UNBOUND && b[1].t != PV_NONE) {
        int64_t dim[CNNC_MAX_DIMS];
        int32_t nd = 0, w;
        if (int_list(I, b[1], I->callee->name, "dim", dim, &nd)) return -1;
        for (int32_t k = 0; k < nd; k++)
            if (torch_wrap_dim(I, dim[k], t->shape.ndim, &w)) return -1;
    }
    return torch_const_of(I, b[0], &t->shape, t->is_complex, out);
}

/* fftfreq(n, d=1.0) [n] and rfftfreq(n, d=1.0) [n // 2 + 1] */
static int t_fftfreq(ARGS) {
    UNUSED;
    if (n < 1 || !pv_is_int(a[0]) || a[0].big) return py_unsupported(I, "cnnc follows torch.fft.%s(n) with an int n", I->callee->name);
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    s.ndim = 1;
    s.d[0] = I->callee->name[0] == 'r' ? a[0].u.i / 2 + 1 : a[0].u.i;
    if (a[0].u.i < 0) return torch_raise_shape(I, "RuntimeError", "Trying to create tensor with negative dimension %lld: [%lld]",
                                               (long long)s.d[0], (long long)s.d[0]);
    *out = pv_tensor(I, &s, TENSOR_CONST);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

/* torch.view_as_real(x) [..., 2] of a complex x; torch.view_as_complex(x) of [..., 2] */
static int t_view_as(ARGS) {
    UNUSED;
    const int to_real = !strcmp(I->callee->name, "view_as_real");
    if (n != 1 || a[0].t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow this call of torch.%s", I->callee->name);
    const py_tensor *t = pv_as_tensor(a[0]);
    cnnc_shape s = t->shape;
    if (to_real) {
        if (!t->is_complex) return torch_raise_shape(I, "RuntimeError", "view_as_real is only supported for complex tensors");
        if (s.ndim >= CNNC_MAX_DIMS) return py_unsupported(I, "cnnc tensors have at most %d dims", CNNC_MAX_DIMS);
        s.d[s.ndim++] = 2;
    } else {
        if (t->is_complex) return py_unsupported(I, "cnnc cannot follow view_as_complex of a complex tensor");
        if (s.ndim == 0 || s.d[s.ndim - 1] != 2) return torch_raise_shape(I, "RuntimeError", "Tensor must have a last dimension of size 2");
        s.ndim--;
    }
    return torch_const_of(I, a[0], &s, !to_real, out);
}

/* torch.complex(real, imag): the broadcast of two real tensors, complex */
static int t_complex(ARGS) {
    UNUSED;
    if (n != 2 || a[0].t != PV_TENSOR || a[1].t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow this call of torch.complex");
    if (pv_as_tensor(a[0])->is_complex || pv_as_tensor(a[1])->is_complex)
        return torch_raise_shape(I, "RuntimeError", "Expected both inputs to be Half, Float or Double tensors but got ComplexFloat and ComplexFloat");
    if (py_tensor_broadcast_const(I, a[0], a[1], out)) return -1;
    pv_as_tensor(*out)->is_complex = 1;
    return 0;
}

py_module_ns *py_torch_fft(interp *I) {
    if (I->m_fft) return I->m_fft;
    py_module_ns *m = py_module_new(I, "torch.fft");
    if (!m) { py_nomem(I); return NULL; }
    static const struct { const char *name; py_native fn; } fns[] = {
        {"fft", t_fft1}, {"ifft", t_fft1}, {"rfft", t_fft1}, {"irfft", t_fft1}, {"fft2", t_fftn}, {"ifft2", t_fftn},
        {"rfft2", t_fftn}, {"irfft2", t_fftn}, {"fftn", t_fftn}, {"ifftn", t_fftn}, {"rfftn", t_fftn}, {"irfftn", t_fftn},
        {"fftshift", t_fftshift}, {"ifftshift", t_fftshift}, {"fftfreq", t_fftfreq}, {"rfftfreq", t_fftfreq}};
    for (size_t k = 0; k < sizeof fns / sizeof fns[0]; k++) {
        py_val f = pv_builtin(I, fns[k].name, fns[k].fn, pv_unbound(), NULL, 0);
        if (f.t == PV_UNBOUND || py_module_set(I, m, fns[k].name, f)) { py_nomem(I); return NULL; }
    }
    I->m_fft = m;
    return m;
}

int py_torch_complex_init(interp *I) {
    static const struct { const char *name; py_native fn; } fns[] = {
        {"view_as_real", t_view_as}, {"view_as_complex", t_view_as}, {"complex", t_complex}};
    for (size_t k = 0; k < sizeof fns / sizeof fns[0]; k++) {
        py_val f = pv_builtin(I, fns[k].name, fns[k].fn, pv_unbound(), NULL, 0);
        if (f.t == PV_UNBOUND || py_module_set(I, I->m_torch, fns[k].name, f)) return py_nomem(I);
    }
    return 0;
}
