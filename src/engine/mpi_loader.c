/* mpi_loader.c — finding and loading the MPI module (libcnnc-mpi.so) when a
 * communicator is first opened. Nothing here links against MPI: a program that
 * is not started by mpirun or srun never maps libmpi (docs/startup.md).
 *
 * Where the module is looked for, first found wins:
 *   - $CNNC_MPI_PLUGIN, when set: that file only;
 *   - next to the file holding this code (the cnnc program, or libcnnc.so),
 *     and in ../<libdir>/ from there (an installed bin/cnnc finds lib/);
 *   - the dynamic loader's own search (LD_LIBRARY_PATH, ld.so.cache). */
#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/dist_internal.h"
#include "engine/plugin_search.h"

#ifndef CNNC_PLUGIN_LIBDIR
#define CNNC_PLUGIN_LIBDIR "lib"
#endif

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const cnnc_mpi_plugin *loaded;
static cnnc_error load_error;

#if defined(CNNC_MPI_PLUGIN_BUILT)
static void explain_dlerror(const char *path, const char *why, cnnc_error *err) {
    cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError", "cannot load the MPI module %s: %s", path, why);
    if (err && strstr(why, "libmpi"))
        snprintf(err->hint, sizeof err->hint,
                 "install the MPI library the module was built with (Debian: apt-get install openmpi-bin "
                 "libopenmpi3), or run without mpirun/srun");
}

/* 1 loaded; 0 not there (keep looking); -1 there but unusable (stop). */
static int try_path(const char *path, int search, cnnc_error *err) {
    /* RTLD_GLOBAL: Open MPI's own components (mca_*.so) resolve against libmpi. */
    void *h;
    const char *why;
    int r = cnnc_plugin_open(path, search, RTLD_NOW | RTLD_GLOBAL, CNNC_MPI_PLUGIN_FILE, &h, &why);
    if (r < 0) explain_dlerror(path, why, err);
    if (r <= 0) return r;
    cnnc_mpi_plugin_entry_fn entry;
    *(void **)&entry = dlsym(h, CNNC_MPI_PLUGIN_ENTRY);
    const cnnc_mpi_plugin *p = entry ? entry() : NULL;
    if (!p || p->abi != CNNC_MPI_PLUGIN_ABI || !p->init || !p->finalize || !p->bcast || !p->allgather ||
        !p->alltoallv_floats || !p->allgatherv_floats_inplace || !p->abort || !p->library_version) {
        cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                       "the MPI module %s is not one this cnnc can use (plugin ABI %d, want %d)", path,
                       p ? p->abi : 0, CNNC_MPI_PLUGIN_ABI);
        if (err) snprintf(err->hint, sizeof err->hint, "install the libcnnc-mpi.so built with this cnnc");
        dlclose(h);
        return -1;
    }
    loaded = p;
    return 1;
}

static void load_module(void) {
    cnnc_error *err = &load_error;
    cnnc_error_clear(err);
    const char *env = getenv("CNNC_MPI_PLUGIN");
    if (env && env[0]) {
        if (try_path(env, 0, err) == 0)
            cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError", "no MPI module at %s (CNNC_MPI_PLUGIN)", env);
        return;
    }
    if (cnnc_plugin_search(CNNC_MPI_PLUGIN_FILE, try_path, NULL, 0, err) != 0) return;
    cnnc_error_set(err, CNNC_ERR_DEVICE, "RuntimeError",
                   "cannot find the MPI module %s (next to the cnnc program, in ../%s, or on the loader's path)",
                   CNNC_MPI_PLUGIN_FILE, CNNC_PLUGIN_LIBDIR);
    snprintf(err->hint, sizeof err->hint, "build cnnc with MPI installed (libopenmpi-dev), or set CNNC_MPI_PLUGIN");
}
#else
static void load_module(void) {
    cnnc_error_clear(&load_error);
    cnnc_error_set(&load_error, CNNC_ERR_DEVICE, "RuntimeError",
                   "cnnc was built without MPI (no MPI library was found at configure time)");
    snprintf(load_error.hint, sizeof load_error.hint,
             "install Open MPI (Debian: apt-get install openmpi-bin libopenmpi-dev), then configure and build "
             "again (scripts/build.sh)");
}
#endif

cnnc_status cnnc_mpi_plugin_load(const cnnc_mpi_plugin **out, cnnc_error *err) {
    pthread_once(&load_once, load_module);
    *out = loaded;
    if (loaded) return CNNC_OK;
    if (err) *err = load_error;
    return load_error.status != CNNC_OK ? load_error.status : CNNC_ERR_DEVICE;
}

static int env_int(const char *name) {
    const char *v = getenv(name);
    return v && *v ? atoi(v) : 0;
}

const char *cnnc_dist_launcher(void) {
    const char *off = getenv("CNNC_DIST");
    if (off && !strcmp(off, "0")) return NULL;
    if (getenv("OMPI_COMM_WORLD_SIZE")) return "mpirun";
    if (getenv("SLURM_STEP_NUM_TASKS")) return "srun";
    if (getenv("PMI_SIZE") || getenv("PMIX_RANK")) return "pmi";
    return NULL;
}

int cnnc_dist_launcher_size(void) {
    const char *l = cnnc_dist_launcher();
    if (!l) return 0;
    if (!strcmp(l, "mpirun")) return env_int("OMPI_COMM_WORLD_SIZE");
    if (!strcmp(l, "srun")) return env_int("SLURM_STEP_NUM_TASKS");
    return env_int("PMI_SIZE");   /* PMIx alone says no size in the environment: 0 */
}
