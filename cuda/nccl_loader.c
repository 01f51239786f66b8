/* nccl_loader.c — opening libnccl on first use for the CUDA backend's
 * data-parallel reductions (nccl_api.h): the plugin itself links no NCCL, so
 * one-GPU training never needs it. */
#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "nccl_api.h"

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static cnnc_nccl_api api;
static int loaded;
static cnnc_error load_error;

static void load(void) {
    cnnc_error_clear(&load_error);
    /* the soname first (what a runtime package installs), then the development link */
    static const char *const names[] = {"libnccl.so.2", "libnccl.so"};
    void *h = NULL;
    const char *why = "";
    for (size_t k = 0; !h && k < sizeof names / sizeof names[0]; k++) {
        h = dlopen(names[k], RTLD_NOW | RTLD_LOCAL);
        if (h) api.library = names[k];
        else why = dlerror();
    }
    if (!h) {
        cnnc_error_set(&load_error, CNNC_ERR_DEVICE, "RuntimeError",
                       "NCCL is not installed: libnccl.so.2 cannot be loaded (%s)", why ? why : "");
        snprintf(load_error.hint, sizeof load_error.hint,
                 "install NCCL (NVIDIA's CUDA repository: apt-get install libnccl2; or the CUDA toolkit's lib "
                 "directory on LD_LIBRARY_PATH), or train with --dist-backend mpi");
        return;
    }
    struct { void **slot; const char *name; } syms[] = {
        {(void **)&api.get_unique_id, "ncclGetUniqueId"},
        {(void **)&api.comm_init_rank, "ncclCommInitRank"},
        {(void **)&api.comm_destroy, "ncclCommDestroy"},
        {(void **)&api.comm_get_async_error, "ncclCommGetAsyncError"},
        {(void **)&api.all_reduce, "ncclAllReduce"},
        {(void **)&api.broadcast, "ncclBroadcast"},
        {(void **)&api.get_error_string, "ncclGetErrorString"},
        {(void **)&api.get_last_error, "ncclGetLastError"},
    };
    for (size_t k = 0; k < sizeof syms / sizeof syms[0]; k++) {
        *syms[k].slot = dlsym(h, syms[k].name);
        if (!*syms[k].slot) {
            cnnc_error_set(&load_error, CNNC_ERR_DEVICE, "RuntimeError", "%s has no %s: NCCL 2.13 or later is needed",
                           api.library, syms[k].name);
            snprintf(load_error.hint, sizeof load_error.hint, "install a newer NCCL, or train with --dist-backend mpi");
            dlclose(h);
            return;
        }
    }
    loaded = 1;   /* kept open for the process's life, as the CUDA libraries are */
}

const cnnc_nccl_api *cnnc_nccl_api_load(cnnc_error *err) {
    if (pthread_once(&load_once, load) != 0) {
        cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError", "cannot load NCCL: pthread_once failed");
        return NULL;
    }
    if (!loaded) {
        if (err) *err = load_error;
        return NULL;
    }
    return &api;
}
