/* cuda_loader.c — finding and loading the CUDA plugin (libcnnc-cuda.so) on
 * first use, and the public device API (cnnc/engine.h) answered through it.
 * Nothing here links against CUDA: a program that never asks for a CUDA engine
 * or device never maps the CUDA libraries. When the module or one of its
 * libraries is missing, the error names the library and how to install it.
 *
 * Where the module is looked for, first found wins:
 *   - $CNNC_CUDA_PLUGIN, when set: that file only (empty: none at all);
 *   - next to the file holding this code (the cnnc program, or libcnnc.so),
 *     and in ../<libdir>/ from there (an installed bin/cnnc finds lib/);
 *   - the dynamic loader's own search (LD_LIBRARY_PATH, ld.so.cache).
 * With CNNC_CUDA_STATIC_PLUGIN (the emulated CUDA build, tests/emu) the backend
 * is linked in and the same table is taken without dlopen. */
#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/cuda_plugin.h"
#include "engine/cuda_loader_msg.h"
#include "engine/plugin_search.h"

#ifndef CNNC_VERSION_STRING
#define CNNC_VERSION_STRING "unknown"
#endif

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const cnnc_cuda_plugin *loaded;
static cnnc_error load_error;
static char loaded_path[PATH_MAX + 64];

#if defined(CNNC_CUDA_PLUGIN_BUILT) && !defined(CNNC_CUDA_STATIC_PLUGIN)
/* The module's table, if it is one this core can use. */
static int accept_module(void *handle, const char *path, cnnc_error *err) {
    cnnc_cuda_plugin_entry_fn entry;
    *(void **)&entry = dlsym(handle, CNNC_CUDA_PLUGIN_ENTRY);
    if (!entry) {
        cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                       "the CUDA plugin %s is not a cnnc plugin (it has no %s)", path, CNNC_CUDA_PLUGIN_ENTRY);
        return 0;
    }
    const cnnc_cuda_plugin *p = entry();
    if (!p || p->abi != CNNC_CUDA_PLUGIN_ABI || !p->version || strcmp(p->version, CNNC_VERSION_STRING) != 0 ||
        p->engine_bytes != sizeof(struct cnnc_engine) || p->ops_bytes != sizeof(cnnc_backend_ops) || !p->backend ||
        !p->device_count || !p->device_info || !p->versions) {
        cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                       "the CUDA plugin %s was built for cnnc %s (plugin ABI %d), not for this cnnc %s (ABI %d)",
                       path, p && p->version ? p->version : "?", p ? p->abi : 0, CNNC_VERSION_STRING,
                       CNNC_CUDA_PLUGIN_ABI);
        if (err) snprintf(err->hint, sizeof err->hint, "install the plugin built with this cnnc");
        return 0;
    }
    loaded = p;
    snprintf(loaded_path, sizeof loaded_path, "%s", path);
    return 1;
}

/* dlopen one candidate. 1 loaded; 0 not there (keep looking); -1 there but
 * unusable (the reason is in err: stop looking). */
static int try_path(const char *path, int search, cnnc_error *err) {
    void *h;
    const char *why;
    int r = cnnc_plugin_open(path, search, RTLD_NOW | RTLD_LOCAL, CNNC_CUDA_PLUGIN_FILE, &h, &why);
    if (r < 0) cnnc_cuda_explain_dlerror(path, why, err);
    if (r <= 0) return r;
    if (!accept_module(h, path, err)) {
        dlclose(h);
        return -1;
    }
    return 1;
}

static void load_module(void) {
    cnnc_error *err = &load_error;
    const char *env = getenv("CNNC_CUDA_PLUGIN");
    if (env) {
        if (!env[0]) {
            cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                           "the CUDA plugin is turned off (CNNC_CUDA_PLUGIN is set and empty)");
            return;
        }
        if (try_path(env, 0, err) == 0)
            cnnc_cuda_explain_not_found(env, "", err);
        return;
    }
    char looked[2 * (2 * PATH_MAX + 64)];
    if (cnnc_plugin_search(CNNC_CUDA_PLUGIN_FILE, try_path, looked, sizeof looked, err) != 0) return;
    cnnc_cuda_explain_not_found(NULL, looked, err);
}
#else
static void load_module(void) {
#if defined(CNNC_CUDA_STATIC_PLUGIN)
    loaded = cnnc_cuda_plugin_entry();
    snprintf(loaded_path, sizeof loaded_path, "(linked in)");
#else
    cnnc_error_set(&load_error, CNNC_ERR_DEVICE, "RuntimeError",
                   "cnnc was built without CUDA (nvcc was not found at configure time)");
    snprintf(load_error.hint, sizeof load_error.hint,
             "install the CUDA toolkit (nvcc) and cuDNN, then configure and build again (scripts/build.sh)");
#endif
}
#endif

cnnc_status cnnc_cuda_plugin_load(cnnc_error *err) {
    pthread_once(&load_once, load_module);
    if (loaded) return CNNC_OK;
    if (err) *err = load_error;
    return load_error.status != CNNC_OK ? load_error.status : CNNC_ERR_DEVICE;
}

const char *cnnc_cuda_plugin_path(void) {
    pthread_once(&load_once, load_module);
    return loaded ? loaded_path : NULL;
}

/* With no NVIDIA driver there is nothing the module could do: --device auto
 * does not load it (nor the CUDA libraries) then. */
static int driver_present(void) {
#if defined(CNNC_CUDA_STATIC_PLUGIN)
    return 1;
#else
    void *h = dlopen("libcuda.so.1", RTLD_LAZY | RTLD_LOCAL);
    if (!h) return 0;
    dlclose(h);
    return 1;
#endif
}

int cnnc_cuda_backend_probe(int auto_mode, const cnnc_backend_ops **ops, cnnc_error *why) {
    *ops = NULL;
    if (auto_mode && !driver_present()) {
#if defined(CNNC_CUDA_PLUGIN_BUILT)
        cnnc_error_set(why, CNNC_ERR_DEVICE, "RuntimeError",
                       "Found no NVIDIA driver on your system (libcuda.so.1 could not be loaded)");
#else
        (void)cnnc_cuda_plugin_load(why);
#endif
        return 0;
    }
    if (cnnc_cuda_plugin_load(why) != CNNC_OK) return 0;
    int n = loaded->device_count(why);
    if (n > 0) *ops = loaded->backend;
    return n;
}

int cnnc_cuda_device_count(cnnc_error *err) {
    if (cnnc_cuda_plugin_load(err) != CNNC_OK) return 0;
    return loaded->device_count(err);
}

cnnc_status cnnc_cuda_device_info(int index, cnnc_device_info *info, cnnc_error *err) {
    if (info) memset(info, 0, sizeof *info);
    cnnc_status s = cnnc_cuda_plugin_load(err);
    if (s != CNNC_OK) return s;
    return loaded->device_info(index, info, err);
}

void cnnc_cuda_versions(char *buf, size_t cap) {
    if (!buf || cap == 0) return;
    if (cnnc_cuda_plugin_load(NULL) == CNNC_OK) {
        loaded->versions(buf, cap);
        return;
    }
#if defined(CNNC_CUDA_PLUGIN_BUILT)
    snprintf(buf, cap, "CUDA plugin not loaded");
#else
    snprintf(buf, cap, "built without CUDA");
#endif
}
