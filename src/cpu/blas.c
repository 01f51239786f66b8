/* blas.c — OpenBLAS, loaded with dlopen on first use rather than linked: a
 * program that only checks shapes never maps it. Loading it costs more than a
 * whole `cnnc check` (about 8 ms of CPU and a thread per core at start-up,
 * docs/startup.md), and with AVX-512 the CPU GEMMs do not call it at all
 * (gemm.c): it is loaded by the first GEMM that needs it or the first thread
 * count a CPU engine sets. Should it be missing at run time, the GEMM falls back to a plain
 * loop: the same sums, only slower. */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <cblas.h>   /* the prototypes only: nothing here links against OpenBLAS */
#include "cpu/cpu_internal.h"

#ifndef CNNC_OPENBLAS_DIR
#define CNNC_OPENBLAS_DIR "/usr/lib"
#endif

static pthread_once_t blas_once = PTHREAD_ONCE_INIT;
static __typeof__(cblas_sgemm) *blas_sgemm;
static __typeof__(openblas_set_num_threads) *blas_set_threads;
static __typeof__(openblas_get_num_threads) *blas_get_threads;
static int blas_threads_wanted;  /* cpu_blas_set_threads before the library is loaded */

static void blas_load(void) {
    /* The loader's search first (ld.so.cache: Debian's alternatives), then where it was found at build. */
    static const char *const names[] = {"libopenblas.so.0", CNNC_OPENBLAS_DIR "/libopenblas.so.0",
                                        "libopenblas.so", CNNC_OPENBLAS_DIR "/libopenblas.so"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        void *h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (!h) continue;
        *(void **)&blas_sgemm = dlsym(h, "cblas_sgemm");
        *(void **)&blas_set_threads = dlsym(h, "openblas_set_num_threads");
        *(void **)&blas_get_threads = dlsym(h, "openblas_get_num_threads");
        if (blas_sgemm && blas_set_threads && blas_get_threads) {
            if (blas_threads_wanted > 0) blas_set_threads(blas_threads_wanted);
            return;
        }
        blas_sgemm = NULL;
        blas_set_threads = NULL;
        blas_get_threads = NULL;
        dlclose(h);
    }
}

static int blas_ready(void) {
    pthread_once(&blas_once, blas_load);
    return blas_sgemm != NULL;
}

void cpu_blas_set_threads(int threads) {
    blas_threads_wanted = threads;
    if (blas_ready()) blas_set_threads(threads);
}

int cpu_blas_get_threads(void) {
    if (blas_ready()) return blas_get_threads();
    return blas_threads_wanted > 0 ? blas_threads_wanted : 1;
}

/* C[M,N] = op(A)[M,K] B[K,N] (+ C when accumulate), row-major, A transposed when trans_a. */
void cpu_blas_sgemm(int trans_a, int M, int N, int K, const float *A, int lda, const float *B, int ldb,
                    int accumulate, float *C, int ldc) {
    cpu_blas_sgemm_tt(trans_a, 0, M, N, K, A, lda, B, ldb, accumulate, C, ldc);
}

/* The same with B transposed when trans_b. */
void cpu_blas_sgemm_tt(int trans_a, int trans_b, int M, int N, int K, const float *A, int lda, const float *B, int ldb,
                       int accumulate, float *C, int ldc) {
    if (blas_ready()) {
        blas_sgemm(CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans, trans_b ? CblasTrans : CblasNoTrans, M, N, K, 1.0f,
                   A, lda, B, ldb, accumulate ? 1.0f : 0.0f, C, ldc);
        return;
    }
    for (int m = 0; m < M; m++) {
        float *c = C + (ptrdiff_t)m * ldc;
        if (!accumulate)
            for (int n = 0; n < N; n++) c[n] = 0.0f;
        for (int k = 0; k < K; k++) {
            const float a = trans_a ? A[(ptrdiff_t)k * lda + m] : A[(ptrdiff_t)m * lda + k];
            if (trans_b) {
                for (int n = 0; n < N; n++) c[n] += a * B[(ptrdiff_t)n * ldb + k];
                continue;
            }
            const float *b = B + (ptrdiff_t)k * ldb;
            for (int n = 0; n < N; n++) c[n] += a * b[n];
        }
    }
}
