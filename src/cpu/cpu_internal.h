/* cpu_internal.h — helpers shared by the CPU kernel files (not a contract). */
#ifndef CNNC_CPU_INTERNAL_H
#define CNNC_CPU_INTERNAL_H

#include <stdint.h>
#include "cpu/cpu_kernels.h"

#ifdef __cplusplus
extern "C" {
#endif

/* OpenBLAS thread count for GEMMs issued from inside an OpenMP loop over
 * samples: each thread runs its own single-threaded GEMM. Returns the old
 * count so the caller can restore it. */
int cpu_blas_threads_push(int threads);
void cpu_blas_threads_pop(int old_threads);

/* blas.c: OpenBLAS through dlopen on first use (a plain loop if it is missing). */
void cpu_blas_set_threads(int threads);
int cpu_blas_get_threads(void);
/* C[M,N] = op(A)[M,K] B[K,N] (+ C when accumulate), row-major; A transposed when trans_a. */
void cpu_blas_sgemm(int trans_a, int M, int N, int K, const float *A, int lda, const float *B, int ldb,
                    int accumulate, float *C, int ldc);
/* The same with B transposed when trans_b (B is then [N,K] row-major). */
void cpu_blas_sgemm_tt(int trans_a, int trans_b, int M, int N, int K, const float *A, int lda, const float *B, int ldb,
                       int accumulate, float *C, int ldc);

/* C[M,N] = (or += when accumulate) A * B with A(m,k) = A[m*rsa + k*csa]
 * (row-major: rsa = lda, csa = 1; transposed: rsa = 1, csa = lda) and B
 * row-major [K,N]. AVX-512 kernel when the CPU has it, else cblas_sgemm. */
void cpu_gemm(int64_t M, int64_t N, int64_t K, const float *A, int64_t rsa, int64_t csa,
              const float *B, int64_t ldb, float *C, int64_t ldc, int accumulate);
int cpu_gemm_uses_avx512(void);
/* Whether the CPU has AVX-512F (for the hand-vectorised pooling path). */
int cpu_has_avx512(void);
/* The same with optional row offsets: row i of A at A + aoff[i] (NULL: i*rsa),
 * row k of B at B + boff[k] (NULL: k*ldb). This lets a stride-1 conv read
 * shifted views of a padded image instead of an im2col copy. AVX-512 only:
 * returns 0 (and does nothing) where cpu_gemm_uses_avx512() is 0. */
int cpu_gemm_offsets(int64_t M, int64_t N, int64_t K, const float *A, const int32_t *aoff,
                     int64_t rsa, int64_t csa, const float *B, const int32_t *boff, int64_t ldb,
                     float *C, int64_t ldc, int accumulate);
/* Tests: force the cblas path (1) or go back to auto-detection (0). */
void cpu_gemm_force_blas(int force);

/* How many threads a loop over `items` independent work items should use:
 * never more than the items, never less than 1. */
static inline int cpu_threads_for(int64_t items) {
    int t = cpu_get_threads();
    if ((int64_t)t > items) t = (int)items;
    return t < 1 ? 1 : t;
}

#ifdef __cplusplus
}
#endif
#endif
