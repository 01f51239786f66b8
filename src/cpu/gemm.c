/* gemm.c — a small AVX-512 SGEMM for the conv shapes (tens of rows, a few
 * hundred columns), chosen at run time when the CPU has AVX-512F. It exists
 * because Debian's DYNAMIC_ARCH OpenBLAS falls back to its SSE3 (Prescott)
 * kernels on virtual CPUs it cannot identify, which halves conv speed, and
 * because per-sample GEMMs this small pay OpenBLAS's packing overhead.
 * Without AVX-512 (or when forced off for tests) it calls cblas_sgemm (blas.c). */
#include <stdlib.h>
#include "cpu/cpu_internal.h"

static int gemm_mode = -1; /* -1 not probed, 0 cblas, 1 avx512 */

void cpu_gemm_force_blas(int force) { gemm_mode = force ? 0 : -1; }

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define CNNC_AVX512 __attribute__((target("avx512f")))

/* Register-blocked MR x (NV*16) kernels over all of K, written out (generated
 * once) so that GCC keeps every accumulator in a register. Row i of A starts at
 * A + aoff[i] (or i*rsa), element k of it at + k*csa; row k of B starts at
 * B + boff[k] (or k*ldb). */
CNNC_AVX512 static void gemm_8x32(int64_t K, const float *A, const int32_t *aoff, int64_t rsa, int64_t csa,
    const float *B, const int32_t *boff, int64_t ldb, float *C, int64_t ldc, __mmask16 k0, __mmask16 k1, int accumulate) {
    const float *a0 = A + (aoff ? aoff[0] : 0 * rsa);
    const float *a1 = A + (aoff ? aoff[1] : 1 * rsa);
    const float *a2 = A + (aoff ? aoff[2] : 2 * rsa);
    const float *a3 = A + (aoff ? aoff[3] : 3 * rsa);
    const float *a4 = A + (aoff ? aoff[4] : 4 * rsa);
    const float *a5 = A + (aoff ? aoff[5] : 5 * rsa);
    const float *a6 = A + (aoff ? aoff[6] : 6 * rsa);
    const float *a7 = A + (aoff ? aoff[7] : 7 * rsa);
    __m512 c0_0 = _mm512_setzero_ps(), c0_1 = _mm512_setzero_ps(), c1_0 = _mm512_setzero_ps(), c1_1 = _mm512_setzero_ps(), c2_0 = _mm512_setzero_ps(), c2_1 = _mm512_setzero_ps(), c3_0 = _mm512_setzero_ps(), c3_1 = _mm512_setzero_ps(), c4_0 = _mm512_setzero_ps(), c4_1 = _mm512_setzero_ps(), c5_0 = _mm512_setzero_ps(), c5_1 = _mm512_setzero_ps(), c6_0 = _mm512_setzero_ps(), c6_1 = _mm512_setzero_ps(), c7_0 = _mm512_setzero_ps(), c7_1 = _mm512_setzero_ps();
    for (int64_t k = 0; k < K; k++) {
        const float *b = B + (boff ? boff[k] : k * ldb);
        const int64_t ka = k * csa;
        const __m512 b0 = _mm512_maskz_loadu_ps(k0, b);
        const __m512 b1 = _mm512_maskz_loadu_ps(k1, b + 16);
        { const __m512 a = _mm512_set1_ps(a0[ka]);
          c0_0 = _mm512_fmadd_ps(a, b0, c0_0); c0_1 = _mm512_fmadd_ps(a, b1, c0_1); }
        { const __m512 a = _mm512_set1_ps(a1[ka]);
          c1_0 = _mm512_fmadd_ps(a, b0, c1_0); c1_1 = _mm512_fmadd_ps(a, b1, c1_1); }
        { const __m512 a = _mm512_set1_ps(a2[ka]);
          c2_0 = _mm512_fmadd_ps(a, b0, c2_0); c2_1 = _mm512_fmadd_ps(a, b1, c2_1); }
        { const __m512 a = _mm512_set1_ps(a3[ka]);
          c3_0 = _mm512_fmadd_ps(a, b0, c3_0); c3_1 = _mm512_fmadd_ps(a, b1, c3_1); }
        { const __m512 a = _mm512_set1_ps(a4[ka]);
          c4_0 = _mm512_fmadd_ps(a, b0, c4_0); c4_1 = _mm512_fmadd_ps(a, b1, c4_1); }
        { const __m512 a = _mm512_set1_ps(a5[ka]);
          c5_0 = _mm512_fmadd_ps(a, b0, c5_0); c5_1 = _mm512_fmadd_ps(a, b1, c5_1); }
        { const __m512 a = _mm512_set1_ps(a6[ka]);
          c6_0 = _mm512_fmadd_ps(a, b0, c6_0); c6_1 = _mm512_fmadd_ps(a, b1, c6_1); }
        { const __m512 a = _mm512_set1_ps(a7[ka]);
          c7_0 = _mm512_fmadd_ps(a, b0, c7_0); c7_1 = _mm512_fmadd_ps(a, b1, c7_1); }
    }
    if (accumulate) {
        c0_0 = _mm512_add_ps(c0_0, _mm512_maskz_loadu_ps(k0, C + 0 * ldc + 0));
        c0_1 = _mm512_add_ps(c0_1, _mm512_maskz_loadu_ps(k1, C + 0 * ldc + 16));
        c1_0 = _mm512_add_ps(c1_0, _mm512_maskz_loadu_ps(k0, C + 1 * ldc + 0));
        c1_1 = _mm512_add_ps(c1_1, _mm512_maskz_loadu_ps(k1, C + 1 * ldc + 16));
        c2_0 = _mm512_add_ps(c2_0, _mm512_maskz_loadu_ps(k0, C + 2 * ldc + 0));
        c2_1 = _mm512_add_ps(c2_1, _mm512_maskz_loadu_ps(k1, C + 2 * ldc + 16));
        c3_0 = _mm512_add_ps(c3_0, _mm512_maskz_loadu_ps(k0, C + 3 * ldc + 0));
        c3_1 = _mm512_add_ps(c3_1, _mm512_maskz_loadu_ps(k1, C + 3 * ldc + 16));
        c4_0 = _mm512_add_ps(c4_0, _mm512_maskz_loadu_ps(k0, C + 4 * ldc + 0));
        c4_1 = _mm512_add_ps(c4_1, _mm512_maskz_loadu_ps(k1, C + 4 * ldc + 16));
        c5_0 = _mm512_add_ps(c5_0, _mm512_maskz_loadu_ps(k0, C + 5 * ldc + 0));
        c5_1 = _mm512_add_ps(c5_1, _mm512_maskz_loadu_ps(k1, C + 5 * ldc + 16));
        c6_0 = _mm512_add_ps(c6_0, _mm512_maskz_loadu_ps(k0, C + 6 * ldc + 0));
        c6_1 = _mm512_add_ps(c6_1, _mm512_maskz_loadu_ps(k1, C + 6 * ldc + 16));
        c7_0 = _mm512_add_ps(c7_0, _mm512_maskz_loadu_ps(k0, C + 7 * ldc + 0));
        c7_1 = _mm512_add_ps(c7_1, _mm512_maskz_loadu_ps(k1, C + 7 * ldc + 16));
    }
    _mm512_mask_storeu_ps(C + 0 * ldc + 0, k0, c0_0);
    _mm512_mask_storeu_ps(C + 0 * ldc + 16, k1, c0_1);
    _mm512_mask_storeu_ps(C + 1 * ldc + 0, k0, c1_0);
    _mm512_mask_storeu_ps(C + 1 * ldc + 16, k1, c1_1);
    _mm512_mask_storeu_ps(C + 2 * ldc + 0, k0, c2_0);
    _mm512_mask_storeu_ps(C + 2 * ldc + 16, k1, c2_1);
    _mm512_mask_storeu_ps(C + 3 * ldc + 0, k0, c3_0);
    _mm512_mask_storeu_ps(C + 3 * ldc + 16, k1, c3_1);
    _mm512_mask_storeu_ps(C + 4 * ldc + 0, k0, c4_0);
    _mm512_mask_storeu_ps(C + 4 * ldc + 16, k1, c4_1);
    _mm512_mask_storeu_ps(C + 5 * ldc + 0, k0, c5_0);
    _mm512_mask_storeu_ps(C + 5 * ldc + 16, k1, c5_1);
    _mm512_mask_storeu_ps(C + 6 * ldc + 0, k0, c6_0);
    _mm512_mask_storeu_ps(C + 6 * ldc + 16, k1, c6_1);
    _mm512_mask_storeu_ps(C + 7 * ldc + 0, k0, c7_0);
    _mm512_mask_storeu_ps(C + 7 * ldc + 16, k1, c7_1);
}

