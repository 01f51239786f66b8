/* vol3d_common.c — what the volume kinds share (p.vol over [N, C, D, H, W]): _triple's
 * arguments, the batched view of an unbatched input, and the pools' ATen checks
 * (pooling_output_shape, pool3d_shape_check) in their order and words. */
#include "layers/vol3d_common.h"

#include <stdio.h>
#include <string.h>

cnnc_status cnnc_triple_arg(const cnnc_arg *v, const char *kind, const char *name, int64_t out[3], cnnc_error *err) {
    if (cnnc_arg_is_int(v)) {
        out[0] = out[1] = out[2] = v->i;
        return CNNC_OK;
    }
    if ((v->kind == CNNC_ARG_TUPLE || v->kind == CNNC_ARG_LIST) && v->n == 3 && cnnc_arg_is_int(&v->items[0]) &&
        cnnc_arg_is_int(&v->items[1]) && cnnc_arg_is_int(&v->items[2])) {
        for (int k = 0; k < 3; k++) out[k] = v->items[k].i;
        return CNNC_OK;
    }
    return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, v, "NotImplementedError",
                         "cnnc follows %s's %s as an int or a tuple of 3 ints, not this %s", kind, name, cnnc_arg_type_name(v));
}

void cnnc_vol3d_batched(const cnnc_shape *in, cnnc_shape *b) {
    *b = *in;
    if (in->ndim == 4) {
        b->ndim = 5;
        b->d[0] = 1;
        for (int k = 0; k < 4; k++) b->d[k + 1] = in->d[k];
    }
}

void cnnc_vol3d_out(const cnnc_shape *in, int64_t C, const int64_t o[3], cnnc_layer_shape *ls) {
    ls->out = *in;
    const int32_t c = in->ndim - 4;
    ls->out.d[c] = C;
    for (int k = 0; k < 3; k++) ls->out.d[c + 1 + k] = o[k];
    ls->unbatched = in->ndim == 4;
}

void cnnc_render_triple(cnnc_strbuf *sb, const char *sep, const char *name, const int64_t v[3]) {
    cnnc_sb_printf(sb, "%s%s=(%lld, %lld, %lld)", sep, name, (long long)v[0], (long long)v[1], (long long)v[2]);
}

/* ---------------------------------------------------------------- pools */

cnnc_status cnnc_pool3d_build(cnnc_layer *l, const cnnc_arg *const *a, int is_max, cnnc_error *err) {
    cnnc_vol3d_params *q = &l->p.vol;
    const char *kind = is_max ? "MaxPool3d" : "AvgPool3d";
    cnnc_status st;
    memset(q, 0, sizeof *q);
    if ((st = cnnc_triple_arg(a[0], kind, "kernel_size", q->kernel, err))) return st;
    if (a[1] && a[1]->kind != CNNC_ARG_NONE) {
        if ((st = cnnc_triple_arg(a[1], kind, "stride", q->stride, err))) return st;
    } else {
        memcpy(q->stride, q->kernel, sizeof q->stride);
    }
    if (a[2] && (st = cnnc_triple_arg(a[2], kind, "padding", q->padding, err))) return st;
    q->dilation[0] = q->dilation[1] = q->dilation[2] = 1;
    if (is_max) {
        /* kernel_size, stride, padding, dilation, return_indices, ceil_mode */
        if (a[3] && (st = cnnc_triple_arg(a[3], kind, "dilation", q->dilation, err))) return st;
        if (a[4] && cnnc_arg_truthy(a[4]))
            return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, a[4], "NotImplementedError",
                                 "cnnc does not follow MaxPool3d(return_indices=True)");
        q->ceil_mode = a[5] ? cnnc_arg_truthy(a[5]) : 0;
    } else {
        /* kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override */
        q->ceil_mode = a[3] ? cnnc_arg_truthy(a[3]) : 0;
        q->count_include_pad = a[4] ? cnnc_arg_truthy(a[4]) : 1;
        if (a[5] && a[5]->kind != CNNC_ARG_NONE) {
            if (!cnnc_arg_is_int(a[5]))
                return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, a[5], "NotImplementedError",
                                     "cnnc follows an int divisor_override, not a %s", cnnc_arg_type_name(a[5]));
            q->divisor = a[5]->i;
        }
    }
    return CNNC_OK;
}

