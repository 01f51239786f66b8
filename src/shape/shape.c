/* shape.c — THE shape pass: per-layer output shapes and kernel geometry,
 * with PyTorch's checks and exact messages (2.x texts where 1.13 differs).
 * Hot path (valid models): no allocation, no string formatting. All the
 * text (message, trail, hint, fix) is built only once a check has failed. */
#include "cnnc/shape.h"

#include <stdio.h>
#include <string.h>


/* Tensors larger than this are refused: keeps every product of dims and every
 * byte count (x 4, x 2 for grads) inside int64 with room to spare. */
#define CNNC_SHAPE_MAX_NUMEL ((int64_t)1 << 56)

/* ---------------------------------------------------------------- utils -- */

int64_t cnnc_shape_numel(const cnnc_shape *shape) {
    if (!shape || shape->ndim < 0 || shape->ndim > CNNC_MAX_DIMS) return -1;
    int64_t n = 1;
    for (int32_t i = 0; i < shape->ndim; i++) {
        if (shape->d[i] < 0) return -1;
        if (__builtin_mul_overflow(n, shape->d[i], &n)) return -1;
    }
    return n;
}

size_t cnnc_shape_format(const cnnc_shape *shape, char *buf, size_t cap) {
    size_t n = 0;
    if (!buf || cap == 0) return 0;
    buf[0] = '\0';
    if (!shape) return 0;
#define PUT(...) do { int w_ = snprintf(buf + n, n < cap ? cap - n : 0, __VA_ARGS__); \
                      if (w_ > 0) n += (size_t)w_; } while (0)
    PUT("[");
    for (int32_t i = 0; i < shape->ndim && i < CNNC_MAX_DIMS; i++) PUT(i ? ", %lld" : "%lld", (long long)shape->d[i]);
    PUT("]");
#undef PUT
    return n < cap ? n : cap - 1;
}

cnnc_status cnnc_shape_parse(const char *text, cnnc_shape *out, cnnc_error *err) {
    cnnc_shape s;
    memset(&s, 0, sizeof s);
    const char *p = text;
    if (!text || !out) return cnnc_error_set(err, CNNC_ERR_USAGE, "", "shape: no text");
    for (;;) {
        if (*p < '0' || *p > '9')
            return cnnc_error_set(err, CNNC_ERR_USAGE, "",
                                  "bad shape '%s': expected dims like 2x1x28x28 or 1x28x28", text);
        int64_t v = 0;
        while (*p >= '0' && *p <= '9') {
            if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, *p - '0', &v))
                return cnnc_error_set(err, CNNC_ERR_USAGE, "", "bad shape '%s': dimension too large", text);
            p++;
        }
        if (s.ndim >= CNNC_MAX_DIMS)
            return cnnc_error_set(err, CNNC_ERR_USAGE, "", "bad shape '%s': more than %d dims", text, CNNC_MAX_DIMS);
        s.d[s.ndim++] = v;
        if (*p == '\0') break;
        if (*p != 'x' && *p != 'X' && *p != ',')
            return cnnc_error_set(err, CNNC_ERR_USAGE, "",
                                  "bad shape '%s': expected dims like 2x1x28x28 or 1x28x28", text);
        p++;
    }
    *out = s;
    return CNNC_OK;
}

/* Python's floor division (ATen's div_rtn): output-size numerators can be negative. */
static int64_t div_floor(int64_t a, int64_t b) {
    int64_t q = a / b, r = a % b;
    return (r != 0 && ((r < 0) != (b < 0))) ? q - 1 : q;
}

/* ------------------------------------------------------ error context -- */

/* What the pass knows when a check fails: the failing layer, its input, and
 * the layer that last changed the shape (for the trail). */
typedef struct pass_ctx {
    const cnnc_model *model;
    const cnnc_shape *model_input;
    int32_t producer;          /* last layer that changed the shape, -1 = the input */
    cnnc_shape producer_in;    /* its input */
    int train;
    int hints;                 /* 0 inside the hint search (no recursion) */
} pass_ctx;