CNNC_AVX512 static void gemm_1x32(int64_t K, const float *A, const int32_t *aoff, int64_t rsa, int64_t csa,
    const float *B, const int32_t *boff, int64_t ldb, float *C, int64_t ldc, __mmask16 k0, __mmask16 k1, int accumulate) {
    const float *a0 = A + (aoff ? aoff[0] : 0 * rsa);
    __m512 c0_0 = _mm512_setzero_ps(), c0_1 = _mm512_setzero_ps();
    for (int64_t k = 0; k < K; k++) {
        const float *b = B + (boff ? boff[k] : k * ldb);
        const int64_t ka = k * csa;
        const __m512 b0 = _mm512_maskz_loadu_ps(k0, b);
        const __m512 b1 = _mm512_maskz_loadu_ps(k1, b + 16);
        { const __m512 a = _mm512_set1_ps(a0[ka]);
          c0_0 = _mm512_fmadd_ps(a, b0, c0_0); c0_1 = _mm512_fmadd_ps(a, b1, c0_1); }
    }
    if (accumulate) {
        c0_0 = _mm512_add_ps(c0_0, _mm512_maskz_loadu_ps(k0, C + 0 * ldc + 0));
        c0_1 = _mm512_add_ps(c0_1, _mm512_maskz_loadu_ps(k1, C + 0 * ldc + 16));
    }
    _mm512_mask_storeu_ps(C + 0 * ldc + 0, k0, c0_0);
    _mm512_mask_storeu_ps(C + 0 * ldc + 16, k1, c0_1);
}

