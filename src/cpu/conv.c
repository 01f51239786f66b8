/* conv.c — Conv2d as im2col + cblas_sgemm (forward) and GEMM + col2im
 * (backward). The batch is split over OpenMP threads, each running
 * single-threaded GEMMs on its own column buffer from the workspace; weight
 * and bias gradients are per-thread partial sums reduced in thread order, so
 * results are deterministic for a fixed thread count. */
#include <string.h>
#include <cblas.h>
#include <omp.h>
#include "cpu/cpu_kernels.h"
#include "cpu/cpu_internal.h"

/* Rows of one group's column matrix: (C/groups) * KH * KW. */
static int64_t conv_col_rows(const cnnc_conv_geom *g) { return (g->C / g->groups) * g->KH * g->KW; }

/* A 1x1, stride-1, unpadded conv reads the image itself as its column matrix. */
static int conv_is_pointwise(const cnnc_conv_geom *g) {
    return g->KH == 1 && g->KW == 1 && g->SH == 1 && g->SW == 1 && g->PH == 0 && g->PW == 0;
}

static size_t round_up16(size_t n) { return (n + 15) & ~(size_t)15; }

/* Per-thread slice: [column buffer | dout^T of one group | dweight^T partial
 * | dbias partial]. The weight gradient is accumulated transposed, [K, OC/g]
 * per group, so that its GEMM streams the transposed output gradient. */
static size_t conv_col_floats(const cnnc_conv_geom *g) {
    return conv_is_pointwise(g) ? 0 : round_up16((size_t)(conv_col_rows(g) * g->OH * g->OW));
}
static size_t conv_doutT_floats(const cnnc_conv_geom *g) {
    return round_up16((size_t)(g->OC / g->groups * g->OH * g->OW));
}
static size_t conv_dw_floats(const cnnc_conv_geom *g) { return round_up16((size_t)(g->OC * conv_col_rows(g))); }
static size_t conv_thread_floats(const cnnc_conv_geom *g) {
    return conv_col_floats(g) + conv_doutT_floats(g) + conv_dw_floats(g) + round_up16((size_t)g->OC);
}

/* `threads` must be at least the cpu_get_threads() the kernels will run with. */
size_t conv2d_workspace_floats_cpu(const cnnc_conv_geom *g, int threads) {
    if (threads < 1) threads = 1;
    return conv_thread_floats(g) * (size_t)threads;
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

void conv2d_forward_cpu(float *out, const float *in, const float *weight, const float *bias,
                        const cnnc_conv_geom *g, float *workspace) {
    const int64_t G = g->groups, Cg = g->C / G, OCg = g->OC / G;
    const int64_t K = conv_col_rows(g), OHW = g->OH * g->OW, CHW = g->C * g->H * g->W;
    const int pointwise = conv_is_pointwise(g);
    const size_t stride = conv_thread_floats(g);
    const int T = cpu_threads_for(g->N);
    (void)cpu_gemm_uses_avx512(); /* probe once, outside the parallel region */
    /* Several threads: each owns whole samples with a 1-thread GEMM. One
     * thread (e.g. N == 1): let OpenBLAS (if used) have all the cores. */
    const int old = cpu_blas_threads_push(T > 1 ? 1 : cpu_get_threads());
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t n = 0; n < g->N; n++) {
        float *col = workspace + stride * (size_t)omp_get_thread_num();
        float *out_n = out + n * g->OC * OHW;
        for (int64_t grp = 0; grp < G; grp++) {
            const float *img = in + n * CHW + grp * Cg * g->H * g->W;
            const float *B = img;
            if (!pointwise) {
                im2col_cpu(col, img, Cg, g);
                B = col;
            }
            cpu_gemm(OCg, OHW, K, weight + grp * OCg * K, K, 1, B, OHW, out_n + grp * OCg * OHW, OHW, 0);
        }
        if (bias) {
            for (int64_t oc = 0; oc < g->OC; oc++) {
                float *o = out_n + oc * OHW;
                const float b = bias[oc];
                for (int64_t i = 0; i < OHW; i++) o[i] += b;
            }
        }
    }
    cpu_blas_threads_pop(old);
}

