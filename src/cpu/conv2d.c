/* conv2d.c — Conv2d on the CPU. Two engines, same results:
 *  - im2col + GEMM (forward), GEMM + col2im (backward): any geometry.
 *  - "shifted views" for stride 1 with the AVX-512 GEMM: the input is copied
 *    into a zero-padded plane and the GEMM computes OH x Wp outputs (Wp = the
 *    padded width), so the column matrix row for tap (c,kh,kw) is simply the
 *    padded plane read from offset c*Hp*Wp + kh*DH*Wp + kw*DW. No im2col copy;
 *    the Wp-OW junk columns per row are computed and dropped. The input
 *    gradient is the same trick on the zero-padded output gradient with
 *    flipped, transposed weights (a stride-1 transposed convolution).
 * The batch is split over OpenMP threads, each running single-threaded GEMMs
 * on its own buffers from the workspace; weight and bias gradients are
 * per-thread partial sums reduced in thread order, so results are
 * deterministic for a fixed thread count. */
#include <stdint.h>
#include <string.h>
#include <cblas.h>
#include <omp.h>
#include "cpu/cpu_backend.h"
#include "cpu/cpu_internal.h"

/* Rows of one group's column matrix: (C/groups) * KH * KW. */
static int64_t conv_col_rows(const cnnc_conv_geom *g) { return (g->C / g->groups) * g->KH * g->KW; }

/* A 1x1, stride-1, unpadded conv reads the image itself as its column matrix. */
static int conv_is_pointwise(const cnnc_conv_geom *g) {
    return g->KH == 1 && g->KW == 1 && g->SH == 1 && g->SW == 1 && g->PH == 0 && g->PW == 0;
}

static size_t round_up16(size_t n) { return (n + 15) & ~(size_t)15; }

/* Stride 1 (not 1x1) with the AVX-512 GEMM: the shifted-views engine, as
 * long as its tap offsets fit the GEMM's int32 offset tables. */
static int conv_views_fit(const cnnc_conv_geom *g) {
    const int64_t Cg = g->C / g->groups, OCg = g->OC / g->groups;
    const int64_t plane_in = (g->OH + (g->KH - 1) * g->DH) * (g->OW + (g->KW - 1) * g->DW);
    const int64_t plane_grad = (g->H + (g->KH - 1) * g->DH) * (g->W + (g->KW - 1) * g->DW);
    return Cg * plane_in < INT32_MAX / 2 && OCg * plane_grad < INT32_MAX / 2;
}
static int conv_uses_views(const cnnc_conv_geom *g) {
    return g->SH == 1 && g->SW == 1 && !conv_is_pointwise(g) && cpu_gemm_uses_avx512() && conv_views_fit(g);
}

/* Buffer sizes (floats) of the shifted-views engine. Padded input plane
 * Hp x Wp holds every tap of OH x OW outputs; padded gradient plane Hq x Wq
 * every tap of H x W input positions; each gets (KW-1)*DW floats of tail
 * that the junk columns of its last row read. */
typedef struct conv_views {
    int64_t Hp, Wp, Hq, Wq, tail;
    size_t xpad, outp, doutT, doutpad, dinp;
} conv_views;

static conv_views conv_views_of(const cnnc_conv_geom *g) {
    conv_views v;
    const int64_t Cg = g->C / g->groups, OCg = g->OC / g->groups;
    v.Hp = g->OH + (g->KH - 1) * g->DH;
    v.Wp = g->OW + (g->KW - 1) * g->DW;
    v.Hq = g->H + (g->KH - 1) * g->DH;
    v.Wq = g->W + (g->KW - 1) * g->DW;
    v.tail = (g->KW - 1) * g->DW;
    v.xpad = round_up16((size_t)(Cg * v.Hp * v.Wp + v.tail));
    v.outp = round_up16((size_t)(OCg * g->OH * v.Wp));
    v.doutT = round_up16((size_t)(g->OH * v.Wp * OCg));
    v.doutpad = round_up16((size_t)(OCg * v.Hq * v.Wq + v.tail));
    v.dinp = round_up16((size_t)(Cg * g->H * v.Wq));
    return v;
}

/* Workspace: [shared part | T per-thread slices]. Shared (views engine):
 * tap offsets into the padded input (K int64), into the padded gradient
 * (OCg*KH*KW int64) and the flipped, transposed weights (OC*K floats).
 * Slice: engine buffers, then dweight^T partial [G][K][OCg], dbias partial.
 * The weight gradient is accumulated transposed so that its GEMM streams
 * the (transposed) output gradient. */