cnnc_status cnnc_pool3d_shape(const cnnc_layer *L, const cnnc_shape *in, int is_max, cnnc_layer_shape *ls, cnnc_error *err) {
    const cnnc_vol3d_params *q = &L->p.vol;
    if (in->ndim != 4 && in->ndim != 5)
        return cnnc_shape_fail(err, "RuntimeError", "non-empty 4D or 5D (batch mode) tensor expected for input");
    cnnc_shape b;
    cnnc_vol3d_batched(in, &b);
    for (int k = 1; k < 5; k++)
        if (b.d[k] <= 0)   /* ATen's own words number the dims of its view; cnnc does not guess them */
            return cnnc_shape_unsupported(err, "cnnc does not follow a 3-d pool over an empty dimension");
    int64_t o[3];
    /* pooling_output_shape for T, H, W in turn: each checks its stride and padding first */
    for (int k = 0; k < 3; k++) {
        if (q->stride[k] == 0) return cnnc_shape_fail(err, "RuntimeError", "stride should not be zero");
        if (q->padding[k] < 0) return cnnc_shape_fail(err, "RuntimeError", "pad must be non-negative, but got pad: %lld", (long long)q->padding[k]);
        if (q->kernel[k] <= 0 || q->stride[k] < 0 || q->dilation[k] <= 0)
            return cnnc_shape_unsupported(err, "cnnc follows 3-d pools with positive kernel sizes, strides and dilations");
        /* 2.x's check is on the effective kernel (1.13 words it on the kernel: tests/python/shape_oracle.py) */
        const int64_t d = is_max ? q->dilation[k] : 1;
        if (q->padding[k] > ((q->kernel[k] - 1) * d + 1) / 2)
            return cnnc_shape_fail(err, "RuntimeError",
                                   "pad should be at most half of effective kernel size, but got pad=%lld, kernel_size=%lld and "
                                   "dilation=%lld",
                                   (long long)q->padding[k], (long long)q->kernel[k], (long long)d);
        if (q->padding[k] > q->kernel[k] / 2)   /* within a dilated kernel: pool3d_shape_check's words, not known here */
            return cnnc_shape_unsupported(err, "cnnc follows 3-d pools with padding at most half the kernel size");
        o[k] = cnnc_pool_output_size(b.d[2 + k], q->kernel[k], q->padding[k], q->stride[k], q->dilation[k], q->ceil_mode);
    }
    /* pool3d_shape_check */
    if (!is_max && (b.d[2] < q->kernel[0] || b.d[3] < q->kernel[1] || b.d[4] < q->kernel[2]))
        return cnnc_shape_fail(err, "RuntimeError", "input image (T: %lld H: %lld W: %lld) smaller than kernel size (kT: %lld kH: %lld kW: %lld)",
                               (long long)b.d[2], (long long)b.d[3], (long long)b.d[4], (long long)q->kernel[0],
                               (long long)q->kernel[1], (long long)q->kernel[2]);
    if (o[0] < 1 || o[1] < 1 || o[2] < 1)
        return cnnc_shape_fail(err, "RuntimeError",
                               "Given input size: (%lldx%lldx%lldx%lld). Calculated output size: (%lldx%lldx%lldx%lld). Output "
                               "size is too small",
                               (long long)b.d[1], (long long)b.d[2], (long long)b.d[3], (long long)b.d[4], (long long)b.d[1],
                               (long long)o[0], (long long)o[1], (long long)o[2]);
    cnnc_vol3d_out(in, in->d[in->ndim - 4], o, ls);
    return CNNC_OK;
}

void cnnc_pool3d_render(const cnnc_layer *L, int is_max, cnnc_strbuf *sb) {
    const cnnc_vol3d_params *q = &L->p.vol;
    cnnc_render_triple(sb, "", "kernel_size", q->kernel);
    cnnc_render_triple(sb, ", ", "stride", q->stride);
    cnnc_render_triple(sb, ", ", "padding", q->padding);
    if (is_max && (q->dilation[0] != 1 || q->dilation[1] != 1 || q->dilation[2] != 1)) cnnc_render_triple(sb, ", ", "dilation", q->dilation);
    if (q->ceil_mode) cnnc_sb_puts(sb, ", ceil_mode=True");
    if (!is_max && !q->count_include_pad) cnnc_sb_puts(sb, ", count_include_pad=False");
    if (!is_max && q->divisor) cnnc_sb_printf(sb, ", divisor_override=%lld", (long long)q->divisor);
}