void conv2d_backward_cpu(float *din, float *dweight, float *dbias, const float *dout,
                         const float *in, const float *weight, const cnnc_conv_geom *g,
                         float *workspace) {
    const int64_t G = g->groups, Cg = g->C / G, OCg = g->OC / G;
    const int64_t K = conv_col_rows(g), OHW = g->OH * g->OW;
    const int64_t HW = g->H * g->W, CHW = g->C * HW;
    const int pointwise = conv_is_pointwise(g);
    const size_t stride = conv_thread_floats(g), col_floats = conv_col_floats(g);
    const size_t doutT_floats = conv_doutT_floats(g), dw_floats = conv_dw_floats(g);
    const int T = cpu_threads_for(g->N);
    (void)cpu_gemm_uses_avx512();
    const int old = cpu_blas_threads_push(T > 1 ? 1 : cpu_get_threads());
#pragma omp parallel num_threads(T)
    {
        float *slice = workspace + stride * (size_t)omp_get_thread_num();
        float *col = slice;
        float *doutT = slice + col_floats;
        float *dwT = doutT + doutT_floats; /* [G][K][OCg] */
        float *db = dwT + dw_floats;
        if (dweight) memset(dwT, 0, (size_t)(g->OC * K) * sizeof(float));
        if (dbias) memset(db, 0, (size_t)g->OC * sizeof(float));
#pragma omp for schedule(static)
        for (int64_t n = 0; n < g->N; n++) {
            const float *dout_n = dout + n * g->OC * OHW;
            for (int64_t grp = 0; grp < G; grp++) {
                const float *dout_g = dout_n + grp * OCg * OHW;
                const float *w_g = weight + grp * OCg * K;
                const float *img = in + n * CHW + grp * Cg * HW;
                if (dweight) {
                    const float *B = img;
                    if (!pointwise) {
                        im2col_cpu(col, img, Cg, g);
                        B = col;
                    }
                    for (int64_t oc = 0; oc < OCg; oc++)
                        for (int64_t i = 0; i < OHW; i++) doutT[i * OCg + oc] = dout_g[oc * OHW + i];
                    /* dW^T[K, OCg] += col[K, OHW] * dout_g^T[OHW, OCg] */
                    cpu_gemm(K, OCg, OHW, B, OHW, 1, doutT, OCg, dwT + grp * K * OCg, OCg, 1);
                }
                if (din) {
                    float *din_g = din + n * CHW + grp * Cg * HW;
                    /* col[K, OHW] = W_g^T[K, OCg] * dout_g[OCg, OHW] */
                    if (pointwise) {
                        cpu_gemm(Cg, OHW, OCg, w_g, 1, K, dout_g, OHW, din_g, OHW, 0);
                    } else {
                        cpu_gemm(K, OHW, OCg, w_g, 1, K, dout_g, OHW, col, OHW, 0);
                        memset(din_g, 0, (size_t)(Cg * HW) * sizeof(float));
                        col2im_cpu(din_g, col, Cg, g);
                    }
                }
            }
            if (dbias) {
                for (int64_t oc = 0; oc < g->OC; oc++) {
                    const float *d = dout_n + oc * OHW;
                    float s = 0.0f;
                    for (int64_t i = 0; i < OHW; i++) s += d[i];
                    db[oc] += s;
                }
            }
        }
    }
    /* Fixed-order reduction of the per-thread partials (deterministic for a
     * fixed thread count), transposing dW^T back to [OC, C/g, KH, KW]. */
    for (int t = 0; t < T; t++) {
        const float *slice = workspace + stride * (size_t)t;
        const float *dwT = slice + col_floats + doutT_floats;
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
    cpu_blas_threads_pop(old);
}