static size_t conv_shared_floats_for(const cnnc_conv_geom *g, int views) {
    if (!views) return 0;
    const int64_t K = conv_col_rows(g), Kq = g->OC / g->groups * g->KH * g->KW;
    return round_up16((size_t)K) + round_up16((size_t)Kq) + round_up16((size_t)(g->OC * K));
}
static size_t conv_shared_floats(const cnnc_conv_geom *g) { return conv_shared_floats_for(g, conv_uses_views(g)); }
static size_t conv_engine_floats_for(const cnnc_conv_geom *g, int views) {
    if (views) {
        const conv_views v = conv_views_of(g);
        return v.xpad + v.outp + v.doutT + v.doutpad + v.dinp;
    }
    const size_t col = conv_is_pointwise(g) ? 0 : round_up16((size_t)(conv_col_rows(g) * g->OH * g->OW));
    return col + round_up16((size_t)(g->OC / g->groups * g->OH * g->OW)); /* col | dout^T */
}
static size_t conv_engine_floats(const cnnc_conv_geom *g) { return conv_engine_floats_for(g, conv_uses_views(g)); }
static size_t conv_dw_floats(const cnnc_conv_geom *g) { return round_up16((size_t)(g->OC * conv_col_rows(g))); }
static size_t conv_thread_floats(const cnnc_conv_geom *g) {
    return conv_engine_floats(g) + conv_dw_floats(g) + round_up16((size_t)g->OC);
}

/* `threads` must be at least the cpu_get_threads() the kernels will run with.
 * Sized for whichever engine needs more, so that switching the GEMM path
 * (tests) never outgrows a workspace sized earlier. */
size_t conv2d_workspace_floats_cpu(const cnnc_conv_geom *g, int threads) {
    if (threads < 1) threads = 1;
    size_t most = 0;
    for (int views = 0; views < 2; views++) {
        if (views && !conv_views_fit(g)) continue;
        const size_t slice = conv_engine_floats_for(g, views) + conv_dw_floats(g) + round_up16((size_t)g->OC);
        const size_t total = conv_shared_floats_for(g, views) + slice * (size_t)threads;
        if (total > most) most = total;
    }
    return most;
}

/* Copy C planes of src (sh x sw) into dst (dh x dw, zeroed first, plus
 * `tail` zeros) at row/column offset (top, left); parts outside are dropped. */
static void pad_planes(float *dst, const float *src, int64_t C, int64_t sh, int64_t sw, int64_t dh,
                       int64_t dw, int64_t top, int64_t left, int64_t tail) {
    memset(dst, 0, (size_t)(C * dh * dw + tail) * sizeof(float));
    const int64_t c0 = left < 0 ? -left : 0; /* first source column kept */
    int64_t c1 = dw - left < sw ? dw - left : sw;
    if (c1 <= c0) return;
    for (int64_t c = 0; c < C; c++)
        for (int64_t r = 0; r < sh; r++) {
            const int64_t dr = r + top;
            if (dr < 0 || dr >= dh) continue;
            memcpy(dst + (c * dh + dr) * dw + left + c0, src + (c * sh + r) * sw + c0,
                   (size_t)(c1 - c0) * sizeof(float));
        }
}

/* Valid output columns [lo, hi) for kernel column offset `off` = kw*DW - PW:
 * those ow with 0 <= ow*SW + off < W. */
static void conv_valid_range(int64_t off, int64_t S, int64_t W, int64_t OW, int64_t *lo, int64_t *hi) {
    int64_t l = off >= 0 ? 0 : (-off + S - 1) / S;
    int64_t h = (W - 1 - off) < 0 ? 0 : (W - 1 - off) / S + 1;
    if (h > OW) h = OW;
    if (l > h) l = h;
    *lo = l;
    *hi = h;
}

