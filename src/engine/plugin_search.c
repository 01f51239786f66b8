/* plugin_search.c — the places a dlopened module is looked for (plugin_search.h). */
#define _GNU_SOURCE 1
#include "engine/plugin_search.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef CNNC_PLUGIN_LIBDIR
#define CNNC_PLUGIN_LIBDIR "lib"
#endif

int cnnc_plugin_open(const char *path, int search, int flags, const char *file, void **handle, const char **why) {
    struct stat sb;
    *handle = NULL;
    *why = NULL;
    if (!search && stat(path, &sb) != 0) return 0;
    void *h = dlopen(path, flags);
    if (h) {
        *handle = h;
        return 1;
    }
    const char *e = dlerror();
    char missing[PATH_MAX];
    snprintf(missing, sizeof missing, "%s: cannot open shared object file", file);
    if (search && e && strstr(e, missing)) return 0;
    *why = e ? e : "dlopen failed";
    return -1;
}

/* The directory of a file path into dir ("" when it has none). */
static void dir_of(const char *path, char *dir, size_t cap) {
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 0;
    if (n >= cap) n = 0;
    memcpy(dir, path, n);
    dir[n] = '\0';
}

/* Directories the core was loaded from: the file holding this function, and the program. */
static int core_dirs(char dirs[2][PATH_MAX]) {
    int n = 0;
    Dl_info info;
    char real[PATH_MAX];
    if (dladdr((void *)&cnnc_plugin_search, &info) && info.dli_fname && strchr(info.dli_fname, '/') &&
        realpath(info.dli_fname, real))
        dir_of(real, dirs[n++], PATH_MAX);
    ssize_t len = readlink("/proc/self/exe", real, sizeof real - 1);
    if (len > 0) {
        real[len] = '\0';
        dir_of(real, dirs[n], PATH_MAX);
        if (n == 0 || strcmp(dirs[0], dirs[n]) != 0) n++;
    }
    return n;
}

int cnnc_plugin_search(const char *file, cnnc_plugin_try_fn try_path, char *looked, size_t looked_cap,
                       cnnc_error *err) {
    char dirs[2][PATH_MAX], path[PATH_MAX + 64];
    if (looked && looked_cap) looked[0] = '\0';
    const int nd = core_dirs(dirs);
    for (int i = 0; i < nd; i++) {
        const char *sub[2] = {"", "/../" CNNC_PLUGIN_LIBDIR};
        for (int k = 0; k < 2; k++) {
            int w = snprintf(path, sizeof path, "%s%s/%s", dirs[i], sub[k], file);
            if (w < 0 || (size_t)w >= sizeof path) continue;
            int r = try_path(path, 0, err);
            if (r != 0) return r;
            if (looked && looked_cap) {
                size_t used = strlen(looked);
                snprintf(looked + used, looked_cap - used, "%s%s%s", used ? ", " : "", dirs[i], sub[k]);
            }
        }
    }
    return try_path(file, 1, err);
}
