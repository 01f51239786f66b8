/* fold_common.c — nn.Unfold and nn.Fold's shared rules (fold_common.h). */
#include "layers/fold_common.h"

#include <string.h>

static const char *const arg_names[5] = {"output_size", "kernel_size", "dilation", "padding", "stride"};

/* _pair(v) bound to im2col's int[2]: an int repeats; a pair of ints is itself. A float
 * makes a tuple of floats, which the binding refuses as a tuple. */
static cnnc_status pair_arg(const cnnc_arg *v, const char *fn, int k, int position, int64_t out[2], unsigned *scalar,
                            cnnc_error *err) {
    if (v->kind == CNNC_ARG_INT) {
        out[0] = out[1] = v->i;
        *scalar |= 1u << k;
        return CNNC_OK;
    }
    if (v->kind == CNNC_ARG_TUPLE || v->kind == CNNC_ARG_LIST) {
        for (int32_t j = 0; j < v->n; j++)
            if (v->items[j].kind != CNNC_ARG_INT)
                return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "%s(): argument '%s' (position %d) must be tuple of ints, not %s",
                                     fn, arg_names[k], position, v->kind == CNNC_ARG_LIST ? "list" : "tuple");
        out[0] = v->n > 0 ? v->items[0].i : 1;
        out[1] = v->n > 1 ? v->items[1].i : out[0];
        return CNNC_OK;
    }
    return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "%s(): argument '%s' (position %d) must be tuple of ints, not %s",
                         fn, arg_names[k], position, v->kind == CNNC_ARG_FLOAT ? "tuple" : cnnc_arg_type_name(v));
}

cnnc_status cnnc_fold_build(cnnc_layer *L, const cnnc_arg *const *a, int with_output, const char *fn, cnnc_error *err) {
    cnnc_fold_params *p = &L->p.fold;
    memset(p, 0, sizeof *p);
    int64_t *dst[5] = {p->output, p->kernel, p->dilation, p->padding, p->stride};
    static const int64_t defaults[5] = {0, 0, 1, 0, 1};
    for (int k = with_output ? 0 : 1, j = 0; k < 5; k++, j++) {
        dst[k][0] = dst[k][1] = defaults[k];
        if (!a[j] || a[j]->kind == CNNC_ARG_NONE) {
            p->scalar |= 1u << k;
            continue;
        }
        cnnc_status st = pair_arg(a[j], fn, k, j + 2, dst[k], &p->scalar, err);
        if (st) return st;
        if ((a[j]->kind == CNNC_ARG_TUPLE || a[j]->kind == CNNC_ARG_LIST) && a[j]->n != 2 && !p->bad_len) {
            p->bad_arg = k;
            p->bad_len = a[j]->n > 0 ? a[j]->n : -1;
        }
    }
    return CNNC_OK;
}

cnnc_status cnnc_fold_check_args(const cnnc_fold_params *p, cnnc_error *err) {
    if (p->bad_len)   /* the op's int[2] */
        return cnnc_shape_fail(err, "RuntimeError", "It is expected %s equals to 2, but got size %d", arg_names[p->bad_arg],
                               p->bad_len > 0 ? (int)p->bad_len : 0);
    if (!(p->kernel[0] > 0 && p->kernel[1] > 0))
        return cnnc_shape_fail(err, "RuntimeError", "kernel size should be greater than zero, but got kernel_height: %lld kernel_width: %lld",
                               (long long)p->kernel[0], (long long)p->kernel[1]);
    if (!(p->dilation[0] > 0 && p->dilation[1] > 0))
        return cnnc_shape_fail(err, "RuntimeError", "dilation should be greater than zero, but got dilation_height: %lld dilation_width: %lld",
                               (long long)p->dilation[0], (long long)p->dilation[1]);
    if (!(p->padding[0] >= 0 && p->padding[1] >= 0))
        return cnnc_shape_fail(err, "RuntimeError", "padding should be non-negative, but got pad_height: %lld pad_width: %lld",
                               (long long)p->padding[0], (long long)p->padding[1]);
    if (!(p->stride[0] > 0 && p->stride[1] > 0))
        return cnnc_shape_fail(err, "RuntimeError", "stride should be greater than zero, but got stride_height: %lld stride_width: %lld",
                               (long long)p->stride[0], (long long)p->stride[1]);
    for (int k = 0; k < 2; k++)
        if (p->kernel[k] > (1 << 16) || p->dilation[k] > (1 << 16) || p->padding[k] > (1 << 30) || p->output[k] > (1 << 30))
            return cnnc_shape_unsupported(err, "cnnc follows kernel sizes and dilations up to 2^16, and paddings and output "
                                               "sizes up to 2^30");
    return CNNC_OK;
}

static int64_t div_rtn(int64_t x, int64_t y) {   /* rounds toward negative infinity */
    int64_t q = x / y, r = x % y;
    return (r != 0 && ((r < 0) != (y < 0))) ? q - 1 : q;
}

void cnnc_fold_blocks(const cnnc_fold_params *p, int64_t H, int64_t W, int64_t *bh, int64_t *bw) {
    *bh = div_rtn(H + 2 * p->padding[0] - (p->dilation[0] * (p->kernel[0] - 1) + 1), p->stride[0]) + 1;
    *bw = div_rtn(W + 2 * p->padding[1] - (p->dilation[1] * (p->kernel[1] - 1) + 1), p->stride[1]) + 1;
}

void cnnc_fold_geom(const cnnc_fold_params *p, int64_t N, int64_t C, int64_t H, int64_t W, int64_t OH, int64_t OW,
                    cnnc_conv_geom *g) {
    memset(g, 0, sizeof *g);
    g->N = N;
    g->C = C;
    g->H = H;
    g->W = W;
    g->OC = C;
    g->OH = OH;
    g->OW = OW;
    g->KH = p->kernel[0];
    g->KW = p->kernel[1];
    g->SH = p->stride[0];
    g->SW = p->stride[1];
    g->PH = p->padding[0];
    g->PW = p->padding[1];
    g->DH = p->dilation[0];
    g->DW = p->dilation[1];
    g->groups = 1;
}

void cnnc_fold_render(const cnnc_layer *L, int with_output, cnnc_strbuf *sb) {
    const cnnc_fold_params *p = &L->p.fold;
    const int64_t *v[5] = {p->output, p->kernel, p->dilation, p->padding, p->stride};
    for (int k = with_output ? 0 : 1; k < 5; k++) {
        cnnc_sb_printf(sb, "%s%s=", k == (with_output ? 0 : 1) ? "" : ", ", arg_names[k]);
        if (p->scalar & (1u << k)) cnnc_sb_printf(sb, "%lld", (long long)v[k][0]);
        else cnnc_sb_printf(sb, "(%lld, %lld)", (long long)v[k][0], (long long)v[k][1]);
    }
}
