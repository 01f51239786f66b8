/* cuda_loader_msg.h — what to tell the user when the CUDA plugin does not load
 * (cuda_loader_msg.c): which library is missing and how to install it. */
#ifndef CNNC_CUDA_LOADER_MSG_H
#define CNNC_CUDA_LOADER_MSG_H

#include "cnnc/status.h"

/* dlopen(path) failed with dlerror() text `why`: a library the module needs is
 * missing (named, with how to install it), or the module does not fit. */
void cnnc_cuda_explain_dlerror(const char *path, const char *why, cnnc_error *err);
/* No module was found: not at `asked` ($CNNC_CUDA_PLUGIN) when that is not NULL,
 * else in the directories `looked` nor on the loader's path. */
void cnnc_cuda_explain_not_found(const char *asked, const char *looked, cnnc_error *err);

#endif
