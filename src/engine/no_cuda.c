/* no_cuda.c — the device API when cnnc is built without CUDA: no devices, and why. */
#include <stdio.h>
#include "cnnc/engine.h"

int cnnc_cuda_device_count(cnnc_error *err) {
    cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                   "cnnc was built without CUDA (nvcc was not found at configure time)");
    return 0;
}

cnnc_status cnnc_cuda_device_info(int index, cnnc_device_info *info, cnnc_error *err) {
    (void)index; (void)info;
    return cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError", "cnnc was built without CUDA");
}

void cnnc_cuda_versions(char *buf, size_t cap) {
    if (buf && cap) snprintf(buf, cap, "built without CUDA");
}
