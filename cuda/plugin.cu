/* plugin.cu — the one symbol libcnnc-cuda.so exports for the core's loader
 * (src/engine/cuda_loader.c): the backend's vtable and the device API, with
 * what the loader checks that this module was built with the same cnnc. */
#include "backend_cuda.h"
#include "engine/cuda_plugin.h"

#ifndef CNNC_VERSION_STRING
#define CNNC_VERSION_STRING "unknown"
#endif

static const cnnc_cuda_plugin PLUGIN = {
    CNNC_CUDA_PLUGIN_ABI,
    CNNC_VERSION_STRING,
    sizeof(struct cnnc_engine),
    sizeof(cnnc_backend_ops),
    &cnnc_cuda_backend,
    cnnc_cuda_dev_count,
    cnnc_cuda_dev_info,
    cnnc_cuda_dev_versions,
};

extern "C" __attribute__((visibility("default"))) const cnnc_cuda_plugin *cnnc_cuda_plugin_entry(void) {
    return &PLUGIN;
}
