/* maxpool2d.c — MaxPool2d on the CPU, following PyTorch's CPU kernel window
 * by window (same scan order and NaN propagation), so the outputs and argmax
 * indices agree exactly. Parallel over (n, c) planes. */
#include <math.h>
#include <string.h>
#include "cpu/cpu_backend.h"
#include "cpu/cpu_internal.h"

/* The seed nets' MaxPool2d(2): 2x2 windows, stride 2, no padding, all inside
 * the input. Same decisions as the general loop, without the bounds logic. */
static int maxpool_is_2x2_s2(const cnnc_pool_geom *g) {
    return g->KH == 2 && g->KW == 2 && g->SH == 2 && g->SW == 2 && g->PH == 0 && g->PW == 0 &&
           g->DH == 1 && g->DW == 1 && 2 * g->OH <= g->H && 2 * g->OW <= g->W;
}

static void maxpool_2x2_plane(float *dst, int32_t *idx, const float *src, int64_t W, int64_t OH, int64_t OW) {
    for (int64_t oh = 0; oh < OH; oh++) {
        const float *r0 = src + 2 * oh * W, *r1 = r0 + W;
        const int32_t base = (int32_t)(2 * oh * W);
        for (int64_t ow = 0; ow < OW; ow++) {
            const int64_t w = 2 * ow;
            /* scan order (h,w), (h,w+1), (h+1,w), (h+1,w+1); ties keep the first, NaN takes over */
            float best = r0[w];
            int32_t bi = base + (int32_t)w;
            if (r0[w + 1] > best || isnan(r0[w + 1])) { best = r0[w + 1]; bi = base + (int32_t)w + 1; }
            if (r1[w] > best || isnan(r1[w])) { best = r1[w]; bi = base + (int32_t)(W + w); }
            if (r1[w + 1] > best || isnan(r1[w + 1])) { best = r1[w + 1]; bi = base + (int32_t)(W + w) + 1; }
            dst[oh * OW + ow] = best;
            idx[oh * OW + ow] = bi;
        }
    }
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
/* 16 outputs at a time: de-interleave even/odd input columns of both rows,
 * then the same four-way "greater, or NaN" chain with lane masks. */
__attribute__((target("avx512f"))) static void maxpool_2x2_plane_avx512(float *dst, int32_t *idx,
                                                                         const float *src, int64_t W,
                                                                         int64_t OH, int64_t OW) {
    const __m512i even = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
    const __m512i odd = _mm512_add_epi32(even, _mm512_set1_epi32(1));
    const __m512i lane2 = _mm512_slli_epi32(_mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), 1);
    for (int64_t oh = 0; oh < OH; oh++) {
        const float *r0 = src + 2 * oh * W, *r1 = r0 + W;
        for (int64_t ow = 0; ow < OW; ow += 16) {
            const int64_t cnt = OW - ow < 16 ? OW - ow : 16;
            const __mmask16 out_mask = (__mmask16)((1u << cnt) - 1);
            const __mmask16 lo = (__mmask16)(cnt >= 8 ? 0xFFFF : (1u << (2 * cnt)) - 1);
            const __mmask16 hi = (__mmask16)(cnt <= 8 ? 0 : (1u << (2 * cnt - 16)) - 1);
            const float *p0 = r0 + 2 * ow, *p1 = r1 + 2 * ow;
            const __m512 a_lo = _mm512_maskz_loadu_ps(lo, p0), a_hi = _mm512_maskz_loadu_ps(hi, p0 + 16);
            const __m512 b_lo = _mm512_maskz_loadu_ps(lo, p1), b_hi = _mm512_maskz_loadu_ps(hi, p1 + 16);
            const __m512 v[4] = {_mm512_permutex2var_ps(a_lo, even, a_hi), _mm512_permutex2var_ps(a_lo, odd, a_hi),
                                 _mm512_permutex2var_ps(b_lo, even, b_hi), _mm512_permutex2var_ps(b_lo, odd, b_hi)};
            const __m512i i0 = _mm512_add_epi32(_mm512_set1_epi32((int32_t)(2 * oh * W + 2 * ow)), lane2);
            const int32_t step[4] = {0, 1, (int32_t)W, (int32_t)W + 1};
            __m512 best = v[0];
            __m512i bi = i0;
            for (int j = 1; j < 4; j++) {
                const __mmask16 take = _mm512_cmp_ps_mask(v[j], best, _CMP_GT_OQ) | _mm512_cmp_ps_mask(v[j], v[j], _CMP_UNORD_Q);
                best = _mm512_mask_mov_ps(best, take, v[j]);
                bi = _mm512_mask_mov_epi32(bi, take, _mm512_add_epi32(i0, _mm512_set1_epi32(step[j])));
            }
            _mm512_mask_storeu_ps(dst + oh * OW + ow, out_mask, best);
            _mm512_mask_storeu_epi32(idx + oh * OW + ow, out_mask, bi);
        }
    }
}
#endif