void im2col_cpu(float *col, const float *img, int64_t C, const cnnc_conv_geom *g) {
    const int64_t H = g->H, W = g->W, OH = g->OH, OW = g->OW, SW = g->SW;
    for (int64_t c = 0; c < C; c++) {
        for (int64_t kh = 0; kh < g->KH; kh++) {
            for (int64_t kw = 0; kw < g->KW; kw++) {
                float *row = col + ((c * g->KH + kh) * g->KW + kw) * OH * OW;
                const int64_t off = kw * g->DW - g->PW;
                int64_t lo, hi;
                conv_valid_range(off, SW, W, OW, &lo, &hi);
                for (int64_t oh = 0; oh < OH; oh++) {
                    float *dst = row + oh * OW;
                    const int64_t ih = oh * g->SH - g->PH + kh * g->DH;
                    if (ih < 0 || ih >= H) {
                        memset(dst, 0, (size_t)OW * sizeof(float));
                        continue;
                    }
                    const float *src = img + (c * H + ih) * W + off;
                    for (int64_t ow = 0; ow < lo; ow++) dst[ow] = 0.0f;
                    if (SW == 1) {
                        memcpy(dst + lo, src + lo, (size_t)(hi - lo) * sizeof(float));
                    } else {
                        for (int64_t ow = lo; ow < hi; ow++) dst[ow] = src[ow * SW];
                    }
                    for (int64_t ow = hi; ow < OW; ow++) dst[ow] = 0.0f;
                }
            }
        }
    }
}

void col2im_cpu(float *img, const float *col, int64_t C, const cnnc_conv_geom *g) {
    const int64_t H = g->H, W = g->W, OH = g->OH, OW = g->OW, SW = g->SW;
    for (int64_t c = 0; c < C; c++) {
        for (int64_t kh = 0; kh < g->KH; kh++) {
            for (int64_t kw = 0; kw < g->KW; kw++) {
                const float *row = col + ((c * g->KH + kh) * g->KW + kw) * OH * OW;
                const int64_t off = kw * g->DW - g->PW;
                int64_t lo, hi;
                conv_valid_range(off, SW, W, OW, &lo, &hi);
                for (int64_t oh = 0; oh < OH; oh++) {
                    const int64_t ih = oh * g->SH - g->PH + kh * g->DH;
                    if (ih < 0 || ih >= H) continue;
                    const float *src = row + oh * OW;
                    float *dst = img + (c * H + ih) * W + off;
                    if (SW == 1) {
                        for (int64_t ow = lo; ow < hi; ow++) dst[ow] += src[ow];
                    } else {
                        for (int64_t ow = lo; ow < hi; ow++) dst[ow * SW] += src[ow];
                    }
                }
            }
        }
    }
}

/* Shared tables of the views engine: tap offsets into the padded input and
 * the padded output gradient, and (for the input gradient) the weights
 * flipped in space and transposed per group to [C/g, OC/g * KH * KW]. */
static void conv_views_tables(const cnnc_conv_geom *g, const conv_views *v, const float *weight,
                              float *shared, int32_t **xoff, int32_t **qoff, float **wt) {
    const int64_t G = g->groups, Cg = g->C / G, OCg = g->OC / G, KK = g->KH * g->KW;
    const int64_t K = Cg * KK, Kq = OCg * KK;
    /* int32 tables in float-sized slots: same size and alignment as floats */
    *xoff = (int32_t *)shared;
    *qoff = (int32_t *)(shared + round_up16((size_t)K));
    *wt = shared + round_up16((size_t)K) + round_up16((size_t)Kq);
    for (int64_t c = 0; c < Cg; c++)
        for (int64_t kh = 0; kh < g->KH; kh++)
            for (int64_t kw = 0; kw < g->KW; kw++)
                (*xoff)[(c * g->KH + kh) * g->KW + kw] = (int32_t)(c * v->Hp * v->Wp + kh * g->DH * v->Wp + kw * g->DW);
    for (int64_t oc = 0; oc < OCg; oc++)
        for (int64_t kh = 0; kh < g->KH; kh++)
            for (int64_t kw = 0; kw < g->KW; kw++)
                (*qoff)[(oc * g->KH + kh) * g->KW + kw] = (int32_t)(oc * v->Hq * v->Wq + kh * g->DH * v->Wq + kw * g->DW);
    if (!weight) return;
    for (int64_t grp = 0; grp < G; grp++)
        for (int64_t c = 0; c < Cg; c++)
            for (int64_t oc = 0; oc < OCg; oc++)
                for (int64_t kh = 0; kh < g->KH; kh++)
                    for (int64_t kw = 0; kw < g->KW; kw++)
                        (*wt)[(grp * Cg + c) * Kq + (oc * g->KH + kh) * g->KW + kw] =
                            weight[(grp * OCg + oc) * K + (c * g->KH + (g->KH - 1 - kh)) * g->KW + (g->KW - 1 - kw)];
}