/* ---------------------------------------------------------------- adaptive pools */

cnnc_status cnnc_adaptive3d_build(cnnc_layer *l, const cnnc_arg *const *a, const char *kind, cnnc_error *err) {
    cnnc_vol3d_params *q = &l->p.vol;
    const cnnc_arg *v = a[0];
    memset(q, 0, sizeof *q);
    if (cnnc_arg_is_int(v)) {
        q->out_size[0] = q->out_size[1] = q->out_size[2] = v->i;
        return CNNC_OK;
    }
    if ((v->kind == CNNC_ARG_TUPLE || v->kind == CNNC_ARG_LIST)) {
        q->out_tuple = v->n;
        /* a tuple of another length reaches the op, which names its length at forward */
        if (v->n != 3) {
            q->out_size[0] = -2 - v->n;   /* remembered for the forward's message */
            return CNNC_OK;
        }
        for (int k = 0; k < 3; k++) {
            if (v->items[k].kind == CNNC_ARG_NONE) q->out_size[k] = -1;
            else if (cnnc_arg_is_int(&v->items[k])) q->out_size[k] = v->items[k].i;
            else return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, v, "NotImplementedError",
                                      "cnnc follows %s's output_size as ints or None, not a %s", kind,
                                      cnnc_arg_type_name(&v->items[k]));
        }
        return CNNC_OK;
    }
    return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, v, "NotImplementedError", "cnnc follows %s's output_size as an int or a tuple, not a %s",
                         kind, cnnc_arg_type_name(v));
}

cnnc_status cnnc_adaptive3d_shape(const cnnc_layer *L, const cnnc_shape *in, int is_max, cnnc_layer_shape *ls, cnnc_error *err) {
    const cnnc_vol3d_params *q = &L->p.vol;
    const char *op = is_max ? "adaptive_max_pool3d" : "adaptive_avg_pool3d";
    /* F.adaptive_*_pool3d's _list_with_default, in Python, before the op's own checks */
    if (q->out_tuple > 0 && in->ndim <= q->out_tuple)
        return cnnc_shape_fail(err, "ValueError", "Input dimension should be at least %d", (int)q->out_tuple + 1);
    if (q->out_size[0] <= -2)
        return is_max ? cnnc_shape_fail(err, "RuntimeError", "adaptive_max_pool3d(): internal error: output_size.size() must be 3")
                      : cnnc_shape_fail(err, "RuntimeError", "adaptive_avg_pool3d: output_size must be 3");
    if (in->ndim != 4 && in->ndim != 5) {
        CNNC_FMT_SHAPE(s, in);
        return cnnc_shape_fail(err, "RuntimeError", "%s(): Expected 4D or 5D tensor, but got %s", op, s);
    }
    for (int k = in->ndim - 4; k < in->ndim; k++)
        if (in->d[k] <= 0) {
            CNNC_FMT_SHAPE(s, in);
            if (is_max)
                return cnnc_shape_fail(err, "RuntimeError",
                                       "adaptive_max_pool3d(): Expected input to have non-zero size for non-batch dimensions, but "
                                       "input has sizes %s with dimension %d being empty", s, k);
            return cnnc_shape_unsupported(err, "cnnc does not follow adaptive_avg_pool3d over an empty dimension");
        }
    int64_t o[3];
    for (int k = 0; k < 3; k++) {
        o[k] = q->out_size[k] == -1 ? in->d[in->ndim - 3 + k] : q->out_size[k];
        if (o[k] < 0) return cnnc_shape_unsupported(err, "cnnc follows %s to a non-negative output size", op);
    }
    cnnc_vol3d_out(in, in->d[in->ndim - 4], o, ls);
    return CNNC_OK;
}

void cnnc_adaptive3d_render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const int64_t *o = L->p.vol.out_size;
    if (o[0] == o[1] && o[1] == o[2] && o[0] >= 0) {
        cnnc_sb_printf(sb, "%lld", (long long)o[0]);
        return;
    }
    cnnc_sb_puts(sb, "(");
    for (int k = 0; k < 3; k++) {
        if (k) cnnc_sb_puts(sb, ", ");
        if (o[k] == -1) cnnc_sb_puts(sb, "None");
        else cnnc_sb_printf(sb, "%lld", (long long)o[k]);
    }
    cnnc_sb_puts(sb, ")");
}
