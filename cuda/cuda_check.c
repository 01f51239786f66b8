/* cuda_check.c — the error records behind the CNNC_*_CHECK macros: the failed
 * statement, where it is, and the library's own words for the code. */
#include "cuda_check.h"

#include <stdio.h>
#include <string.h>
#include <cublas_v2.h>
#include "backend_cuda.h"

/* "cuda/backend_cuda.cu" rather than the absolute path the compiler saw. */
static const char *short_path(const char *file) {
    const char *p = strstr(file, "/cuda/");
    return p ? p + 1 : file;
}

cnnc_status cnnc_cuda_fail(cnnc_error *err, cudaError_t code, const char *stmt, const char *file, int line) {
    cnnc_status status = code == cudaErrorMemoryAllocation ? CNNC_ERR_DEVICE_OOM : CNNC_ERR_DEVICE;
    /* Clear the error if it is not sticky, so the next call does not see it. */
    (void)cudaGetLastError();
    return cnnc_error_set(err, status, status == CNNC_ERR_DEVICE_OOM ? "OutOfMemoryError" : "RuntimeError",
                          "CUDA error: %s (%s) (%s) at %s:%d", cudaGetErrorString(code), cudaGetErrorName(code),
                          stmt, short_path(file), line);
}

cnnc_status cnnc_cublas_fail(cnnc_error *err, int code, const char *stmt, const char *file, int line) {
    cublasStatus_t s = (cublasStatus_t)code;
    cnnc_status status = s == CUBLAS_STATUS_ALLOC_FAILED ? CNNC_ERR_DEVICE_OOM : CNNC_ERR_DEVICE;
    return cnnc_error_set(err, status, "RuntimeError", "CUDA error: %s when calling `%s` (%s) at %s:%d",
                          cublasGetStatusName(s), stmt, cublasGetStatusString(s), short_path(file), line);
}

cnnc_status cnnc_cudnn_fail(cnnc_error *err, int code, const char *stmt, const char *file, int line) {
#if defined(CNNC_HAVE_CUDNN)
    const char *what = cnnc_cudnn_status_string(code);
#else
    const char *what = "cuDNN status";
#endif
    /* CUDNN_STATUS_INTERNAL_ERROR_{HOST,DEVICE}_ALLOCATION_FAILED (cuDNN 9 codes). */
    cnnc_status status = code == 4004 ? CNNC_ERR_DEVICE_OOM : code == 4003 ? CNNC_ERR_NOMEM : CNNC_ERR_DEVICE;
    return cnnc_error_set(err, status, "RuntimeError", "cuDNN error: %s (%d) (%s) at %s:%d", what, code, stmt,
                          short_path(file), line);
}
