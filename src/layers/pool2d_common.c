/* pool2d_common.c — MaxPool2d and AvgPool2d's shared rules (pool2d_common.h). */
#include "layers/pool2d_common.h"

#include <stdio.h>
#include <string.h>

cnnc_status cnnc_pool2d_build(cnnc_layer *l, const cnnc_arg *const *a, int is_max, cnnc_error *err) {
    cnnc_pool2d_params *q = &l->p.pool;
    const char *fn = is_max ? "max_pool2d" : "avg_pool2d";
    cnnc_status st;
    if ((st = cnnc_pair_arg(a[0], fn, "kernel_size", 2, q->kernel_size, err))) return st;
    if (a[1] && a[1]->kind != CNNC_ARG_NONE) {
        if ((st = cnnc_pair_arg(a[1], fn, "stride", 3, q->stride, err))) return st;
        /* stride=() means kernel_size in PyTorch's functional form */
        if ((a[1]->kind == CNNC_ARG_TUPLE || a[1]->kind == CNNC_ARG_LIST) && a[1]->n == 0) {
            q->stride[0] = q->kernel_size[0];
            q->stride[1] = q->kernel_size[1];
        }
    } else {
        q->stride[0] = q->kernel_size[0];
        q->stride[1] = q->kernel_size[1];
    }
    if (a[2] && (st = cnnc_pair_arg(a[2], fn, "padding", 4, q->padding, err))) return st;
    q->dilation[0] = q->dilation[1] = 1;
    if (is_max) {
        if (a[3] && (st = cnnc_pair_arg(a[3], fn, "dilation", 5, q->dilation, err))) return st;
        q->return_indices = a[4] ? cnnc_arg_truthy(a[4]) : 0;
        q->ceil_mode = a[5] ? cnnc_arg_truthy(a[5]) : 0;
        q->count_include_pad = 1;
    } else {
        q->ceil_mode = a[3] ? cnnc_arg_truthy(a[3]) : 0;
        q->count_include_pad = a[4] ? cnnc_arg_truthy(a[4]) : 1;
        const cnnc_arg *d = a[5];
        if (d && d->kind != CNNC_ARG_NONE) {
            if ((st = cnnc_int_arg(d, fn, "divisor_override", 7, &q->divisor_override, err))) return st;
            if (q->divisor_override == 0)
                return cnnc_arg_fail(err, CNNC_ERR_PARSE, d, "RuntimeError", "divisor must be not zero");
        }
    }
    return CNNC_OK;
}

/* pooling_output_shape (ATen Pool.h) for one spatial dim. */
static cnnc_status pool_dim(int64_t in, int64_t k, int64_t pad, int64_t s, int64_t d, int ceil, int64_t *out, cnnc_error *err) {
    if (s == 0) return cnnc_shape_fail(err, "RuntimeError", "stride should not be zero");
    if (pad < 0) return cnnc_shape_fail(err, "RuntimeError", "pad must be non-negative, but got pad: %lld", (long long)pad);
    if (pad > ((k - 1) * d + 1) / 2)
        return cnnc_shape_fail(err, "RuntimeError",
                               "pad should be at most half of effective kernel size, but got pad=%lld, kernel_size=%lld and "
                               "dilation=%lld",
                               (long long)pad, (long long)k, (long long)d);
    *out = cnnc_pool_output_size(in, k, pad, s, d, ceil);
    return CNNC_OK;
}

int64_t cnnc_pool_output_size(int64_t in, int64_t k, int64_t pad, int64_t s, int64_t d, int ceil) {
    int64_t o = cnnc_div_floor(in + 2 * pad - d * (k - 1) - 1 + (ceil ? s - 1 : 0), s) + 1;
    if (ceil && (o - 1) * s >= in + pad) o--;  /* last window must start inside input or left pad */
    return o;
}

size_t cnnc_pool_argmax_bytes(const cnnc_layer *L, const cnnc_layer_shape *s) {
    (void)L;
    return (size_t)s->out_numel * sizeof(int32_t);
}