void conv2d_forward_cpu(float *out, const float *in, const float *weight, const float *bias,
                        const cnnc_conv_geom *g, float *workspace) {
    const int64_t G = g->groups, Cg = g->C / G, OCg = g->OC / G;
    const int64_t K = conv_col_rows(g), OHW = g->OH * g->OW, HW = g->H * g->W, CHW = g->C * HW;
    (void)cpu_gemm_uses_avx512(); /* probe once, outside the parallel region */
    const int pointwise = conv_is_pointwise(g), views = conv_uses_views(g);
    const conv_views v = conv_views_of(g);
    float *slices = workspace + conv_shared_floats(g);
    const size_t stride = conv_thread_floats(g);
    int32_t *xoff = NULL, *qoff = NULL;
    float *wt = NULL;
    if (views) conv_views_tables(g, &v, NULL, workspace, &xoff, &qoff, &wt);
    const int T = cpu_threads_for(g->N);
    /* Several threads: each owns whole samples with a 1-thread GEMM. One
     * thread (e.g. N == 1): let OpenBLAS (if used) have all the cores. */
    const int old = cpu_gemm_uses_avx512() ? -1 : cpu_blas_threads_push(T > 1 ? 1 : cpu_get_threads());
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t n = 0; n < g->N; n++) {
        float *slice = slices + stride * (size_t)omp_get_thread_num();
        float *out_n = out + n * g->OC * OHW;
        for (int64_t grp = 0; grp < G; grp++) {
            const float *img = in + n * CHW + grp * Cg * HW;
            const float *w_g = weight + grp * OCg * K;
            float *out_g = out_n + grp * OCg * OHW;
            if (views) {
                float *xpad = slice, *outp = slice + v.xpad;
                pad_planes(xpad, img, Cg, g->H, g->W, v.Hp, v.Wp, g->PH, g->PW, v.tail);
                cpu_gemm_offsets(OCg, g->OH * v.Wp, K, w_g, NULL, K, 1, xpad, xoff, 0, outp, g->OH * v.Wp, 0);
                /* drop the junk columns, adding the bias on the way */
                for (int64_t oc = 0; oc < OCg; oc++) {
                    const float b = bias ? bias[grp * OCg + oc] : 0.0f;
                    for (int64_t oh = 0; oh < g->OH; oh++) {
                        float *dst = out_g + (oc * g->OH + oh) * g->OW;
                        const float *src = outp + (oc * g->OH + oh) * v.Wp;
                        for (int64_t ow = 0; ow < g->OW; ow++) dst[ow] = src[ow] + b;
                    }
                }
            } else {
                const float *B = img;
                if (!pointwise) {
                    im2col_cpu(slice, img, Cg, g);
                    B = slice;
                }
                cpu_gemm(OCg, OHW, K, w_g, K, 1, B, OHW, out_g, OHW, 0);
            }
        }
        if (bias && !views) {
            for (int64_t oc = 0; oc < g->OC; oc++) {
                float *o = out_n + oc * OHW;
                const float b = bias[oc];
                for (int64_t i = 0; i < OHW; i++) o[i] += b;
            }
        }
    }
    if (old >= 0) cpu_blas_threads_pop(old);
}