CNNC_AVX512 static void gemm_12x16(int64_t K, const float *A, const int32_t *aoff, int64_t rsa, int64_t csa,
    const float *B, const int32_t *boff, int64_t ldb, float *C, int64_t ldc, __mmask16 k0, __mmask16 k1, int accumulate) {
    const float *a0 = A + (aoff ? aoff[0] : 0 * rsa);
    const float *a1 = A + (aoff ? aoff[1] : 1 * rsa);
    const float *a2 = A + (aoff ? aoff[2] : 2 * rsa);
    const float *a3 = A + (aoff ? aoff[3] : 3 * rsa);
    const float *a4 = A + (aoff ? aoff[4] : 4 * rsa);
    const float *a5 = A + (aoff ? aoff[5] : 5 * rsa);
    const float *a6 = A + (aoff ? aoff[6] : 6 * rsa);
    const float *a7 = A + (aoff ? aoff[7] : 7 * rsa);
    const float *a8 = A + (aoff ? aoff[8] : 8 * rsa);
    const float *a9 = A + (aoff ? aoff[9] : 9 * rsa);
    const float *a10 = A + (aoff ? aoff[10] : 10 * rsa);
    const float *a11 = A + (aoff ? aoff[11] : 11 * rsa);
    __m512 c0_0 = _mm512_setzero_ps(), c1_0 = _mm512_setzero_ps(), c2_0 = _mm512_setzero_ps(), c3_0 = _mm512_setzero_ps(), c4_0 = _mm512_setzero_ps(), c5_0 = _mm512_setzero_ps(), c6_0 = _mm512_setzero_ps(), c7_0 = _mm512_setzero_ps(), c8_0 = _mm512_setzero_ps(), c9_0 = _mm512_setzero_ps(), c10_0 = _mm512_setzero_ps(), c11_0 = _mm512_setzero_ps();
    (void)k1;
    for (int64_t k = 0; k < K; k++) {
        const float *b = B + (boff ? boff[k] : k * ldb);
        const int64_t ka = k * csa;
        const __m512 b0 = _mm512_maskz_loadu_ps(k0, b);
        { const __m512 a = _mm512_set1_ps(a0[ka]);
          c0_0 = _mm512_fmadd_ps(a, b0, c0_0); }
        { const __m512 a = _mm512_set1_ps(a1[ka]);
          c1_0 = _mm512_fmadd_ps(a, b0, c1_0); }
        { const __m512 a = _mm512_set1_ps(a2[ka]);
          c2_0 = _mm512_fmadd_ps(a, b0, c2_0); }
        { const __m512 a = _mm512_set1_ps(a3[ka]);
          c3_0 = _mm512_fmadd_ps(a, b0, c3_0); }
        { const __m512 a = _mm512_set1_ps(a4[ka]);
          c4_0 = _mm512_fmadd_ps(a, b0, c4_0); }
        { const __m512 a = _mm512_set1_ps(a5[ka]);
          c5_0 = _mm512_fmadd_ps(a, b0, c5_0); }
        { const __m512 a = _mm512_set1_ps(a6[ka]);
          c6_0 = _mm512_fmadd_ps(a, b0, c6_0); }
        { const __m512 a = _mm512_set1_ps(a7[ka]);
          c7_0 = _mm512_fmadd_ps(a, b0, c7_0); }
        { const __m512 a = _mm512_set1_ps(a8[ka]);
          c8_0 = _mm512_fmadd_ps(a, b0, c8_0); }
        { const __m512 a = _mm512_set1_ps(a9[ka]);
          c9_0 = _mm512_fmadd_ps(a, b0, c9_0); }
        { const __m512 a = _mm512_set1_ps(a10[ka]);
          c10_0 = _mm512_fmadd_ps(a, b0, c10_0); }
        { const __m512 a = _mm512_set1_ps(a11[ka]);
          c11_0 = _mm512_fmadd_ps(a, b0, c11_0); }
    }
    if (accumulate) {
        c0_0 = _mm512_add_ps(c0_0, _mm512_maskz_loadu_ps(k0, C + 0 * ldc + 0));
        c1_0 = _mm512_add_ps(c1_0, _mm512_maskz_loadu_ps(k0, C + 1 * ldc + 0));
        c2_0 = _mm512_add_ps(c2_0, _mm512_maskz_loadu_ps(k0, C + 2 * ldc + 0));
        c3_0 = _mm512_add_ps(c3_0, _mm512_maskz_loadu_ps(k0, C + 3 * ldc + 0));
        c4_0 = _mm512_add_ps(c4_0, _mm512_maskz_loadu_ps(k0, C + 4 * ldc + 0));
        c5_0 = _mm512_add_ps(c5_0, _mm512_maskz_loadu_ps(k0, C + 5 * ldc + 0));
        c6_0 = _mm512_add_ps(c6_0, _mm512_maskz_loadu_ps(k0, C + 6 * ldc + 0));
        c7_0 = _mm512_add_ps(c7_0, _mm512_maskz_loadu_ps(k0, C + 7 * ldc + 0));
        c8_0 = _mm512_add_ps(c8_0, _mm512_maskz_loadu_ps(k0, C + 8 * ldc + 0));
        c9_0 = _mm512_add_ps(c9_0, _mm512_maskz_loadu_ps(k0, C + 9 * ldc + 0));
        c10_0 = _mm512_add_ps(c10_0, _mm512_maskz_loadu_ps(k0, C + 10 * ldc + 0));
        c11_0 = _mm512_add_ps(c11_0, _mm512_maskz_loadu_ps(k0, C + 11 * ldc + 0));
    }
    _mm512_mask_storeu_ps(C + 0 * ldc + 0, k0, c0_0);
    _mm512_mask_storeu_ps(C + 1 * ldc + 0, k0, c1_0);
    _mm512_mask_storeu_ps(C + 2 * ldc + 0, k0, c2_0);
    _mm512_mask_storeu_ps(C + 3 * ldc + 0, k0, c3_0);
    _mm512_mask_storeu_ps(C + 4 * ldc + 0, k0, c4_0);
    _mm512_mask_storeu_ps(C + 5 * ldc + 0, k0, c5_0);
    _mm512_mask_storeu_ps(C + 6 * ldc + 0, k0, c6_0);
    _mm512_mask_storeu_ps(C + 7 * ldc + 0, k0, c7_0);
    _mm512_mask_storeu_ps(C + 8 * ldc + 0, k0, c8_0);
    _mm512_mask_storeu_ps(C + 9 * ldc + 0, k0, c9_0);
    _mm512_mask_storeu_ps(C + 10 * ldc + 0, k0, c10_0);
    _mm512_mask_storeu_ps(C + 11 * ldc + 0, k0, c11_0);
}