cnnc_status cnnc_pool2d_shape(const cnnc_layer *L, const cnnc_shape *in, int is_max, cnnc_layer_shape *ls, cnnc_error *err) {
    const cnnc_pool2d_params *p = &L->p.pool;
    int64_t d0 = is_max ? p->dilation[0] : 1, d1 = is_max ? p->dilation[1] : 1;
    if (is_max) {
        if (in->ndim != 3 && in->ndim != 4)
            return cnnc_shape_fail(err, "RuntimeError", "non-empty 3D or 4D (batch mode) tensor expected for input");
    } else if (in->ndim < 3) {  /* avg_pool2d reads input.size(-3) first */
        if (in->ndim == 0) return cnnc_shape_fail(err, "IndexError", "Dimension specified as -3 but tensor has no dimensions");
        return cnnc_shape_fail(err, "IndexError", "Dimension out of range (expected to be in range of [%d, %d], but got -3)",
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
        return cnnc_shape_fail(err, "RuntimeError", "kernel size should be greater than zero, but got kH: %lld kW: %lld",
                               (long long)p->kernel_size[0], (long long)p->kernel_size[1]);
    if (p->stride[0] <= 0 || p->stride[1] <= 0)
        return cnnc_shape_fail(err, "RuntimeError", "stride should be greater than zero, but got dH: %lld dW: %lld",
                               (long long)p->stride[0], (long long)p->stride[1]);
    if (d0 <= 0 || d1 <= 0)
        return cnnc_shape_fail(err, "RuntimeError",
                               "dilation should be greater than zero, but got dilationH: %lld dilationW: %lld", (long long)d0,
                               (long long)d1);
    int valid_dims = in->d[1] != 0 && in->d[2] != 0;
    if (!((nd == 3 && in->d[0] != 0 && valid_dims) || (nd == 4 && valid_dims && in->d[3] != 0))) {
        CNNC_FMT_SHAPE(s, in);
        return cnnc_shape_fail(err, "RuntimeError",
                               "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:%s", s);
    }
    /* pool2d_shape_check's own padding rule, on the kernel itself: with dilation
     * it is stricter than pooling_output_shape's effective-kernel rule above
     * (seen on PyTorch 2.11: MaxPool2d(3, padding=2, dilation=2) fails here). */
    if (p->kernel_size[1] / 2 < p->padding[1] || p->kernel_size[0] / 2 < p->padding[0])
        return cnnc_shape_fail(err, "RuntimeError",
                               "pad should be smaller than or equal to half of kernel size, but got padW = %lld, padH = %lld, "
                               "kW = %lld, kH = %lld",
                               (long long)p->padding[1], (long long)p->padding[0], (long long)p->kernel_size[1],
                               (long long)p->kernel_size[0]);
    if (OH < 1 || OW < 1)
        return cnnc_shape_fail(err, "RuntimeError",
                               "Given input size: (%lldx%lldx%lld). Calculated output size: (%lldx%lldx%lld). Output size is "
                               "too small",
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

void cnnc_pool2d_render(const cnnc_layer *L, int is_max, cnnc_strbuf *sb) {
    const cnnc_pool2d_params *q = &L->p.pool;
    cnnc_render_pair(sb, "", "kernel_size", q->kernel_size);
    if (q->stride[0] != q->kernel_size[0] || q->stride[1] != q->kernel_size[1]) cnnc_render_pair(sb, ", ", "stride", q->stride);
    if (q->padding[0] || q->padding[1]) cnnc_render_pair(sb, ", ", "padding", q->padding);
    if (is_max && (q->dilation[0] != 1 || q->dilation[1] != 1)) cnnc_render_pair(sb, ", ", "dilation", q->dilation);
    if (q->ceil_mode) cnnc_sb_puts(sb, ", ceil_mode=True");
    if (is_max && q->return_indices) cnnc_sb_puts(sb, ", return_indices=True");
    if (!is_max) {
        if (!q->count_include_pad) cnnc_sb_puts(sb, ", count_include_pad=False");
        if (q->divisor_override) cnnc_sb_printf(sb, ", divisor_override=%lld", (long long)q->divisor_override);
    }
}

void cnnc_pool2d_kernel_shape(const cnnc_layer *L, const cnnc_layer_shape *s, cnnc_strbuf *sb) {
    (void)L;
    cnnc_sb_printf(sb, "[%lld, %lld]", (long long)s->g.pool.KH, (long long)s->g.pool.KW);
}

void cnnc_pool2d_trail(const cnnc_layer *L, int is_max, const char *who, const cnnc_shape *in, const cnnc_shape *out,
                       cnnc_strbuf *sb) {
    const cnnc_pool2d_params *p = &L->p.pool;
    CNNC_FMT_SHAPE(s, out);
    CNNC_FMT_SHAPE(ps, in);
    cnnc_sb_printf(sb, "%s made %s from %s", who, s, ps);
    if (out->ndim < 3 || in->ndim < 3) return;
    int64_t d = is_max ? p->dilation[0] : 1;
    cnnc_sb_printf(sb, "; H = %s(%lld + 2*%lld - %lld*(%lld-1) - 1)/%lld + 1 = %lld", p->ceil_mode ? "ceil" : "floor",
                   (long long)in->d[in->ndim - 2], (long long)p->padding[0], (long long)d, (long long)p->kernel_size[0],
                   (long long)p->stride[0], (long long)out->d[out->ndim - 2]);
}

int cnnc_pool2d_hint(const cnnc_layer *L, int is_max, cnnc_error *err) {
    if (!strstr(err->message, "pad should be at most half")) return 0;
    snprintf(err->hint, sizeof err->hint, "use padding <= kernel_size/2 (e.g. padding=%lld)",
             (long long)(((L->p.pool.kernel_size[0] - 1) * (is_max ? L->p.pool.dilation[0] : 1) + 1) / 2));
    return 1;
}
