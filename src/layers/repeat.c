/* repeat.c — Tensor.repeat(*repeats): dim k tiled repeats[k] times (leading
 * repeats add dims). As a broadcast: the output seen as [r0, s0, r1, s1, ...]
 * is the padded input [1, s0, 1, s1, ...] expanded, so forward is a gather
 * and backward sums the tiles (the expand kernels). PyTorch's checks, then
 * torch.empty's on the output size. */
#include "layers/expand_common.h"

#include <string.h>

static cnnc_status build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    return cnnc_expand_sizes_build(L, a[0], "repeat", "repeats", call, err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_shape *x = in[0];
    int64_t reps[CNNC_MAX_DIMS];
    (void)train;
    cnnc_status st = cnnc_expand_resolve(&L->p.expand, in, n_in, reps, err);
    if (st) return st;
    const int32_t n = L->p.expand.n;
    if (n < x->ndim)
        return cnnc_shape_fail(err, "RuntimeError",
                               "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
    /* target = padded size * repeats, wrapping as int64 does, then torch.empty(target)'s checks */
    cnnc_shape out;
    memset(&out, 0, sizeof out);
    out.ndim = n;
    int64_t padded[CNNC_MAX_DIMS];
    for (int32_t k = 0; k < n; k++) {
        padded[k] = k < n - x->ndim ? 1 : x->d[k - (n - x->ndim)];
        out.d[k] = (int64_t)((uint64_t)padded[k] * (uint64_t)reps[k]);
    }
    char list[24 * CNNC_MAX_DIMS];
    cnnc_strbuf sb;
    cnnc_sb_fixed(&sb, list, sizeof list);
    cnnc_render_dims(&sb, out.d, n);
    const int64_t symint_min = -((int64_t)1 << 62);   /* SymInt's smallest plain int */
    for (int32_t k = 0; k < n; k++)
        if (out.d[k] < symint_min)
            return cnnc_shape_fail(err, "RuntimeError", "IntArrayRef contains an int that cannot be represented as a SymInt: %lld",
                                   (long long)out.d[k]);
    for (int32_t k = 0; k < n; k++)
        if (out.d[k] < 0)
            return cnnc_shape_fail(err, "RuntimeError", "Trying to create tensor with negative dimension %lld: %s",
                                   (long long)out.d[k], list);
    uint64_t bytes = 1;
    int overflow = 0;
    for (int32_t k = 0; k < n; k++) overflow |= __builtin_mul_overflow(bytes, (uint64_t)out.d[k], &bytes);
    overflow |= __builtin_mul_overflow(bytes, (uint64_t)sizeof(float), &bytes);
    if (overflow) return cnnc_shape_fail(err, "RuntimeError", "Storage size calculation overflowed with sizes=%s", list);
    ls->out = out;
    /* [r0, s0, r1, s1, ...]: the r's broadcast */
    int64_t dims[2 * CNNC_MAX_DIMS];
    uint8_t bcast[2 * CNNC_MAX_DIMS];
    for (int32_t k = 0; k < n; k++) {
        dims[2 * k] = reps[k];
        bcast[2 * k] = 1;
        dims[2 * k + 1] = padded[k];
        bcast[2 * k + 1] = 0;
    }
    if (!cnnc_expand_geometry(dims, bcast, 2 * n, &ls->g.expand))
        return cnnc_shape_unsupported(err, "cnnc cannot follow this repeat(): its tiles need more than %d dims", CNNC_MAX_DIMS);
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_expand_render_sizes(&L->p.expand, NULL, 0, sb); }

static void expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb) {
    cnnc_sb_printf(sb, "%s.repeat(", in[0]);
    cnnc_expand_render_sizes(&L->p.expand, in, n_in, sb);
    cnnc_sb_puts(sb, ")");
}

const cnnc_layer_def cnnc_layer_repeat = {
    .kind = CNNC_REPEAT,
    .name = "repeat",
    .functional = "repeat(input, *repeats)",
    .functional_in = CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_SIZES_FROM_INPUTS,
    .build = build,
    .shape = shape,
    .cost = cnnc_expand_cost,
    .render = render,
    .expr = expr,
};
