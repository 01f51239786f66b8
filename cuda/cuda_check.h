/* cuda_check.h — every CUDA, cuBLAS and cuDNN call goes through one of these
 * macros. On failure they fill the cnnc_error named `err` in scope with the
 * statement, file and line, and return a status (never exit or abort).
 * With CNNC_CUDA_DEBUG each launch check also synchronises, so an error
 * names the kernel that caused it. */
#ifndef CNNC_CUDA_CHECK_H
#define CNNC_CUDA_CHECK_H

#include <cuda_runtime_api.h>
#include "cnnc/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Fill err for a failed CUDA runtime call; returns CNNC_ERR_DEVICE or CNNC_ERR_DEVICE_OOM. */
cnnc_status cnnc_cuda_fail(cnnc_error *err, cudaError_t code, const char *stmt, const char *file, int line);
/* cuBLAS status (int so this header needs no cublas_v2.h). */
cnnc_status cnnc_cublas_fail(cnnc_error *err, int code, const char *stmt, const char *file, int line);
/* cuDNN status (int so this header needs no cudnn.h). */
cnnc_status cnnc_cudnn_fail(cnnc_error *err, int code, const char *stmt, const char *file, int line);

#ifdef __cplusplus
}
#endif

#define CNNC_CUDA_CHECK(stmt)                                                   \
    do {                                                                        \
        cudaError_t cnnc_rc_ = (stmt);                                          \
        if (cnnc_rc_ != cudaSuccess)                                            \
            return cnnc_cuda_fail(err, cnnc_rc_, #stmt, __FILE__, __LINE__);    \
    } while (0)

#define CNNC_CUBLAS_CHECK(stmt)                                                 \
    do {                                                                        \
        int cnnc_rc_ = (int)(stmt);                                             \
        if (cnnc_rc_ != 0)                                                      \
            return cnnc_cublas_fail(err, cnnc_rc_, #stmt, __FILE__, __LINE__);  \
    } while (0)

#define CNNC_CUDNN_CHECK(stmt)                                                  \
    do {                                                                        \
        int cnnc_rc_ = (int)(stmt);                                             \
        if (cnnc_rc_ != 0)                                                      \
            return cnnc_cudnn_fail(err, cnnc_rc_, #stmt, __FILE__, __LINE__);   \
    } while (0)

#if defined(CNNC_CUDA_DEBUG)
#define CNNC_LAUNCH_CHECK(kernel_name)                                          \
    do {                                                                        \
        CNNC_CUDA_CHECK(cudaGetLastError());                                    \
        CNNC_CUDA_CHECK(cudaDeviceSynchronize());                               \
    } while (0)
#else
#define CNNC_LAUNCH_CHECK(kernel_name) CNNC_CUDA_CHECK(cudaGetLastError())
#endif

#endif
