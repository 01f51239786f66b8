// cublas_emu.cpp — the GEMMs cnnc asks of cuBLAS, as plain loops on the host:
// C = alpha * op(A) op(B) + beta * C, column-major, one float accumulator per
// element summed in k order (cuBLAS's order is its own; tests compare with
// tolerances). C is not read when beta is 0, as in cuBLAS. Operands are
// rounded as the requested math asks: to bf16 (nearest even) for
// CUBLAS_COMPUTE_32F_FAST_16BF — the behaviour cnnc's bf16 mode assumes of
// the hardware — and to TF32 (10 fraction bits, nearest even) under
// CUBLAS_TF32_TENSOR_OP_MATH or CUBLAS_COMPUTE_32F_FAST_TF32. Calls are
// enqueued like kernels, so a captured graph replays them.
#include <cublas_v2.h>

#include "cpu/cpu_kernels.h"

#include <cstdint>
#include <cstring>
#include <vector>

struct cublasContext {
    cublasMath_t math = CUBLAS_DEFAULT_MATH;
};

namespace {

enum Rounding { kExact, kTf32, kBf16 };

/* TF32 keeps 10 fraction bits: round to nearest even at bit 13. */
float tf32_round(float x) {
    uint32_t u;
    std::memcpy(&u, &x, sizeof u);
    if ((u & 0x7fffffffu) > 0x7f800000u) return x;  // NaN
    u += 0xfffu + ((u >> 13) & 1u);
    u &= ~0x1fffu;
    std::memcpy(&x, &u, sizeof x);
    return x;
}

/* bf16: the CPU backend's own rounding (src/cpu/bf16.c), so both sides of the
 * bf16 tests round alike by construction. */
float operand(float x, Rounding r) { return r == kBf16 ? bf16_round_cpu(x) : r == kTf32 ? tf32_round(x) : x; }

struct Gemm {
    cublasOperation_t ta, tb;
    int m, n, k;
    float alpha, beta;
    const float *A, *B;
    float *C;
    int lda, ldb, ldc;
    long long sa, sb, sc;
    int batch;
    Rounding rounding;

    void operator()() const {
        // op(A) as rows of k and op(B) as columns of k, rounded once: then
        // every element of C is one contiguous dot product.
        std::vector<float> a((size_t)m * k), bt((size_t)n * k);
        for (int b = 0; b < batch; b++) {
            const float *Ab = A + b * sa, *Bb = B + b * sb;
            float *Cb = C + b * sc;
            for (int i = 0; i < m; i++)
                for (int l = 0; l < k; l++)
                    a[(size_t)i * k + l] =
                        operand(ta == CUBLAS_OP_N ? Ab[i + (long long)l * lda] : Ab[l + (long long)i * lda], rounding);
            for (int j = 0; j < n; j++)
                for (int l = 0; l < k; l++)
                    bt[(size_t)j * k + l] =
                        operand(tb == CUBLAS_OP_N ? Bb[l + (long long)j * ldb] : Bb[j + (long long)l * ldb], rounding);
            for (int j = 0; j < n; j++)
                for (int i = 0; i < m; i++) {
                    const float *ai = a.data() + (size_t)i * k, *bj = bt.data() + (size_t)j * k;
                    float acc = 0.0f;
                    for (int l = 0; l < k; l++) acc += ai[l] * bj[l];
                    float *c = Cb + i + (long long)j * ldc;
                    *c = beta == 0.0f ? alpha * acc : alpha * acc + beta * *c;
                }
        }
    }
};

cublasStatus_t run(Gemm g) {
    if (g.m < 0 || g.n < 0 || g.k < 0 || g.batch < 0 || g.ta == CUBLAS_OP_C || g.tb == CUBLAS_OP_C)
        return CUBLAS_STATUS_INVALID_VALUE;
    if (g.lda < (g.ta == CUBLAS_OP_N ? g.m : g.k) || g.ldb < (g.tb == CUBLAS_OP_N ? g.k : g.n) || g.ldc < g.m)
        return CUBLAS_STATUS_INVALID_VALUE;
    cnnc_emu::enqueue(g);
    return CUBLAS_STATUS_SUCCESS;
}

Rounding rounding_of(cublasHandle_t h, cublasComputeType_t compute) {
    if (compute == CUBLAS_COMPUTE_32F_FAST_16BF) return kBf16;
    if (compute == CUBLAS_COMPUTE_32F_FAST_TF32) return kTf32;
    if (compute == CUBLAS_COMPUTE_32F_PEDANTIC) return kExact;
    return h->math == CUBLAS_TF32_TENSOR_OP_MATH ? kTf32 : kExact;
}

}  // namespace

