/* device.cu — which GPUs cnnc can use, and when none, why: no driver, no
 * device, or a driver too old for the CUDA runtime cnnc was built with. Safe
 * to call on a machine without a GPU or a driver (it never crashes there). */
#include <stdio.h>
#include <string.h>
#include <cuda_runtime_api.h>
#include <cublas_v2.h>
#include "cnnc/engine.h"
#include "cuda_check.h"
#include "backend_cuda.h"

/* The reason no device is usable, in PyTorch's words where PyTorch has them. */
static void explain_no_device(cudaError_t rc, cnnc_error *err) {
    int driver = 0;
    if (cudaDriverGetVersion(&driver) != cudaSuccess) driver = 0;  /* 0: no libcuda */
    const int runtime = CUDART_VERSION;
    if (rc == cudaErrorInsufficientDriver && driver == 0) {
        cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                       "Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and "
                       "installed a driver from http://www.nvidia.com/Download/index.aspx "
                       "(no driver: libcuda.so could not be loaded; cnnc was built with CUDA runtime %d.%d)",
                       runtime / 1000, runtime % 1000 / 10);
    } else if (rc == cudaErrorInsufficientDriver || (driver > 0 && driver / 1000 < runtime / 1000)) {
        cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                       "The NVIDIA driver on your system is too old (found version %d). Please update your GPU "
                       "driver by downloading and installing a new version from the URL: "
                       "http://www.nvidia.com/Download/index.aspx (driver too old: it supports CUDA %d.%d, cnnc "
                       "was built with CUDA runtime %d.%d)",
                       driver, driver / 1000, driver % 1000 / 10, runtime / 1000, runtime % 1000 / 10);
    } else if (rc == cudaErrorNoDevice || rc == cudaSuccess) {
        cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                       "No CUDA GPUs are available (no device: the NVIDIA driver %d.%d is loaded but reports no "
                       "GPU; check CUDA_VISIBLE_DEVICES and nvidia-smi)",
                       driver / 1000, driver % 1000 / 10);
    } else {
        cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                       "CUDA initialization failed: %s (%s) (driver version %d, runtime %d)",
                       cudaGetErrorString(rc), cudaGetErrorName(rc), driver, runtime);
    }
}

int cnnc_cuda_dev_count(cnnc_error *err) {
    int n = 0;
    cudaError_t rc = cudaGetDeviceCount(&n);
    if (rc == cudaSuccess && n > 0) return n;
    (void)cudaGetLastError();  /* the runtime remembers init errors; don't leak them */
    explain_no_device(rc, err);
    return 0;
}

cnnc_status cnnc_cuda_dev_info(int index, cnnc_device_info *info, cnnc_error *err) {
    if (!info) return cnnc_error_set(err, CNNC_ERR_USAGE, "ValueError", "cnnc_cuda_device_info: info is NULL");
    memset(info, 0, sizeof *info);
    int n = cnnc_cuda_dev_count(err);
    if (n == 0) return CNNC_ERR_DEVICE;
    if (index < 0 || index >= n)
        return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                              "CUDA error: invalid device ordinal (device %d requested; %d device%s visible)",
                              index, n, n == 1 ? "" : "s");
    cudaDeviceProp prop;
    CNNC_CUDA_CHECK(cudaGetDeviceProperties(&prop, index));
    snprintf(info->name, sizeof info->name, "%.127s", prop.name);
    info->major = prop.major;
    info->minor = prop.minor;
    info->multiprocessors = prop.multiProcessorCount;
    int previous = 0;
    CNNC_CUDA_CHECK(cudaGetDevice(&previous));
    CNNC_CUDA_CHECK(cudaSetDevice(index));
    size_t free_bytes = 0, total_bytes = 0;
    cudaError_t rc = cudaMemGetInfo(&free_bytes, &total_bytes);
    (void)cudaSetDevice(previous);
    CNNC_CUDA_CHECK(rc);
    info->free_bytes = free_bytes;
    info->total_bytes = total_bytes;
    return CNNC_OK;
}

void cnnc_cuda_dev_versions(char *buf, size_t cap) {
    if (!buf || cap == 0) return;
    int driver = 0;
    if (cudaDriverGetVersion(&driver) != cudaSuccess) driver = 0;
    char drv[32];
    if (driver > 0)
        snprintf(drv, sizeof drv, "%d.%d", driver / 1000, driver % 1000 / 10);
    else
        snprintf(drv, sizeof drv, "none");
    int bmaj = 0, bmin = 0, bpatch = 0;
    (void)cublasGetProperty(MAJOR_VERSION, &bmaj);
    (void)cublasGetProperty(MINOR_VERSION, &bmin);
    (void)cublasGetProperty(PATCH_LEVEL, &bpatch);
    char dnn[48];
#if defined(CNNC_HAVE_CUDNN)
    int v = cnnc_cudnn_version();
    snprintf(dnn, sizeof dnn, "cuDNN %d.%d.%d", v / 10000, v % 10000 / 100, v % 100);
#else
    snprintf(dnn, sizeof dnn, "cuDNN not built in");
#endif
    snprintf(buf, cap, "CUDA runtime %d.%d, driver %s, cuBLAS %d.%d.%d, %s", CUDART_VERSION / 1000,
             CUDART_VERSION % 1000 / 10, drv, bmaj, bmin, bpatch, dnn);
}