void conv2d_backward_cpu(float *din, float *dweight, float *dbias, const float *dout,
                         const float *in, const float *weight, const cnnc_conv_geom *g,
                         float *workspace) {
    const int64_t G = g->groups, Cg = g->C / G, OCg = g->OC / G;
    const int64_t K = conv_col_rows(g), OHW = g->OH * g->OW, KK = g->KH * g->KW;
    const int64_t HW = g->H * g->W, CHW = g->C * HW;
    (void)cpu_gemm_uses_avx512();
    const int pointwise = conv_is_pointwise(g), views = conv_uses_views(g);
    const conv_views v = conv_views_of(g);
    float *slices = workspace + conv_shared_floats(g);
    const size_t stride = conv_thread_floats(g), engine_floats = conv_engine_floats(g);
    const size_t dw_floats = conv_dw_floats(g);
    int32_t *xoff = NULL, *qoff = NULL;
    float *wt = NULL;
    if (views) conv_views_tables(g, &v, din ? weight : NULL, workspace, &xoff, &qoff, &wt);
    /* Where the output gradient sits in the padded gradient plane. */
    const int64_t top = (g->KH - 1) * g->DH - g->PH, left = (g->KW - 1) * g->DW - g->PW;
    const int T = cpu_threads_for(g->N);
    const int old = cpu_gemm_uses_avx512() ? -1 : cpu_blas_threads_push(T > 1 ? 1 : cpu_get_threads());
#pragma omp parallel num_threads(T)
    {
        float *slice = slices + stride * (size_t)omp_get_thread_num();
        /* views: [xpad | outp | dout^T | doutpad | dinp]; im2col: [col | dout^T] */
        float *col = slice;
        float *doutT = views ? slice + v.xpad + v.outp : slice + (engine_floats - round_up16((size_t)(OCg * OHW)));
        float *doutpad = doutT + v.doutT, *dinp = doutpad + v.doutpad;
        float *dwT = slice + engine_floats; /* [G][K][OCg] */
        float *db = dwT + dw_floats;
        if (dweight) memset(dwT, 0, (size_t)(g->OC * K) * sizeof(float));
        if (dbias) memset(db, 0, (size_t)g->OC * sizeof(float));
#pragma omp for schedule(static)
        for (int64_t n = 0; n < g->N; n++) {
            const float *dout_n = dout + n * g->OC * OHW;
            for (int64_t grp = 0; grp < G; grp++) {
                const float *dout_g = dout_n + grp * OCg * OHW;
                const float *w_g = weight + grp * OCg * K;
                const float *img = in ? in + n * CHW + grp * Cg * HW : NULL; /* NULL: no dweight */
                float *dwT_g = dwT + grp * K * OCg;
                if (dweight && views) {
                    /* dW^T[K, OCg] += xpad views [K, OH*Wp] * dout^T [OH*Wp, OCg] (junk rows 0) */
                    pad_planes(slice, img, Cg, g->H, g->W, v.Hp, v.Wp, g->PH, g->PW, v.tail);
                    for (int64_t oh = 0; oh < g->OH; oh++)
                        for (int64_t ow = 0; ow < v.Wp; ow++) {
                            float *dst = doutT + (oh * v.Wp + ow) * OCg;
                            if (ow < g->OW)
                                for (int64_t oc = 0; oc < OCg; oc++) dst[oc] = dout_g[oc * OHW + oh * g->OW + ow];
                            else
                                for (int64_t oc = 0; oc < OCg; oc++) dst[oc] = 0.0f;
                        }
                    cpu_gemm_offsets(K, OCg, g->OH * v.Wp, slice, xoff, 0, 1, doutT, NULL, OCg, dwT_g, OCg, 1);
                } else if (dweight) {
                    const float *B = img;
                    if (!pointwise) {
                        im2col_cpu(col, img, Cg, g);
                        B = col;
                    }
                    for (int64_t oc = 0; oc < OCg; oc++)
                        for (int64_t i = 0; i < OHW; i++) doutT[i * OCg + oc] = dout_g[oc * OHW + i];
                    /* dW^T[K, OCg] += col[K, OHW] * dout_g^T[OHW, OCg] */
                    cpu_gemm(K, OCg, OHW, B, OHW, 1, doutT, OCg, dwT_g, OCg, 1);
                }
                if (din) {
                    float *din_g = din + n * CHW + grp * Cg * HW;
                    if (views) {
                        /* din = flipped weights (x) zero-padded dout, stride 1 */
                        pad_planes(doutpad, dout_g, OCg, g->OH, g->OW, v.Hq, v.Wq, top, left, v.tail);
                        cpu_gemm_offsets(Cg, g->H * v.Wq, OCg * KK, wt + grp * Cg * OCg * KK, NULL, OCg * KK, 1,
                                         doutpad, qoff, 0, dinp, g->H * v.Wq, 0);
                        for (int64_t r = 0; r < Cg * g->H; r++)
                            memcpy(din_g + r * g->W, dinp + r * v.Wq, (size_t)g->W * sizeof(float));
                    } else if (pointwise) {
                        /* din_g[Cg, HW] = W_g^T[Cg, OCg] * dout_g[OCg, HW] */
                        cpu_gemm(Cg, OHW, OCg, w_g, 1, K, dout_g, OHW, din_g, OHW, 0);
                    } else {
                        /* col[K, OHW] = W_g^T[K, OCg] * dout_g[OCg, OHW], then col2im */
                        cpu_gemm(K, OHW, OCg, w_g, 1, K, dout_g, OHW, col, OHW, 0);
                        memset(din_g, 0, (size_t)(Cg * HW) * sizeof(float));
                        col2im_cpu(din_g, col, Cg, g);
                    }
                }
            }
            if (dbias) {
                for (int64_t oc = 0; oc < g->OC; oc++) {
                    const float *d = dout_n + oc * OHW;
                    float s = 0.0f; /* vector partial sums: fixed order, no serial add chain */
#pragma omp simd reduction(+ : s)
                    for (int64_t i = 0; i < OHW; i++) s += d[i];
                    db[oc] += s;
                }
            }
        }
    }
    /* Fixed-order reduction of the per-thread partials (deterministic for a
     * fixed thread count), transposing dW^T back to [OC, C/g, KH, KW]. */
    for (int t = 0; t < T; t++) {
        const float *dwT = slices + stride * (size_t)t + engine_floats;
        const float *db = dwT + dw_floats;
        if (dweight) {
            for (int64_t grp = 0; grp < G; grp++)
                for (int64_t oc = 0; oc < OCg; oc++) {
                    float *dst = dweight + (grp * OCg + oc) * K;
                    const float *src = dwT + grp * K * OCg + oc;
                    if (t == 0)
                        for (int64_t k = 0; k < K; k++) dst[k] = src[k * OCg];
                    else
                        for (int64_t k = 0; k < K; k++) dst[k] += src[k * OCg];
                }
        }
        if (dbias) {
            for (int64_t i = 0; i < g->OC; i++) dbias[i] = t == 0 ? db[i] : dbias[i] + db[i];
        }
    }
    if (old >= 0) cpu_blas_threads_pop(old);
}

