/* cuda_profile.cu — what `cnnc profile` times with: device events recorded
 * between nodes (the engine's loop places them), and the card's measured
 * FP32 GEMM rate and copy bandwidth to compare against. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cuda_runtime_api.h>
#include <cublas_v2.h>
#include "backend_cuda.h"

void cnnc_cuda_timer_close(cnnc_engine *e) {
    cnnc_cuda_state *st = cnnc_cuda_state_of(e);
    if (!st || !st->timer_ev) return;
    for (int k = 0; k < st->timer_n; k++)
        if (st->timer_ev[k]) (void)cudaEventDestroy(st->timer_ev[k]);
    free(st->timer_ev);
    st->timer_ev = NULL;
    st->timer_n = 0;
}

cnnc_status cnnc_cuda_timer_open(cnnc_engine *e, int marks, cnnc_error *err) {
    CUDA_ENTER(e, st);
    cnnc_cuda_timer_close(e);
    st->timer_ev = (cudaEvent_t *)calloc((size_t)(marks > 0 ? marks : 1), sizeof *st->timer_ev);
    if (!st->timer_ev) return cnnc_error_set(err, CNNC_ERR_NOMEM, "RuntimeError", "out of host memory (profile events)");
    st->timer_n = marks;
    for (int k = 0; k < marks; k++) {
        cudaError_t rc = cudaEventCreate(&st->timer_ev[k]);
        if (rc != cudaSuccess) {
            st->timer_ev[k] = NULL;
            return cnnc_cuda_fail(err, rc, "cudaEventCreate(&st->timer_ev[k])", __FILE__, __LINE__);
        }
    }
    return CNNC_OK;
}

cnnc_status cnnc_cuda_timer_mark(cnnc_engine *e, int k, cnnc_error *err) {
    CUDA_ENTER(e, st);
    if (k < 0 || k >= st->timer_n) return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "timer mark %d of %d", k, st->timer_n);
    CNNC_CUDA_CHECK(cudaEventRecord(st->timer_ev[k], st->stream));
    return CNNC_OK;
}

cnnc_status cnnc_cuda_timer_ms(cnnc_engine *e, int a, int b, double *ms, cnnc_error *err) {
    CUDA_ENTER(e, st);
    if (a < 0 || b < 0 || a >= st->timer_n || b >= st->timer_n)
        return cnnc_error_set(err, CNNC_ERR_USAGE, "RuntimeError", "timer marks %d, %d of %d", a, b, st->timer_n);
    CNNC_CUDA_CHECK(cudaEventSynchronize(st->timer_ev[b]));
    float f = 0.0f;
    CNNC_CUDA_CHECK(cudaEventElapsedTime(&f, st->timer_ev[a], st->timer_ev[b]));
    *ms = (double)f;
    return CNNC_OK;
}

/* Peaks as this card delivers them: an 8192^3 SGEMM (FP32, TF32 off) and a
 * 1 GiB device-to-device copy, best of a few runs. Temporary buffers. */
cnnc_status cnnc_cuda_measure_peaks(cnnc_engine *e, double *fp32_gflops, double *copy_gbps, cnnc_error *err) {
    CUDA_ENTER(e, st);
    const int M = 8192;
    const size_t mat = (size_t)M * M * sizeof(float), copy_bytes = (size_t)1 << 30;
    const size_t bytes = 3 * mat > 2 * copy_bytes ? 3 * mat : 2 * copy_bytes;
    void *buf = NULL;
    cnnc_status s = cnnc_cuda_alloc(st, &buf, bytes, "peak-measurement buffers", err);
    if (s) return s;
    cudaEvent_t a = NULL, b = NULL;
    cublasMath_t mode = CUBLAS_DEFAULT_MATH;
    float *A = (float *)buf, *B = A + (size_t)M * M, *C = B + (size_t)M * M;
    const float one = 1.0f, zero = 0.0f;
    double best_gemm = 1e30, best_copy = 1e30;
#define PEAK_CHECK(stmt) do { cudaError_t rc_ = (stmt); if (rc_ != cudaSuccess) { s = cnnc_cuda_fail(err, rc_, #stmt, __FILE__, __LINE__); goto done; } } while (0)
    PEAK_CHECK(cudaMemsetAsync(buf, 0, bytes, st->stream));
    PEAK_CHECK(cudaEventCreate(&a));
    PEAK_CHECK(cudaEventCreate(&b));
    if (cublasGetMathMode(st->cublas, &mode) != CUBLAS_STATUS_SUCCESS ||
        cublasSetMathMode(st->cublas, CUBLAS_DEFAULT_MATH) != CUBLAS_STATUS_SUCCESS) {
        s = cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError", "cuBLAS math mode could not be set");
        goto done;
    }
    for (int r = 0; r < 4; r++) {
        PEAK_CHECK(cudaEventRecord(a, st->stream));
        if (cublasSgemm(st->cublas, CUBLAS_OP_N, CUBLAS_OP_N, M, M, M, &one, A, M, B, M, &zero, C, M) !=
            CUBLAS_STATUS_SUCCESS) {
            s = cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError", "cublasSgemm failed while measuring the peak");
            break;
        }
        PEAK_CHECK(cudaEventRecord(b, st->stream));
        PEAK_CHECK(cudaEventSynchronize(b));
        float ms = 0.0f;
        PEAK_CHECK(cudaEventElapsedTime(&ms, a, b));
        if (r > 0 && ms < best_gemm) best_gemm = ms;  /* the first run warms up */
    }
    (void)cublasSetMathMode(st->cublas, mode);
    for (int r = 0; s == CNNC_OK && r < 4; r++) {
        PEAK_CHECK(cudaEventRecord(a, st->stream));
        PEAK_CHECK(cudaMemcpyAsync((char *)buf + copy_bytes, buf, copy_bytes, cudaMemcpyDeviceToDevice, st->stream));
        PEAK_CHECK(cudaEventRecord(b, st->stream));
        PEAK_CHECK(cudaEventSynchronize(b));
        float ms = 0.0f;
        PEAK_CHECK(cudaEventElapsedTime(&ms, a, b));
        if (r > 0 && ms < best_copy) best_copy = ms;
    }
#undef PEAK_CHECK
    if (s == CNNC_OK) {
        *fp32_gflops = 2.0 * (double)M * M * M / (best_gemm * 1e-3) / 1e9;
        *copy_gbps = 2.0 * (double)copy_bytes / (best_copy * 1e-3) / 1e9;
    }
done:
    if (a) (void)cudaEventDestroy(a);
    if (b) (void)cudaEventDestroy(b);
    (void)cudaStreamSynchronize(st->stream);
    (void)cudaFree(buf);
    st->held_bytes -= bytes;
    st->held_allocs--;
    return s;
}