cublasStatus_t cublasCreate(cublasHandle_t *handle) {
    *handle = new cublasContext();
    return CUBLAS_STATUS_SUCCESS;
}
cublasStatus_t cublasDestroy(cublasHandle_t handle) {
    delete handle;
    return CUBLAS_STATUS_SUCCESS;
}
cublasStatus_t cublasSetStream(cublasHandle_t, cudaStream_t) { return CUBLAS_STATUS_SUCCESS; }
cublasStatus_t cublasSetWorkspace(cublasHandle_t, void *, size_t) { return CUBLAS_STATUS_SUCCESS; }
cublasStatus_t cublasSetMathMode(cublasHandle_t handle, cublasMath_t mode) {
    handle->math = mode;
    return CUBLAS_STATUS_SUCCESS;
}
cublasStatus_t cublasGetMathMode(cublasHandle_t handle, cublasMath_t *mode) {
    *mode = handle->math;
    return CUBLAS_STATUS_SUCCESS;
}
cublasStatus_t cublasGetProperty(libraryPropertyType type, int *value) {
    *value = type == MAJOR_VERSION ? 13 : 0;
    return CUBLAS_STATUS_SUCCESS;
}
const char *cublasGetStatusString(cublasStatus_t status) {
    return status == CUBLAS_STATUS_SUCCESS ? "success" : "an invalid value was used as an argument";
}
const char *cublasGetStatusName(cublasStatus_t status) {
    return status == CUBLAS_STATUS_SUCCESS ? "CUBLAS_STATUS_SUCCESS" : "CUBLAS_STATUS_INVALID_VALUE";
}

cublasStatus_t cublasSgemm(cublasHandle_t handle, cublasOperation_t ta, cublasOperation_t tb, int m, int n, int k,
                           const float *alpha, const float *A, int lda, const float *B, int ldb, const float *beta,
                           float *C, int ldc) {
    return run(Gemm{ta, tb, m, n, k, *alpha, *beta, A, B, C, lda, ldb, ldc, 0, 0, 0, 1,
                    rounding_of(handle, CUBLAS_COMPUTE_32F)});
}

cublasStatus_t cublasSgemmStridedBatched(cublasHandle_t handle, cublasOperation_t ta, cublasOperation_t tb, int m,
                                         int n, int k, const float *alpha, const float *A, int lda, long long strideA,
                                         const float *B, int ldb, long long strideB, const float *beta, float *C,
                                         int ldc, long long strideC, int batch) {
    return run(Gemm{ta, tb, m, n, k, *alpha, *beta, A, B, C, lda, ldb, ldc, strideA, strideB, strideC, batch,
                    rounding_of(handle, CUBLAS_COMPUTE_32F)});
}

cublasStatus_t cublasGemmEx(cublasHandle_t handle, cublasOperation_t ta, cublasOperation_t tb, int m, int n, int k,
                            const void *alpha, const void *A, cudaDataType Atype, int lda, const void *B,
                            cudaDataType Btype, int ldb, const void *beta, void *C, cudaDataType Ctype, int ldc,
                            cublasComputeType_t compute, cublasGemmAlgo_t) {
    if (Atype != CUDA_R_32F || Btype != CUDA_R_32F || Ctype != CUDA_R_32F) return CUBLAS_STATUS_NOT_SUPPORTED;
    return run(Gemm{ta, tb, m, n, k, *(const float *)alpha, *(const float *)beta, (const float *)A, (const float *)B,
                    (float *)C, lda, ldb, ldc, 0, 0, 0, 1, rounding_of(handle, compute)});
}

cublasStatus_t cublasGemmStridedBatchedEx(cublasHandle_t handle, cublasOperation_t ta, cublasOperation_t tb, int m,
                                          int n, int k, const void *alpha, const void *A, cudaDataType Atype, int lda,
                                          long long strideA, const void *B, cudaDataType Btype, int ldb,
                                          long long strideB, const void *beta, void *C, cudaDataType Ctype, int ldc,
                                          long long strideC, int batch, cublasComputeType_t compute,
                                          cublasGemmAlgo_t) {
    if (Atype != CUDA_R_32F || Btype != CUDA_R_32F || Ctype != CUDA_R_32F) return CUBLAS_STATUS_NOT_SUPPORTED;
    return run(Gemm{ta, tb, m, n, k, *(const float *)alpha, *(const float *)beta, (const float *)A, (const float *)B,
                    (float *)C, lda, ldb, ldc, strideA, strideB, strideC, batch, rounding_of(handle, compute)});
}