CNNC_AVX512 static void gemm_1x16(int64_t K, const float *A, const int32_t *aoff, int64_t rsa, int64_t csa,
    const float *B, const int32_t *boff, int64_t ldb, float *C, int64_t ldc, __mmask16 k0, __mmask16 k1, int accumulate) {
    const float *a0 = A + (aoff ? aoff[0] : 0 * rsa);
    __m512 c0_0 = _mm512_setzero_ps();
    (void)k1;
    for (int64_t k = 0; k < K; k++) {
        const float *b = B + (boff ? boff[k] : k * ldb);
        const int64_t ka = k * csa;
        const __m512 b0 = _mm512_maskz_loadu_ps(k0, b);
        { const __m512 a = _mm512_set1_ps(a0[ka]);
          c0_0 = _mm512_fmadd_ps(a, b0, c0_0); }
    }
    if (accumulate) {
        c0_0 = _mm512_add_ps(c0_0, _mm512_maskz_loadu_ps(k0, C + 0 * ldc + 0));
    }
    _mm512_mask_storeu_ps(C + 0 * ldc + 0, k0, c0_0);
}

static __mmask16 mask_first(int64_t n) { return n >= 16 ? (__mmask16)0xFFFF : n <= 0 ? 0 : (__mmask16)((1u << n) - 1); }

