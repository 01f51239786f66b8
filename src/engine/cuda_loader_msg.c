/* cuda_loader_msg.c — the words for a CUDA plugin that did not load: the
 * library that is missing and the package that brings it, on one line (it is
 * also the `note:` of --device auto), with the same advice in the hint. */
#include "engine/cuda_loader_msg.h"

#include <stdio.h>
#include <string.h>

#ifndef CNNC_CUDA_MAJOR
#define CNNC_CUDA_MAJOR 13
#endif

/* The library dlerror names in "NAME: cannot open shared object file: ...", or NULL. */
static const char *missing_library(const char *why, char *name, size_t cap) {
    const char *end = strstr(why, ": cannot open shared object file");
    if (!end) return NULL;
    const char *start = end;
    while (start > why && start[-1] != ' ' && start[-1] != '/') start--;
    size_t n = (size_t)(end - start);
    if (n == 0 || n >= cap) return NULL;
    memcpy(name, start, n);
    name[n] = '\0';
    return name;
}

/* The major version in "libcudnn.so.9" (fallback when there is none). */
static int soname_major(const char *name, int fallback) {
    const char *so = strstr(name, ".so.");
    int v = 0;
    return so && sscanf(so + 4, "%d", &v) == 1 ? v : fallback;
}

/* How to get the library `name`. */
static void install_advice(const char *name, char *buf, size_t cap) {
    if (strncmp(name, "libcudnn", 8) == 0) {
        const int v = soname_major(name, 9);
        snprintf(buf, cap,
                 "install cuDNN %d for CUDA %d (NVIDIA's apt repository: apt-get install libcudnn%d-cuda-%d; "
                 "or pip install nvidia-cudnn-cu%d) or add the directory holding %s to LD_LIBRARY_PATH",
                 v, CNNC_CUDA_MAJOR, v, CNNC_CUDA_MAJOR, CNNC_CUDA_MAJOR, name);
    } else if (strncmp(name, "libcublas", 9) == 0 || strncmp(name, "libcudart", 9) == 0) {
        const int v = soname_major(name, CNNC_CUDA_MAJOR);
        snprintf(buf, cap,
                 "install the CUDA %d runtime and cuBLAS (NVIDIA's apt repository: apt-get install "
                 "cuda-cudart-%d-0 libcublas-%d-0; or the CUDA toolkit) or add the directory holding %s "
                 "(e.g. /usr/local/cuda/lib64) to LD_LIBRARY_PATH",
                 v, v, v, name);
    } else if (strncmp(name, "libcuda.so", 10) == 0) {
        snprintf(buf, cap, "install the NVIDIA driver (https://www.nvidia.com/Download/index.aspx)");
    } else {
        snprintf(buf, cap, "install the package that provides %s, or add its directory to LD_LIBRARY_PATH", name);
    }
}

void cnnc_cuda_explain_dlerror(const char *path, const char *why, cnnc_error *err) {
    char name[128], advice[512];
    if (missing_library(why, name, sizeof name) && !strstr(name, "libcnnc-cuda")) {
        install_advice(name, advice, sizeof advice);
        cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                       "the CUDA plugin %s could not be loaded: it needs %s, which was not found: %s", path, name,
                       advice);
    } else {
        snprintf(advice, sizeof advice,
                 "use the libcnnc-cuda.so built with this cnnc (a program that links libcnnc.a must export "
                 "its symbols: link with -rdynamic)");
        cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError", "the CUDA plugin %s could not be loaded: %s", path,
                       why);
    }
    if (err) snprintf(err->hint, sizeof err->hint, "%s", advice);
}

void cnnc_cuda_explain_not_found(const char *asked, const char *looked, cnnc_error *err) {
    if (asked)
        cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                       "the CUDA plugin was not found: CNNC_CUDA_PLUGIN=%s does not exist: this cnnc runs on the "
                       "CPU only",
                       asked);
    else
        cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                       "the CUDA plugin libcnnc-cuda.so was not found (looked in %s and on the loader's path): this "
                       "cnnc runs on the CPU only",
                       looked[0] ? looked : "no directory");
    if (err)
        snprintf(err->hint, sizeof err->hint,
                 "build cnnc with the CUDA toolkit and cuDNN installed (scripts/build.sh) and install it "
                 "(cmake --install), or set CNNC_CUDA_PLUGIN=/path/to/libcnnc-cuda.so");
}
