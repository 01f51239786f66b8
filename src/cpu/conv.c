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

/* Per-thread slice: [column buffer | dweight partial | dbias partial]. */
static size_t conv_col_floats(const cnnc_conv_geom *g) {
    return conv_is_pointwise(g) ? 0 : round_up16((size_t)(conv_col_rows(g) * g->OH * g->OW));
}
static size_t conv_dw_floats(const cnnc_conv_geom *g) { return round_up16((size_t)(g->OC * conv_col_rows(g))); }
static size_t conv_thread_floats(const cnnc_conv_geom *g) {
    return conv_col_floats(g) + conv_dw_floats(g) + round_up16((size_t)g->OC);
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
    /* Several threads: each owns whole samples with a 1-thread GEMM. One
     * thread (e.g. N == 1): let OpenBLAS use all the cores. */
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
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)OCg, (int)OHW, (int)K, 1.0f,
                        weight + grp * OCg * K, (int)K, B, (int)OHW, 0.0f, out_n + grp * OCg * OHW,
                        (int)OHW);
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
    const size_t dw_floats = conv_dw_floats(g);
    const int T = cpu_threads_for(g->N);
    const int old = cpu_blas_threads_push(T > 1 ? 1 : cpu_get_threads());
#pragma omp parallel num_threads(T)
    {
        const int tid = omp_get_thread_num();
        float *slice = workspace + stride * (size_t)tid;
        float *col = slice;
        /* Thread 0 sums straight into the outputs; the others into partials. */
        float *dw = tid == 0 ? dweight : slice + col_floats;
        float *db = tid == 0 ? dbias : slice + col_floats + dw_floats;
        if (dweight) memset(dw, 0, (size_t)(g->OC * K) * sizeof(float));
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
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)OCg, (int)K, (int)OHW,
                                1.0f, dout_g, (int)OHW, B, (int)OHW, 1.0f, dw + grp * OCg * K, (int)K);
                }
                if (din) {
                    float *din_g = din + n * CHW + grp * Cg * HW;
                    if (pointwise) {
                        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, (int)Cg, (int)OHW,
                                    (int)OCg, 1.0f, w_g, (int)K, dout_g, (int)OHW, 0.0f, din_g,
                                    (int)OHW);
                    } else {
                        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, (int)K, (int)OHW,
                                    (int)OCg, 1.0f, w_g, (int)K, dout_g, (int)OHW, 0.0f, col,
                                    (int)OHW);
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
    /* Fixed-order reduction of the per-thread partials. */
    for (int t = 1; t < T; t++) {
        const float *slice = workspace + stride * (size_t)t;
        if (dweight) {
            const float *p = slice + col_floats;
            for (int64_t i = 0; i < g->OC * K; i++) dweight[i] += p[i];
        }
        if (dbias) {
            const float *p = slice + col_floats + dw_floats;
            for (int64_t i = 0; i < g->OC; i++) dbias[i] += p[i];
        }
    }
    cpu_blas_threads_pop(old);
}