static cnnc_status fail(cnnc_error *err, const char *type, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#include <stdarg.h>
static cnnc_status fail(cnnc_error *err, const char *type, const char *fmt, ...) {
    if (!err) return CNNC_ERR_SHAPE;
    cnnc_error_clear(err);   /* cleared here, not per pass: the record is ~2 KB */
    va_list ap;
    va_start(ap, fmt);
    cnnc_error_setv(err, CNNC_ERR_SHAPE, type, fmt, ap);
    va_end(ap);
    return CNNC_ERR_SHAPE;
}

#define FMT_SHAPE(name, shp) char name[24 * CNNC_MAX_DIMS]; cnnc_shape_format((shp), name, sizeof name)

/* ------------------------------------------------------------- layers -- */

static cnnc_status conv_forward(const cnnc_layer *L, const cnnc_shape *in, cnnc_layer_shape *ls, cnnc_error *err) {
    const cnnc_conv2d_params *c = &L->p.conv;
    if (in->ndim != 3 && in->ndim != 4) {
        FMT_SHAPE(s, in);
        return fail(err, "RuntimeError",
                    "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: %s", s);
    }
    int unb = in->ndim == 3;
    int64_t N = unb ? 1 : in->d[0], C = in->d[in->ndim - 3], H = in->d[in->ndim - 2], W = in->d[in->ndim - 1];
    int64_t kh = c->kernel_size[0], kw = c->kernel_size[1];
    int64_t g = c->groups, wic = g > 0 ? c->in_channels / g : c->in_channels;
    if (kh < 0 || kw < 0) {   /* torch.empty refuses the weight at construction */
        return fail(err, "RuntimeError", "Trying to create tensor with negative dimension %lld: [%lld, %lld, %lld, %lld]",
                    (long long)(kh < 0 ? kh : kw), (long long)c->out_channels, (long long)wic, (long long)kh, (long long)kw);
    }
    int same = c->pad_mode == CNNC_PAD_SAME;
    if (same && (c->stride[0] != 1 || c->stride[1] != 1))
        return fail(err, "ValueError", "padding='same' is not supported for strided convolutions");
    /* the CPU (oneDNN) path checks these, in this order, with these words */
    if (!same && (c->padding[0] < 0 || c->padding[1] < 0))
        return fail(err, "RuntimeError", "negative padding is not supported");
    if (c->stride[0] <= 0 || c->stride[1] <= 0)
        return fail(err, "RuntimeError", "non-positive stride is not supported");
    if (c->dilation[0] <= 0 || c->dilation[1] <= 0)
        return fail(err, "RuntimeError", "non-positive dilation is not supported");
    if (g <= 0) return fail(err, "RuntimeError", "non-positive groups is not supported");
    if (c->out_channels < g)
        return fail(err, "RuntimeError",
                    "Given groups=%lld, expected weight to be at least %lld at dimension 0, but got weight of size [%lld, %lld, %lld, %lld] instead",
                    (long long)g, (long long)g, (long long)c->out_channels, (long long)wic, (long long)kh, (long long)kw);
    if (c->out_channels % g != 0)
        return fail(err, "RuntimeError",
                    "Given groups=%lld, expected weight to be divisible by %lld at dimension 0, but got weight of size [[%lld, %lld, %lld, %lld]] instead",
                    (long long)g, (long long)g, (long long)c->out_channels, (long long)wic, (long long)kh, (long long)kw);
    if (C != wic * g) {
        cnnc_shape b = *in;
        if (unb) { b.ndim = 4; b.d[0] = 1; b.d[1] = in->d[0]; b.d[2] = in->d[1]; b.d[3] = in->d[2]; }
        FMT_SHAPE(s, &b);
        return fail(err, "RuntimeError",
                    "Given groups=%lld, weight of size [%lld, %lld, %lld, %lld], expected input%s to have %lld channels, but got %lld channels instead",
                    (long long)g, (long long)c->out_channels, (long long)wic, (long long)kh, (long long)kw, s,
                    (long long)(wic * g), (long long)C);
    }
    int64_t ph_total, pw_total, ph, pw;
    if (same) {
        ph_total = c->dilation[0] * (kh - 1); pw_total = c->dilation[1] * (kw - 1);
        ph = ph_total / 2; pw = pw_total / 2;
    } else {
        ph = c->padding[0]; pw = c->padding[1];
        ph_total = 2 * ph; pw_total = 2 * pw;
    }
    int64_t ekh = c->dilation[0] * (kh - 1) + 1, ekw = c->dilation[1] * (kw - 1) + 1;
    /* PyTorch prints the symmetric padded size: for 'same' the odd extra pad is
     * applied to the input first, so both sides count. */
    int64_t hp = H + ph_total, wp = W + pw_total;
    if (hp < ekh || wp < ekw)
        return fail(err, "RuntimeError",
                    "Calculated padded input size per channel: (%lld x %lld). Kernel size: (%lld x %lld). Kernel size can't be greater than actual input size",
                    (long long)hp, (long long)wp, (long long)ekh, (long long)ekw);
    if (kh == 0 || kw == 0)
        return fail(err, "RuntimeError", "could not create a descriptor for a dilated convolution forward propagation primitive");
    int64_t OH = (hp - ekh) / c->stride[0] + 1, OW = (wp - ekw) / c->stride[1] + 1;
    cnnc_conv_geom *gm = &ls->g.conv;
    gm->N = N; gm->C = C; gm->H = H; gm->W = W; gm->OC = c->out_channels; gm->OH = OH; gm->OW = OW;
    gm->KH = kh; gm->KW = kw; gm->SH = c->stride[0]; gm->SW = c->stride[1]; gm->PH = ph; gm->PW = pw;
    gm->DH = c->dilation[0]; gm->DW = c->dilation[1]; gm->groups = g;
    ls->unbatched = unb;
    ls->out = *in;
    ls->out.d[in->ndim - 3] = c->out_channels;
    ls->out.d[in->ndim - 2] = OH;
    ls->out.d[in->ndim - 1] = OW;
    return CNNC_OK;
}

/* pooling_output_shape (ATen Pool.h) for one spatial dim; 0 on success. */
static cnnc_status pool_dim(int64_t in, int64_t k, int64_t pad, int64_t s, int64_t d, int ceil, int64_t *out, cnnc_error *err) {
    if (s == 0) return fail(err, "RuntimeError", "stride should not be zero");
    if (pad < 0) return fail(err, "RuntimeError", "pad must be non-negative, but got pad: %lld", (long long)pad);
    if (pad > ((k - 1) * d + 1) / 2)
        return fail(err, "RuntimeError",
                    "pad should be at most half of effective kernel size, but got pad=%lld, kernel_size=%lld and dilation=%lld",
                    (long long)pad, (long long)k, (long long)d);
    int64_t o = div_floor(in + 2 * pad - d * (k - 1) - 1 + (ceil ? s - 1 : 0), s) + 1;
    if (ceil && (o - 1) * s >= in + pad) o--;  /* last window must start inside input or left pad */
    *out = o;
    return CNNC_OK;
}

static cnnc_status pool_forward(const cnnc_layer *L, const cnnc_shape *in, cnnc_layer_shape *ls, cnnc_error *err) {
    const cnnc_pool2d_params *p = &L->p.pool;
    int is_max = L->kind == CNNC_MAXPOOL2D;
    int64_t d0 = is_max ? p->dilation[0] : 1, d1 = is_max ? p->dilation[1] : 1;
    if (is_max) {
        if (in->ndim != 3 && in->ndim != 4)
            return fail(err, "RuntimeError", "non-empty 3D or 4D (batch mode) tensor expected for input");
    } else if (in->ndim < 3) {  /* avg_pool2d reads input.size(-3) first */
        if (in->ndim == 0) return fail(err, "IndexError", "Dimension specified as -3 but tensor has no dimensions");
        return fail(err, "IndexError", "Dimension out of range (expected to be in range of [%d, %d], but got -3)",
                    -in->ndim, in->ndim - 1);
    }
    int nd = in->ndim;
    int64_t C = in->d[nd - 3], H = in->d[nd - 2], W = in->d[nd - 1];
    int64_t OH = 0, OW = 0;
    cnnc_status st = pool_dim(H, p->kernel_size[0], p->padding[0], p->stride[0], d0, p->ceil_mode, &OH, err);
    if (st) return st;
    st = pool_dim(W, p->kernel_size[1], p->padding[1], p->stride[1], d1, p->ceil_mode, &OW, err);
    if (st) return st;
    /* pool2d_shape_check */
    if (p->kernel_size[0] <= 0 || p->kernel_size[1] <= 0)
        return fail(err, "RuntimeError", "kernel size should be greater than zero, but got kH: %lld kW: %lld",
                    (long long)p->kernel_size[0], (long long)p->kernel_size[1]);
    if (p->stride[0] <= 0 || p->stride[1] <= 0)
        return fail(err, "RuntimeError", "stride should be greater than zero, but got dH: %lld dW: %lld",
                    (long long)p->stride[0], (long long)p->stride[1]);
    if (d0 <= 0 || d1 <= 0)
        return fail(err, "RuntimeError", "dilation should be greater than zero, but got dilationH: %lld dilationW: %lld",
                    (long long)d0, (long long)d1);
    int valid_dims = in->d[1] != 0 && in->d[2] != 0;
    if (!((nd == 3 && in->d[0] != 0 && valid_dims) || (nd == 4 && valid_dims && in->d[3] != 0))) {
        FMT_SHAPE(s, in);
        return fail(err, "RuntimeError",
                    "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:%s", s);
    }
    /* pool2d_shape_check's own padding rule, on the kernel itself: with dilation
     * it is stricter than pooling_output_shape's effective-kernel rule above
     * (seen on PyTorch 2.11: MaxPool2d(3, padding=2, dilation=2) fails here). */
    if (p->kernel_size[1] / 2 < p->padding[1] || p->kernel_size[0] / 2 < p->padding[0])
        return fail(err, "RuntimeError",
                    "pad should be smaller than or equal to half of kernel size, but got padW = %lld, padH = %lld, "
                    "kW = %lld, kH = %lld",
                    (long long)p->padding[1], (long long)p->padding[0], (long long)p->kernel_size[1],
                    (long long)p->kernel_size[0]);
    if (OH < 1 || OW < 1)
        return fail(err, "RuntimeError",
                    "Given input size: (%lldx%lldx%lld). Calculated output size: (%lldx%lldx%lld). Output size is too small",
                    (long long)C, (long long)H, (long long)W, (long long)C, (long long)OH, (long long)OW);
    cnnc_pool_geom *g = &ls->g.pool;
    g->N = nd == 4 ? in->d[0] : 1; g->C = C; g->H = H; g->W = W; g->OH = OH; g->OW = OW;
    g->KH = p->kernel_size[0]; g->KW = p->kernel_size[1]; g->SH = p->stride[0]; g->SW = p->stride[1];
    g->PH = p->padding[0]; g->PW = p->padding[1]; g->DH = d0; g->DW = d1;
    g->count_include_pad = is_max ? 0 : p->count_include_pad;
    g->divisor_override = is_max ? 0 : p->divisor_override;
    ls->unbatched = nd == 3;
    ls->out = *in;
    ls->out.d[nd - 2] = OH;
    ls->out.d[nd - 1] = OW;
    return CNNC_OK;
}

static cnnc_status linear_forward(const cnnc_layer *L, const cnnc_shape *in, cnnc_layer_shape *ls, cnnc_error *err) {
    const cnnc_linear_params *p = &L->p.linear;
    if (in->ndim == 0)
        return fail(err, "RuntimeError", "both arguments to matmul need to be at least 1D, but they are 0D and 2D");
    int64_t M = 1;
    for (int32_t i = 0; i + 1 < in->ndim; i++) M *= in->d[i];  /* bounded by the numel check */
    int64_t K = in->d[in->ndim - 1];
    if (K != p->in_features)
        return fail(err, "RuntimeError", "mat1 and mat2 shapes cannot be multiplied (%lldx%lld and %lldx%lld)",
                    (long long)M, (long long)K, (long long)p->in_features, (long long)p->out_features);
    ls->g.linear.M = M; ls->g.linear.K = K; ls->g.linear.N = p->out_features;
    ls->out = *in;
    ls->out.d[in->ndim - 1] = p->out_features;
    return CNNC_OK;
}

static cnnc_status bn_forward(const cnnc_layer *L, const cnnc_shape *in, int train, cnnc_layer_shape *ls, cnnc_error *err) {
    const cnnc_batchnorm2d_params *p = &L->p.bn;
    if (in->ndim != 4) return fail(err, "ValueError", "expected 4D input (got %dD input)", in->ndim);
    int64_t N = in->d[0], C = in->d[1], HW = in->d[2] * in->d[3];
    /* F.batch_norm: batch statistics are used when training or when there are no running stats */
    if ((train || !p->track_running_stats) && N * HW == 1) {
        FMT_SHAPE(s, in);
        return fail(err, "ValueError", "Expected more than 1 value per channel when training, got input size torch.Size(%s)", s);
    }
    if (N * C * HW != 0) {   /* ATen returns early on empty input, before these checks */
        const char *what = p->track_running_stats ? "running_mean" : p->affine ? "weight" : NULL;
        if (what && C != p->num_features)
            return fail(err, "RuntimeError", "%s should contain %lld elements not %lld", what,
                        (long long)C, (long long)p->num_features);
    }
    ls->g.bn.N = N; ls->g.bn.C = C; ls->g.bn.HW = HW;
    ls->out = *in;
    return CNNC_OK;
}

static int wrap_dim(int64_t dim, int32_t ndim, int64_t *out) {
    int32_t n = ndim > 0 ? ndim : 1;   /* a 0-d tensor wraps like a 1-d one */
    if (dim < -n || dim > n - 1) return 0;
    *out = dim < 0 ? dim + n : dim;
    return 1;
}

/* Tensor.view / reshape (ATen infer_size): at most one -1, the sizes must
 * multiply to the input's numel. Messages as PyTorch prints them. */
static cnnc_status view_forward(const cnnc_flatten_params *p, const cnnc_shape *in, cnnc_layer_shape *ls, cnnc_error *err) {
    int64_t numel = cnnc_shape_numel(in), prod = 1;
    int32_t infer = -1;
    cnnc_shape o;
    o.ndim = p->view_ndim;
    for (int32_t k = 0; k < p->view_ndim; k++) {
        int64_t v = p->view[k];
        if (v <= CNNC_VIEW_DIM(0)) {
            int64_t d = CNNC_VIEW_DIM(0) - v, n = in->ndim > 0 ? in->ndim : 1;
            if (d >= in->ndim)
                return fail(err, "IndexError", "Dimension out of range (expected to be in range of [%lld, %lld], but got %lld)",
                            (long long)-n, (long long)(n - 1), (long long)d);
            v = in->d[d];
        }
        if (v == -1) {
            if (infer >= 0) return fail(err, "RuntimeError", "only one dimension can be inferred");
            infer = k;
        } else if (v < 0) {
            return fail(err, "RuntimeError", "invalid shape dimension %lld", (long long)v);
        } else if (__builtin_mul_overflow(prod, v, &prod)) {
            prod = -1;
        }
        o.d[k] = v;
    }
    int ok = prod >= 0;
    if (ok && infer >= 0) {
        if (prod == 0 && numel == 0) {
            FMT_SHAPE(s, &o);
            return fail(err, "RuntimeError",
                        "cannot reshape tensor of 0 elements into shape %s because the unspecified dimension size -1 can be any value and is ambiguous", s);
        }
        ok = prod != 0 && numel % prod == 0;
        if (ok) o.d[infer] = numel / prod;
    } else if (ok) {
        ok = prod == numel;
    }
    if (!ok) {
        FMT_SHAPE(s, &o);
        return fail(err, "RuntimeError", "shape '%s' is invalid for input of size %lld", s, (long long)numel);
    }
    ls->out = o;
    return CNNC_OK;
}

static cnnc_status flatten_forward(const cnnc_layer *L, const cnnc_shape *in, cnnc_layer_shape *ls, cnnc_error *err) {
    const cnnc_flatten_params *p = &L->p.flatten;
    if (p->view_ndim > 0 && p->view_ndim <= CNNC_MAX_DIMS) return view_forward(p, in, ls, err);
    int32_t n = in->ndim > 0 ? in->ndim : 1;
    int64_t s, e;
    if (!wrap_dim(p->start_dim, in->ndim, &s))
        return fail(err, "IndexError", "Dimension out of range (expected to be in range of [%d, %d], but got %lld)",
                    -n, n - 1, (long long)p->start_dim);
    if (!wrap_dim(p->end_dim, in->ndim, &e))
        return fail(err, "IndexError", "Dimension out of range (expected to be in range of [%d, %d], but got %lld)",
                    -n, n - 1, (long long)p->end_dim);
    if (s > e) return fail(err, "RuntimeError", "flatten() has invalid args: start_dim cannot come after end_dim");
    if (in->ndim == 0) { ls->out.ndim = 1; ls->out.d[0] = 1; return CNNC_OK; }
    int64_t f = 1;
    for (int64_t i = s; i <= e; i++) f *= in->d[i];
    cnnc_shape o;
    o.ndim = 0;
    for (int64_t i = 0; i < s; i++) o.d[o.ndim++] = in->d[i];
    o.d[o.ndim++] = f;
    for (int64_t i = e + 1; i < in->ndim; i++) o.d[o.ndim++] = in->d[i];
    ls->out = o;
    return CNNC_OK;
}

/* Hot path: no formatting unless a check fails. */
static cnnc_status check_dims(const cnnc_shape *s, int64_t *numel, cnnc_error *err) {
    for (int32_t i = 0; i < s->ndim; i++)
        if (s->d[i] < 0) {
            FMT_SHAPE(t, s);
            return fail(err, "RuntimeError", "Trying to create tensor with negative dimension %lld: %s", (long long)s->d[i], t);
        }
    int64_t n = cnnc_shape_numel(s);
    if (n < 0 || n > CNNC_SHAPE_MAX_NUMEL) {
        FMT_SHAPE(t, s);
        return fail(err, "RuntimeError",
                    "tensor of shape %s is too large: cnnc supports at most 2^56 elements per tensor", t);
    }
    *numel = n;
    return CNNC_OK;
}

static cnnc_status layer_forward(const cnnc_layer *L, const cnnc_shape *in, int train, cnnc_layer_shape *ls, cnnc_error *err) {
    ls->unbatched = 0;
    switch (L->kind) {
    case CNNC_CONV2D: return conv_forward(L, in, ls, err);
    case CNNC_MAXPOOL2D: case CNNC_AVGPOOL2D: return pool_forward(L, in, ls, err);
    case CNNC_LINEAR: return linear_forward(L, in, ls, err);
    case CNNC_BATCHNORM2D: return bn_forward(L, in, train, ls, err);
    case CNNC_FLATTEN: return flatten_forward(L, in, ls, err);
    case CNNC_RELU: case CNNC_DROPOUT: ls->out = *in; return CNNC_OK;
    default: break;
    }
    return fail(err, "NotImplementedError", "cnnc: unknown layer kind %d", (int)L->kind);
}

/* ---------------------------------------------------------- the pass -- */

static cnnc_status run_pass(const cnnc_model *model, const cnnc_shape *input, int train, int hints,
                            cnnc_layer_shape *shapes, cnnc_shape *output, cnnc_error *err);

static void describe_error(const pass_ctx *cx, int32_t li, const cnnc_shape *in, cnnc_error *err);

static cnnc_status run_pass(const cnnc_model *model, const cnnc_shape *input, int train, int hints,
                            cnnc_layer_shape *shapes, cnnc_shape *output, cnnc_error *err) {
    if (err) {  /* cheap reset; fail() clears the whole record when a check fails */
        err->status = CNNC_OK; err->type[0] = '\0'; err->message[0] = '\0';
        err->layer_index = -1; err->fix.field = CNNC_FIX_NONE; err->fix.layer_index = -1;
    }
    if (!model || !input || input->ndim < 0 || input->ndim > CNNC_MAX_DIMS)
        return cnnc_error_clear(err), cnnc_error_set(err, CNNC_ERR_USAGE, "", "cnnc_shape_pass: bad arguments");
    int64_t numel;
    if (check_dims(input, &numel, err)) return CNNC_ERR_SHAPE;
    cnnc_layer_shape scratch;
    cnnc_shape cur = *input;
    int32_t producer = -1;
    cnnc_shape producer_in = *input;
    for (int32_t i = 0; i < model->n_layers; i++) {
        const cnnc_layer *L = &model->layers[i];
        cnnc_layer_shape *ls = shapes ? &shapes[i] : &scratch;
        cnnc_status st = layer_forward(L, &cur, train, ls, err);
        if (st == CNNC_OK) st = check_dims(&ls->out, &numel, err);
        if (st != CNNC_OK) {
            if (err) {
                pass_ctx cx = { model, input, producer, producer_in, train, hints };
                describe_error(&cx, i, &cur, err);
            }
            return st;
        }
        ls->in = cur;
        ls->out_numel = numel;
        if (L->kind != CNNC_RELU && L->kind != CNNC_DROPOUT && L->kind != CNNC_BATCHNORM2D) {
            producer = i;
            producer_in = cur;
        }
        cur = ls->out;
    }
    if (output) *output = cur;
    return CNNC_OK;
}

cnnc_status cnnc_shape_pass_mode(const cnnc_model *model, const cnnc_shape *input, int train,
                                 cnnc_layer_shape *shapes, cnnc_shape *output, cnnc_error *err) {
    return run_pass(model, input, train, 1, shapes, output, err);
}

cnnc_status cnnc_shape_pass(const cnnc_model *model, const cnnc_shape *input,
                            cnnc_layer_shape *shapes, cnnc_shape *output, cnnc_error *err) {
    return run_pass(model, input, 1, 1, shapes, output, err);
}

int32_t cnnc_shape_failing_layer(const cnnc_model *model, const cnnc_shape *input, int train, cnnc_shape *output) {
    if (!model || !input || input->ndim < 0 || input->ndim > CNNC_MAX_DIMS) return 0;
    int64_t numel;
    if (check_dims(input, &numel, NULL)) return 0;
    cnnc_layer_shape scratch;
    cnnc_shape cur = *input;
    for (int32_t i = 0; i < model->n_layers; i++) {
        if (layer_forward(&model->layers[i], &cur, train, &scratch, NULL) || check_dims(&scratch.out, &numel, NULL)) return i;
        cur = scratch.out;
    }
    if (output) *output = cur;
    return -1;
}

cnnc_status cnnc_shape_pass_nohint(const cnnc_model *model, const cnnc_shape *input, int train, cnnc_error *err) {
    return run_pass(model, input, train, 0, NULL, NULL, err);
}

/* ------------------------------------------------- trail, hint, fix -- */

static size_t appendf(char *buf, size_t cap, size_t n, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
static size_t appendf(char *buf, size_t cap, size_t n, const char *fmt, ...) {
    if (n >= cap) return n;
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(buf + n, cap - n, fmt, ap);
    va_end(ap);
    if (w < 0) return n;
    return n + (size_t)w < cap ? n + (size_t)w : cap - 1;
}

/* "conv2.2 (MaxPool2d)" */
static void layer_display(const cnnc_layer *L, char *buf, size_t cap) {
    snprintf(buf, cap, "%s (%s)", L->name, cnnc_layer_kind_name(L->kind));
}

/* How the shape entering layer `li` was made. */
static void build_trail(const pass_ctx *cx, const cnnc_shape *in, char *buf, size_t cap) {
    FMT_SHAPE(s, in);
    size_t n = 0;
    if (cx->producer < 0) {
        appendf(buf, cap, 0, "the input is %s", s);
        return;
    }
    const cnnc_layer *P = &cx->model->layers[cx->producer];
    const cnnc_shape *pin = &cx->producer_in;
    FMT_SHAPE(ps, pin);
    char who[96];
    layer_display(P, who, sizeof who);
    if (P->kind == CNNC_FLATTEN && P->p.flatten.view_ndim == 0) {
        int64_t st, en;
        if (!wrap_dim(P->p.flatten.start_dim, pin->ndim, &st) || !wrap_dim(P->p.flatten.end_dim, pin->ndim, &en) || pin->ndim == 0) {
            appendf(buf, cap, 0, "%s made %s", who, s);
            return;
        }
        int64_t f = 1;
        n = appendf(buf, cap, n, "flatten of %s = ", ps);
        for (int64_t i = st; i <= en; i++) { n = appendf(buf, cap, n, i > st ? "*%lld" : "%lld", (long long)pin->d[i]); f *= pin->d[i]; }
        n = appendf(buf, cap, n, " = %lld features (%s)", (long long)f, who);
        return;
    }
    n = appendf(buf, cap, n, "%s made %s from %s", who, s, ps);
    if (P->kind == CNNC_CONV2D && in->ndim >= 3) {
        const cnnc_conv2d_params *c = &P->p.conv;
        int64_t H = pin->d[pin->ndim - 2];
        if (c->pad_mode == CNNC_PAD_SAME)
            appendf(buf, cap, n, "; padding='same' keeps H = %lld", (long long)H);
        else
            appendf(buf, cap, n, "; H = (%lld + 2*%lld - %lld*(%lld-1) - 1)/%lld + 1 = %lld", (long long)H,
                    (long long)c->padding[0], (long long)c->dilation[0], (long long)c->kernel_size[0],
                    (long long)c->stride[0], (long long)in->d[in->ndim - 2]);
    } else if ((P->kind == CNNC_MAXPOOL2D || P->kind == CNNC_AVGPOOL2D) && in->ndim >= 3) {
        const cnnc_pool2d_params *p = &P->p.pool;
        int64_t d = P->kind == CNNC_MAXPOOL2D ? p->dilation[0] : 1;
        appendf(buf, cap, n, "; H = %s(%lld + 2*%lld - %lld*(%lld-1) - 1)/%lld + 1 = %lld", p->ceil_mode ? "ceil" : "floor",
                (long long)pin->d[pin->ndim - 2], (long long)p->padding[0], (long long)d, (long long)p->kernel_size[0],
                (long long)p->stride[0], (long long)in->d[in->ndim - 2]);
    }
}

/* "out = nn.Linear(1568, 10)" for a top-level layer, "nn.Conv2d(...) in conv2" inside a Sequential. */
static void render_edit(const cnnc_model *m, int32_t li, const cnnc_layer *edited, char *buf, size_t cap) {
    char r[256];
    cnnc_layer_render(edited, r, sizeof r);
    const cnnc_stmt *stmt = (m->stmts && edited->stmt_index >= 0 && edited->stmt_index < m->n_stmts)
                                ? &m->stmts[edited->stmt_index] : NULL;
    (void)li;
    if (stmt && stmt->is_sequential)
        snprintf(buf, cap, "nn.%s in %s", r, stmt->name);
    else
        snprintf(buf, cap, "%s = nn.%s", edited->name, r);
}

/* Smallest square input H = W at which the pass gets past layer `li`
 * (fails later or succeeds). Runs the pass without hints: no allocation. */
static int64_t smallest_hw(const pass_ctx *cx, int32_t li) {
    const cnnc_shape *in = cx->model_input;
    if (in->ndim < 3) return -1;
    cnnc_shape t = *in;
    int64_t start = in->d[in->ndim - 1] > in->d[in->ndim - 2] ? in->d[in->ndim - 1] : in->d[in->ndim - 2];
    cnnc_error e;
    for (int64_t s = start > 0 ? start : 1; s <= 65536; s++) {
        t.d[t.ndim - 2] = s; t.d[t.ndim - 1] = s;
        cnnc_status st = run_pass(cx->model, &t, cx->train, 0, NULL, NULL, &e);
        if (st == CNNC_OK || (st == CNNC_ERR_SHAPE && e.layer_index > li)) return s;
    }
    return -1;
}

static void describe_error(const pass_ctx *cx, int32_t li, const cnnc_shape *in, cnnc_error *err) {
    const cnnc_model *m = cx->model;
    const cnnc_layer *L = &m->layers[li];
    err->layer_index = li;
    layer_display(L, err->layer, sizeof err->layer);
    snprintf(err->file, sizeof err->file, "%s", m->path);
    err->line = L->span.line;
    err->col = L->span.col;
    err->fix.field = CNNC_FIX_NONE;
    err->fix.layer_index = -1;
    if (!cx->hints) return;
    build_trail(cx, in, err->trail, sizeof err->trail);
    char edit[384];
    cnnc_layer copy = *L;
    int nd = in->ndim;
    if (L->kind == CNNC_LINEAR && nd >= 1 && strncmp(err->message, "mat1", 4) == 0) {
        int64_t K = in->d[nd - 1];
        const cnnc_shape *mi = cx->model_input;
        if (mi->ndim == 3 && m->n_layers > 0 &&
            (m->layers[0].kind == CNNC_CONV2D || m->layers[0].kind == CNNC_MAXPOOL2D || m->layers[0].kind == CNNC_AVGPOOL2D)) {
            /* unbatched input: Flatten() keeps dim 0 (channels) as if it were the batch */
            FMT_SHAPE(s, mi);
            snprintf(err->hint, sizeof err->hint,
                     "the input %s is unbatched, so Flatten() keeps its first dim; give a batch instead, e.g. 1x%lldx%lldx%lld",
                     s, (long long)mi->d[0], (long long)mi->d[1], (long long)mi->d[2]);
            return;
        }
        if (nd > 2) {
            int64_t f = 1;
            for (int i = 1; i < nd; i++) f *= in->d[i];
            FMT_SHAPE(s, in);
            snprintf(err->hint, sizeof err->hint,
                     "add nn.Flatten() before %s: Linear multiplies only the last dim (%lld) of %s; flattened, each sample has %lld features",
                     L->name, (long long)K, s, (long long)f);
            return;
        }
        copy.p.linear.in_features = K;
        render_edit(m, li, &copy, edit, sizeof edit);
        snprintf(err->hint, sizeof err->hint, "set in_features=%lld: %s", (long long)K, edit);
        err->fix.field = CNNC_FIX_IN_FEATURES; err->fix.layer_index = li; err->fix.value = K;
        return;
    }
    if (L->kind == CNNC_CONV2D && nd >= 3 && strstr(err->message, "channels, but got")) {
        int64_t C = in->d[nd - 3];
        if (C > 0 && C % L->p.conv.groups == 0) {
            copy.p.conv.in_channels = C;
            render_edit(m, li, &copy, edit, sizeof edit);
            snprintf(err->hint, sizeof err->hint, "set in_channels=%lld: %s", (long long)C, edit);
            err->fix.field = CNNC_FIX_IN_CHANNELS; err->fix.layer_index = li; err->fix.value = C;
        } else {
            snprintf(err->hint, sizeof err->hint, "the input has %lld channels; in_channels must match it", (long long)C);
        }
        return;
    }
    if (L->kind == CNNC_BATCHNORM2D && nd == 4 && strstr(err->message, "should contain")) {
        int64_t C = in->d[1];
        copy.p.bn.num_features = C;
        render_edit(m, li, &copy, edit, sizeof edit);
        snprintf(err->hint, sizeof err->hint, "set num_features=%lld: %s", (long long)C, edit);
        err->fix.field = CNNC_FIX_NUM_FEATURES; err->fix.layer_index = li; err->fix.value = C;
        return;
    }
    if (strstr(err->message, "Kernel size can't be greater") || strstr(err->message, "Output size is too small")) {
        int64_t s = smallest_hw(cx, li);
        if (s > 0) {
            snprintf(err->hint, sizeof err->hint, "input must be at least %lldx%lld", (long long)s, (long long)s);
            err->fix.field = CNNC_FIX_INPUT_HW; err->fix.layer_index = -1; err->fix.value = s; err->fix.value2 = s;
        } else {
            snprintf(err->hint, sizeof err->hint, "no square input up to 65536x65536 gets past %s", err->layer);
        }
        return;
    }
    if (strstr(err->message, "Expected 3D (unbatched) or 4D") || strstr(err->message, "3D or 4D (batch mode)") ||
        (strstr(err->message, "expected 4D input") && nd == 2)) {
        if (cx->producer < 0)
            snprintf(err->hint, sizeof err->hint, "%s needs [N, C, H, W] or unbatched [C, H, W] input, e.g. 2x1x28x28",
                     L->name);
        else
            snprintf(err->hint, sizeof err->hint, "%s needs [N, C, H, W] input, but %s made a %d-D tensor before it",
                     L->name, m->layers[cx->producer].name, nd);
        return;
    }
    if (strstr(err->message, "more than 1 value per channel")) {
        snprintf(err->hint, sizeof err->hint, "train with batch size > 1, or evaluate (eval mode uses running stats)");
        return;
    }
    if (strstr(err->message, "pad should be at most half")) {
        snprintf(err->hint, sizeof err->hint, "use padding <= kernel_size/2 (e.g. padding=%lld)",
                 (long long)(((L->p.pool.kernel_size[0] - 1) * (L->kind == CNNC_MAXPOOL2D ? L->p.pool.dilation[0] : 1) + 1) / 2));
        return;
    }
}

int cnnc_fix_apply(cnnc_model *model, const cnnc_fix *fix) {
    if (!model || !fix || fix->layer_index < 0 || fix->layer_index >= model->n_layers) return 0;
    cnnc_layer *L = &model->layers[fix->layer_index];
    switch (fix->field) {
    case CNNC_FIX_IN_FEATURES:
        if (L->kind != CNNC_LINEAR || L->p.linear.in_features == fix->value) return 0;
        L->p.linear.in_features = fix->value; return 1;
    case CNNC_FIX_IN_CHANNELS:
        if (L->kind != CNNC_CONV2D || L->p.conv.in_channels == fix->value) return 0;
        L->p.conv.in_channels = fix->value; return 1;
    case CNNC_FIX_NUM_FEATURES:
        if (L->kind != CNNC_BATCHNORM2D || L->p.bn.num_features == fix->value) return 0;
        L->p.bn.num_features = fix->value; return 1;
    default: return 0;
    }
}