void maxpool2d_forward_cpu(float *out, int32_t *argmax, const float *in, const cnnc_pool_geom *g) {
    const int64_t planes = g->N * g->C, H = g->H, W = g->W, OH = g->OH, OW = g->OW;
    const int T = cpu_threads_for(planes);
    if (maxpool_is_2x2_s2(g)) {
#if defined(__x86_64__) && defined(__GNUC__)
        if (cpu_has_avx512()) {
#pragma omp parallel for num_threads(T) schedule(static)
            for (int64_t p = 0; p < planes; p++)
                maxpool_2x2_plane_avx512(out + p * OH * OW, argmax + p * OH * OW, in + p * H * W, W, OH, OW);
            return;
        }
#endif
#pragma omp parallel for num_threads(T) schedule(static)
        for (int64_t p = 0; p < planes; p++)
            maxpool_2x2_plane(out + p * OH * OW, argmax + p * OH * OW, in + p * H * W, W, OH, OW);
        return;
    }
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t p = 0; p < planes; p++) {
        const float *src = in + p * H * W;
        float *dst = out + p * OH * OW;
        int32_t *idx = argmax + p * OH * OW;
        for (int64_t oh = 0; oh < OH; oh++) {
            int64_t h0 = oh * g->SH - g->PH;
            const int64_t h1 = h0 + (g->KH - 1) * g->DH + 1 < H ? h0 + (g->KH - 1) * g->DH + 1 : H;
            while (h0 < 0) h0 += g->DH;
            for (int64_t ow = 0; ow < OW; ow++) {
                int64_t w0 = ow * g->SW - g->PW;
                const int64_t w1 = w0 + (g->KW - 1) * g->DW + 1 < W ? w0 + (g->KW - 1) * g->DW + 1 : W;
                while (w0 < 0) w0 += g->DW;
                /* PyTorch: start at the first real position with -inf; a larger
                 * value or any NaN takes over (padding never wins). */
                int64_t best_i = h0 * W + w0;
                float best = -INFINITY;
                for (int64_t h = h0; h < h1; h += g->DH) {
                    for (int64_t w = w0; w < w1; w += g->DW) {
                        const float v = src[h * W + w];
                        if (v > best || isnan(v)) {
                            best = v;
                            best_i = h * W + w;
                        }
                    }
                }
                dst[oh * OW + ow] = best;
                idx[oh * OW + ow] = (int32_t)best_i;
            }
        }
    }
}

void maxpool2d_backward_cpu(float *din, const float *dout, const int32_t *argmax, const cnnc_pool_geom *g) {
    const int64_t planes = g->N * g->C, HW = g->H * g->W, OHW = g->OH * g->OW;
    const int T = cpu_threads_for(planes);
#pragma omp parallel for num_threads(T) schedule(static)
    for (int64_t p = 0; p < planes; p++) {
        float *d = din + p * HW;
        const float *go = dout + p * OHW;
        const int32_t *idx = argmax + p * OHW;
        memset(d, 0, (size_t)HW * sizeof(float));
        for (int64_t i = 0; i < OHW; i++) d[idx[i]] += go[i];
    }
}


/* ---- the engine's entry ---- */

static cnnc_status maxpool2d_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    maxpool2d_forward_cpu(r->out, (int32_t *)r->aux, r->in[0], &r->shape->g.pool);
    return CNNC_OK;
}

static cnnc_status maxpool2d_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) maxpool2d_backward_cpu(r->din[0], r->dout, (const int32_t *)r->aux, &r->shape->g.pool);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_maxpool2d = {NULL, NULL, maxpool2d_fwd, maxpool2d_bwd};
/* MaxPool1d is stored as a max pool of height 1 (src/layers/maxpool1d.c): the same kernels. */
const cnnc_kernel cnnc_cpu_maxpool1d = {NULL, NULL, maxpool2d_fwd, maxpool2d_bwd};

/* MaxUnpool2d scatters by its pool's indices, which the engine does not keep. */
static const char *maxunpool2d_unsupported(const cnnc_engine *e, int32_t node) {
    (void)e; (void)node;
    return "MaxUnpool2d scatters by its MaxPool2d's indices, which cnnc's engines do not keep (check and summary follow it)";
}
const cnnc_kernel cnnc_cpu_maxunpool2d = {maxunpool2d_unsupported, NULL, NULL, NULL};
