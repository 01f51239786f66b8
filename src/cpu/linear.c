/* linear.c — Linear as one cblas_sgemm each way (OpenBLAS threads itself). */
#include <string.h>
#include <cblas.h>
#include "cpu/cpu_kernels.h"

void linear_forward_cpu(float *out, const float *in, const float *weight, const float *bias,
                        int64_t M, int64_t K, int64_t N) {
    /* out[M,N] = in[M,K] * weight[N,K]^T (+ bias broadcast over rows) */
    float beta = 0.0f;
    if (bias) {
        for (int64_t m = 0; m < M; m++) memcpy(out + m * N, bias, (size_t)N * sizeof(float));
        beta = 1.0f;
    }
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)M, (int)N, (int)K, 1.0f, in, (int)K,
                weight, (int)K, beta, out, (int)N);
}

void linear_backward_cpu(float *din, float *dweight, float *dbias, const float *dout,
                         const float *in, const float *weight, int64_t M, int64_t K, int64_t N) {
    if (din) /* din[M,K] = dout[M,N] * weight[N,K] */
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)M, (int)K, (int)N, 1.0f, dout,
                    (int)N, weight, (int)K, 0.0f, din, (int)K);
    if (dweight) /* dweight[N,K] = dout[M,N]^T * in[M,K] */
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, (int)N, (int)K, (int)M, 1.0f, dout,
                    (int)N, in, (int)K, 0.0f, dweight, (int)K);
    if (dbias) {
        for (int64_t j = 0; j < N; j++) dbias[j] = 0.0f;
        for (int64_t m = 0; m < M; m++)
            for (int64_t j = 0; j < N; j++) dbias[j] += dout[m * N + j];
    }
}