CNNC_AVX512 static void gemm_avx512(int64_t M, int64_t N, int64_t K, const float *A,
                                    const int32_t *aoff, int64_t rsa, int64_t csa, const float *B,
                                    const int32_t *boff, int64_t ldb, float *C, int64_t ldc,
                                    int accumulate) {
    for (int64_t n0 = 0; n0 < N; n0 += 32) {
        const int64_t nw = N - n0 < 32 ? N - n0 : 32;
        const __mmask16 k0 = mask_first(nw), k1 = mask_first(nw - 16);
        const float *b = B + n0;
        float *c = C + n0;
        int64_t m0 = 0;
#define GEMM_CALL(KERNEL)                                                                       \
    KERNEL(K, aoff ? A : A + m0 * rsa, aoff ? aoff + m0 : NULL, rsa, csa, b, boff, ldb,          \
           c + m0 * ldc, ldc, k0, k1, accumulate)
        if (nw > 16) {
            for (; m0 + 8 <= M; m0 += 8) GEMM_CALL(gemm_8x32);
            for (; m0 < M; m0++) GEMM_CALL(gemm_1x32);
        } else {
            for (; m0 + 12 <= M; m0 += 12) GEMM_CALL(gemm_12x16);
            for (; m0 < M; m0++) GEMM_CALL(gemm_1x16);
        }
#undef GEMM_CALL
    }
}

static int gemm_probe(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") ? 1 : 0;
}
#else
static int gemm_probe(void) { return 0; }
#endif

int cpu_has_avx512(void) {
    static int has = -1;
    if (has < 0) has = gemm_probe();
    return has;
}

int cpu_gemm_uses_avx512(void) {
    if (gemm_mode < 0) gemm_mode = gemm_probe();
    return gemm_mode == 1;
}

void cpu_gemm(int64_t M, int64_t N, int64_t K, const float *A, int64_t rsa, int64_t csa,
              const float *B, int64_t ldb, float *C, int64_t ldc, int accumulate) {
#if defined(__x86_64__) && defined(__GNUC__)
    if (cpu_gemm_uses_avx512()) {
        gemm_avx512(M, N, K, A, NULL, rsa, csa, B, NULL, ldb, C, ldc, accumulate);
        return;
    }
#endif
    /* A is row-major (csa == 1) or its transpose (rsa == 1). */
    const int trans_a = csa != 1;
    int64_t lda = trans_a ? csa : rsa;
    if (lda < (trans_a ? M : K)) lda = trans_a ? M : K; /* 1-row/1-column A: stride unused */
    cpu_blas_sgemm(trans_a, (int)M, (int)N, (int)K, A, (int)lda, B, (int)ldb, accumulate, C, (int)ldc);
}

int cpu_gemm_offsets(int64_t M, int64_t N, int64_t K, const float *A, const int32_t *aoff,
                     int64_t rsa, int64_t csa, const float *B, const int32_t *boff, int64_t ldb,
                     float *C, int64_t ldc, int accumulate) {
#if defined(__x86_64__) && defined(__GNUC__)
    if (cpu_gemm_uses_avx512()) {
        gemm_avx512(M, N, K, A, aoff, rsa, csa, B, boff, ldb, C, ldc, accumulate);
        return 1;
    }
#endif
    (void)M; (void)N; (void)K; (void)A; (void)aoff; (void)rsa; (void)csa;
    (void)B; (void)boff; (void)ldb; (void)C; (void)ldc; (void)accumulate;
    return 0;
}
