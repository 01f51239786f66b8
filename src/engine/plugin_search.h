/* plugin_search.h — where the core looks for a module it dlopens (the CUDA and
 * MPI plugins), first found wins: next to the file holding the core (the cnnc
 * program, or libcnnc.so) and next to the program, then in ../<libdir>/ from
 * each (an installed bin/cnnc finds lib/), then the dynamic loader's own search
 * (LD_LIBRARY_PATH, ld.so.cache). */
#ifndef CNNC_PLUGIN_SEARCH_H
#define CNNC_PLUGIN_SEARCH_H

#include <stddef.h>
#include "cnnc/status.h"

/* One candidate: 1 loaded, 0 not there (keep looking), -1 there but unusable
 * (the reason is in err: stop). `search`: path is a bare file name for the
 * loader's own search, so "not found" comes from dlopen, not stat. */
typedef int (*cnnc_plugin_try_fn)(const char *path, int search, cnnc_error *err);

/* dlopen path with flags: 1 opened (*handle), 0 not there, -1 there but dlopen
 * failed (*why: dlerror's text). `file` is the module's file name, to tell the
 * loader's "cannot open" for it from one about a library it needs. */
int cnnc_plugin_open(const char *path, int search, int flags, const char *file, void **handle, const char **why);

/* Try `file` in each place above. Returns try's first nonzero answer, else 0
 * with the directories looked in, ", "-joined, in looked (may be NULL). */
int cnnc_plugin_search(const char *file, cnnc_plugin_try_fn try_path, char *looked, size_t looked_cap,
                       cnnc_error *err);

#endif