/* ---- the engine's entry ---- */

static int64_t weight_numel(const cnnc_conv_geom *g) { return g->OC * (g->C / g->groups) * g->KH * g->KW; }

static size_t conv2d_ws(const cnnc_engine *e, int32_t node, const cnnc_layer_shape *s) {
    const cnnc_conv_geom *g = &s->g.conv;
    (void)node;
    int threads = e->cfg.threads > 0 ? e->cfg.threads : cpu_get_threads();
    size_t floats = cpu_bf16_operand_floats(e, g->N * g->C * g->H * g->W, weight_numel(g), s->out_numel) +
                    conv2d_workspace_floats_cpu(g, threads);
    return floats * sizeof(float);
}

static cnnc_status conv2d_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    const cnnc_conv_geom *g = &r->shape->g.conv;
    (void)train; (void)err;
    const cpu_gemm_operands o = cpu_gemm_operands_of(e, r->in[0], g->N * g->C * g->H * g->W, r->weight,
                                                     weight_numel(g), NULL, 0, cpu_workspace(e));
    conv2d_forward_cpu(r->out, o.in, o.weight, r->bias, g, o.rest);
    return CNNC_OK;
}

static cnnc_status conv2d_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    const cnnc_conv_geom *g = &r->shape->g.conv;
    (void)err;
    const cpu_gemm_operands o = cpu_gemm_operands_of(e, r->in[0], g->N * g->C * g->H * g->W, r->weight,
                                                     weight_numel(g), r->dout, r->shape->out_numel, cpu_workspace(e));
    conv2d_backward_cpu(r->din[0], r->dweight, e->cfg.bf16 ? NULL : r->dbias, o.dout, o.in, o.weight, g, o.rest);
    if (e->cfg.bf16 && r->dbias) /* the bias gradient from the fp32 gradient, as on CUDA */
        conv2d_backward_cpu(NULL, NULL, r->dbias, r->dout, r->in[0], r->weight, g, o.rest);
    return CNNC_OK;
}

/* The kernels pad with zeros; PyTorch's reflect/replicate padding is a pad then an unpadded conv. */
static const char *conv2d_unsupported(const struct cnnc_engine *e, int32_t node) {
    const char *why = cnnc_tensor_weight_unsupported(&e->model->layers[node]);
    if (why) return why;
    return e->model->layers[node].p.conv.padding_mode
               ? "it runs Conv2d with padding_mode='zeros' only (the shape pass and check take 'reflect' and 'replicate')"
               : NULL;
}

const cnnc_kernel cnnc_cpu_conv2d = {conv2d_unsupported, conv2d_ws, conv2d_fwd, conv2d_bwd};
/* Conv1d is stored as a convolution of height 1 (src/layers/conv1d.c): the same kernels. */
const cnnc_kernel cnnc_cpu_conv1d = {conv2d_unsupported, conv2d_ws, conv2d_fwd, conv2d_bwd};
