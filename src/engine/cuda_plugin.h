/* cuda_plugin.h — the boundary between the core (libcnnc, the cnnc program) and
 * the CUDA backend, which is built as a shared module (libcnnc-cuda.so, with
 * the CUDA runtime, cuBLAS and cuDNN as its own dependencies) and loaded with
 * dlopen the first time a CUDA engine or device is asked for
 * (src/engine/cuda_loader.c). The module exports one function,
 * cnnc_cuda_plugin_entry, returning this table. The backend is compiled against
 * the engine's private structures (engine_internal.h), so a module is only
 * accepted from the same build: same ABI number, version and structure sizes.
 * The module's references to the core (cnnc_error_set, the shape pass, the
 * layer loop) resolve against the program that loads it, which exports them. */
#ifndef CNNC_CUDA_PLUGIN_H
#define CNNC_CUDA_PLUGIN_H

#include <stddef.h>
#include "cnnc/engine.h"
#include "engine/engine_internal.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bump when the table or anything the backend reads of the engine changes shape. */
#define CNNC_CUDA_PLUGIN_ABI 1
#define CNNC_CUDA_PLUGIN_ENTRY "cnnc_cuda_plugin_entry"
#define CNNC_CUDA_PLUGIN_FILE "libcnnc-cuda.so"

typedef struct cnnc_cuda_plugin {
    int abi;                         /* CNNC_CUDA_PLUGIN_ABI of the module's build */
    const char *version;             /* CNNC_VERSION of the module's build */
    size_t engine_bytes;             /* sizeof(struct cnnc_engine) there */
    size_t ops_bytes;                /* sizeof(cnnc_backend_ops) there */
    const cnnc_backend_ops *backend;
    /* The device API (cnnc/engine.h) as the module answers it. */
    int (*device_count)(cnnc_error *err);
    cnnc_status (*device_info)(int index, cnnc_device_info *info, cnnc_error *err);
    void (*versions)(char *buf, size_t cap);
} cnnc_cuda_plugin;

typedef const cnnc_cuda_plugin *(*cnnc_cuda_plugin_entry_fn)(void);

/* Defined by the module (cuda/plugin.cu). */
const cnnc_cuda_plugin *cnnc_cuda_plugin_entry(void);

/* ---- the core's side (cuda_loader.c) ---- */
/* The CUDA backend for an engine: loads the module if it is not loaded yet.
 * auto_mode: first look for the NVIDIA driver (libcuda.so.1) and do not load
 * the module without one. Returns the device count (0 with the reason in why);
 * *ops is the backend when the count is positive. */
int cnnc_cuda_backend_probe(int auto_mode, const cnnc_backend_ops **ops, cnnc_error *why);

#ifdef __cplusplus
}
#endif
#endif
